using System.Net;
using Bastion.Data;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Rectification;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Bastion.IntegrationTests.Rectification.RectificationCalls;

namespace Bastion.IntegrationTests.Rectification;

/// <summary>The ledger (台账) of a hand-built county: counts per state, filters, overdue first, the subtree only, a fixed number of statements, the export.</summary>
public sealed class RectificationLedgerTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    /// <summary>Six villages of a county: two identified, one planned, one rectifying with an overdue measure, one checked, one closed; a case in another county.</summary>
    private async Task<(RectificationTree Tree, Dictionary<string, long> Cases)> LedgerTreeAsync()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        var villages = new List<Organization> { tree.Village, tree.SecondVillage };
        for (var i = 0; i < 4; i++) villages.Add(await TestData.AddOrganizationAsync(app.Database, tree.Township, OrganizationKind.Branch, TestData.Unique("村党支部")));
        var cases = new Dictionary<string, long>
        {
            ["identified1"] = await IdentifyAsync(client, villages[0].Id, null, WeakSituation.VoteBuying),
            ["identified2"] = await IdentifyAsync(client, villages[1].Id, null, WeakSituation.NoActivities),
        };
        var planned = await IdentifyAsync(client, villages[2].Id, null, WeakSituation.NoActivities, WeakSituation.PoorService);
        await OkAsync(PlanAsync(client, planned, ("配齐班子", Today.AddDays(30))));
        cases["planned"] = planned;
        var (rectifying, _) = await RectifyingAsync(client, villages[3].Id, Today.AddDays(-3), Today.AddDays(30));
        cases["rectifying"] = rectifying;
        var (checkedCase, s1) = await RectifyingAsync(client, villages[4].Id, Today.AddDays(10));
        await CompleteAllAsync(client, checkedCase, s1);
        await OkAsync(CheckAsync(client, checkedCase, passed: true));
        cases["checked"] = checkedCase;
        var (closed, s2) = await RectifyingAsync(client, villages[5].Id, Today.AddDays(10));
        await CompleteAllAsync(client, closed, s2);
        await OkAsync(CheckAsync(client, closed, passed: true));
        await OkAsync(CloseAsync(client, closed));
        cases["closed"] = closed;

        var other = await RectificationTree.CreateAsync(app);
        cases["other"] = await IdentifyAsync(await app.Factory.CreateApiClientAsync(other.CountyStaff), other.Village.Id);
        return (tree, cases);
    }

    [Fact]
    public async Task Ledger_CountsPerState_InTheSubtreeOnly_OverdueFirst_AndFilters()
    {
        var (tree, cases) = await LedgerTreeAsync();
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);

        var ledger = await Http.GetJsonAsync(client, "/api/v1/rectification/cases");
        var counts = ledger.GetProperty("counts").EnumerateArray().ToDictionary(c => c.GetProperty("state").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Identified"] = 2, ["Planned"] = 1, ["Rectifying"] = 1, ["Checked"] = 1, ["Closed"] = 1 }, counts);
        var ids = Http.Ids(ledger.GetProperty("cases"));
        Assert.Equal(6, ids.Count);
        Assert.DoesNotContain(cases["other"], ids);
        Assert.Equal(cases["rectifying"], ids[0]);
        Assert.True(ledger.GetProperty("cases").GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(1, ledger.GetProperty("cases").GetProperty("items")[0].GetProperty("stepsOverdue").GetInt32());
        Assert.Equal(cases["closed"], ids[^1]);

        var byState = await Http.GetJsonAsync(client, "/api/v1/rectification/cases?state=Identified");
        Assert.Equal([cases["identified1"], cases["identified2"]], Http.Ids(byState.GetProperty("cases")).Order());
        Assert.Equal(2, byState.GetProperty("cases").GetProperty("totalCount").GetInt32());
        var bySituation = await Http.GetJsonAsync(client, "/api/v1/rectification/cases?situation=NoActivities");
        // identified2, planned, and the rectifying, checked and closed cases (identified with NoActivities among others).
        Assert.Equal(5, bySituation.GetProperty("cases").GetProperty("totalCount").GetInt32());
        var byYear = await Http.GetJsonAsync(client, $"/api/v1/rectification/cases?year={Today.AddDays(-60).Year - 1}");
        Assert.Equal(0, byYear.GetProperty("cases").GetProperty("totalCount").GetInt32());

        // The township's staff see the same villages; the other county's staff see only theirs.
        var township = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.Township.Id));
        Assert.Equal(6, (await Http.GetJsonAsync(township, "/api/v1/rectification/cases")).GetProperty("cases").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Ledger_TakesTheSameFewStatements_ForOneCaseOrMany()
    {
        var (tree, _) = await LedgerTreeAsync();
        var single = await RectificationTree.CreateAsync(app);
        await IdentifyAsync(await app.Factory.CreateApiClientAsync(single.CountyStaff), single.Village.Id);

        async Task<(int Statements, int Rows)> CountAsync(Organization county, long? org)
        {
            var counter = new StatementCounter();
            var options = new DbContextOptionsBuilder<BastionDb>();
            BastionStorage.Configure(options, app.Database.Settings);
            options.AddInterceptors(counter);
            await using var db = new BastionDb(options.Options, new FixedDataScope(county.Path, "test"), TimeProvider.System);
            var ledger = await RectificationQueries.LedgerAsync(db, new RectificationFilter { OrganizationId = org }, 1);
            return (counter.Count, ledger.Cases.Items.Count);
        }

        var many = await CountAsync(tree.County, null);
        var one = await CountAsync(single.County, null);
        Assert.Equal((2, 6), many);
        Assert.Equal((2, 1), one);
        Assert.Equal((3, 6), await CountAsync(tree.County, tree.Township.Id));
    }

    [Fact]
    public async Task Export_OpensAsAWorkbook_WithARowPerCaseOfTheSubtree()
    {
        var (tree, cases) = await LedgerTreeAsync();
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        using var response = await client.GetAsync("/api/v1/rectification/cases/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Workbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(cases.Where(c => c.Key != "other").Select(c => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            rows.Select(r => r["编号"]?.ToString()).Order());
        var first = rows[0];
        Assert.Equal(cases["rectifying"].ToString(System.Globalization.CultureInfo.InvariantCulture), first["编号"]?.ToString());
        Assert.Equal("整顿中", first["状态"]?.ToString());
        Assert.Equal("0/2", first["措施完成"]?.ToString());
        Assert.Equal("1", first["逾期措施"]?.ToString());
        Assert.Equal("是", first["逾期"]?.ToString());
        Assert.Contains(rows, r => r["情形"]?.ToString() == "换届选举拉票贿选问题突出");
        Assert.Contains(rows, r => r["包联县级领导"]?.ToString() == "王建国（县委常委、组织部部长）");
    }
}
