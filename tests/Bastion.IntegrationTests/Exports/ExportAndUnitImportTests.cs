using System.Net;
using System.Net.Http.Headers;
using Bastion.Coverage;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Bastion.IntegrationTests.Exports;

/// <summary>Workbook exports of the organization list, the unit register and dues arrears; the all-or-nothing unit import.</summary>
public sealed class ExportAndUnitImportTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Workbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task OrganizationList_HasEveryOrganizationOfTheSubtree_WithItsMemberCounts()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var town = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var branch = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.Branch, TestData.Unique("支部"));
        await StructureTestData.AddMembersAsync(app.Database, branch, 5);
        await StructureTestData.AddMembersAsync(app.Database, branch, 2, Bastion.Members.MemberCategory.Probationary);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, town.Id));

        using var response = await client.GetAsync($"/api/v1/organizations/{town.Id}/export.xlsx");
        var rows = await SheetAsync(response);
        Assert.Equal([town.Name, branch.Name], rows.Select(r => r["组织名称"]?.ToString()));
        var b = rows[1];
        Assert.Equal("党支部", b["类别"]);
        Assert.Equal(town.Name, b["上级组织"]);
        Assert.Equal("7", b["党员数"]?.ToString());
        Assert.Equal("5", b["正式党员"]?.ToString());
        using var outside = await client.GetAsync($"/api/v1/organizations/{root.Id}/export.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task UnitImport_WithOneBadRow_ImportsNothing_AndTheExportRoundTrips()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var town = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var joint = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.JointBranch, TestData.Unique("联合支部"));
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, town.Id));
        var good = new object?[][]
        {
            ["甲科技有限公司", "非公企业", "91350100M000100Y43", "35", "4", "联合建立党组织", joint.Name],
            ["乙商会", "社会组织", null, "12", "1", "未覆盖", null],
        };
        var bad = good.Append(["丙公司", "外星企业", null, "x", "2", "未覆盖", "不存在的支部"]).ToArray();

        using (var refused = await PostSheetAsync(client, town.Id, bad))
        {
            var errors = (await Http.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("rowErrors").EnumerateArray().ToList();
            Assert.All(errors, e => Assert.Equal(4, e.GetProperty("row").GetInt32()));
            Assert.Equal(["单位类型", "职工人数", "覆盖组织"], errors.Select(e => e.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
        }
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Set<Unit>().CountAsync(u => u.OrganizationId == town.Id));

        using (var ok = await PostSheetAsync(client, town.Id, good))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(2, (await Http.JsonAsync(ok)).GetProperty("imported").GetInt32());
        }
        await using (var db = app.Database.NewContext())
        {
            var units = await db.Set<Unit>().Where(u => u.OrganizationId == town.Id).ToDictionaryAsync(u => u.Name);
            Assert.Equal(CoverageKind.JointBranch, units["甲科技有限公司"].Coverage);
            Assert.Equal(joint.Id, units["甲科技有限公司"].CoveringOrganizationId);
            Assert.Equal(CoverageKind.NotCovered, units["乙商会"].Coverage);
        }
        using (var again = await PostSheetAsync(client, town.Id, good))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        using var export = await client.GetAsync($"/api/v1/units/export.xlsx?org={town.Id}");
        var rows = await SheetAsync(export);
        Assert.Equal(["乙商会", "甲科技有限公司"], rows.Select(r => r["单位名称"]?.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r["覆盖组织"]?.ToString() == joint.Name && r["覆盖方式"]?.ToString() == "联合建立党组织");
    }

    [Fact]
    public async Task ArrearsExport_ListsTheMembersBehind()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch, TestData.Unique("支部"));
        await StructureTestData.AddMembersAsync(app.Database, branch, 2);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        using var response = await client.GetAsync($"/api/v1/dues/arrears.xlsx?organizationId={branch.Id}");
        var rows = await SheetAsync(response);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("是", r["连续六个月未交"]));
    }

    private static async Task<HttpResponseMessage> PostSheetAsync(HttpClient client, long orgId, object?[][] rows)
    {
        var data = rows.Select(r => (IDictionary<string, object?>)ImportUnits.Columns.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(Workbook.ContentType);
        content.Add(file, "file", "units.xlsx");
        return await client.PostAsync($"/api/v1/organizations/{orgId}/units/import", content);
    }
}
