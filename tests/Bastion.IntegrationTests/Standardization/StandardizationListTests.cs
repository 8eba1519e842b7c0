using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Standardization;

namespace Bastion.IntegrationTests.Standardization;

public sealed class StandardizationListTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private sealed record Tree(Organization County, Organization Township, List<Organization> Branches);

    /// <summary>
    /// A township with branches: (total, category) per branch, null for never confirmed. Each confirmed branch also gets
    /// an older year (model, 95) that its newer assessment overrides, a superseded one and a draft that must not count.
    /// </summary>
    private async Task<Tree> BuildAsync(params (int Total, StandardizationCategory Category)?[] current)
    {
        var root = await TestData.AddRootAsync(app.Database);
        var county = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var township = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Committee);
        var branches = new List<Organization>();
        for (var i = 0; i < current.Length; i++)
            branches.Add(await TestData.AddOrganizationAsync(app.Database, township, OrganizationKind.Branch, $"{TestData.Unique("支部")}-{i:00}"));
        await using var db = app.Database.NewContext();
        var year = DateTime.Now.Year - 1;
        StandardizationAssessment A(Organization o, int y, AssessmentStatus status, int? total, StandardizationCategory? category) => new()
        {
            OrganizationId = o.Id, Year = y, Status = status, RuleSetVersion = "standardization.national.2026", AsOf = new DateOnly(y, 12, 31),
            Total = total, Category = category, StartedBy = "test", StartedAt = DateTime.UtcNow,
            ConfirmedAt = status == AssessmentStatus.Draft ? null : DateTime.UtcNow, ConfirmedBy = status == AssessmentStatus.Draft ? null : "test",
        };
        for (var i = 0; i < current.Length; i++)
        {
            if (current[i] is not { } c) continue;
            db.Add(A(branches[i], year - 1, AssessmentStatus.Confirmed, 95, StandardizationCategory.Model));
            db.Add(A(branches[i], year, AssessmentStatus.Superseded, 99, StandardizationCategory.Model));
            db.Add(A(branches[i], year, AssessmentStatus.Confirmed, c.Total, c.Category));
            db.Add(A(branches[i], year + 1, AssessmentStatus.Draft, null, null));
        }
        await db.SaveChangesAsync();
        return new Tree(county, township, branches);
    }

    [Fact]
    public async Task SubtreeList_GivesEveryBranchsCurrentCategory_WeakestFirst_WithCounts_AndFilters()
    {
        var t = await BuildAsync((75, StandardizationCategory.Standard), (40, StandardizationCategory.Weak), null, (92, StandardizationCategory.Model),
            (65, StandardizationCategory.Standard), (95, StandardizationCategory.Weak));
        var upper = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.County.Id));

        var view = await Http.GetJsonAsync(upper, $"/api/v1/standardization/organizations/{t.Township.Id}");
        var counts = view.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("weak").GetInt32());
        Assert.Equal(2, counts.GetProperty("standard").GetInt32());
        Assert.Equal(1, counts.GetProperty("model").GetInt32());
        Assert.Equal(1, counts.GetProperty("notAssessed").GetInt32());
        var ids = view.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("organizationId").GetInt64()).ToList();
        // weak 40, weak 95 (identified), standard 65, standard 75, model 92, never assessed
        Assert.Equal(new[] { 1, 5, 4, 0, 3, 2 }.Select(i => t.Branches[i].Id), ids);

        var weak = await Http.GetJsonAsync(upper, $"/api/v1/standardization/organizations/{t.Township.Id}?category=weak");
        Assert.Equal(new[] { 1, 5 }.Select(i => t.Branches[i].Id), weak.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("organizationId").GetInt64()));
        var none = await Http.GetJsonAsync(upper, $"/api/v1/standardization/organizations/{t.Township.Id}?category=none");
        Assert.Equal([t.Branches[2].Id], none.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("organizationId").GetInt64()));
        using var bad = await upper.GetAsync($"/api/v1/standardization/organizations/{t.Township.Id}?category=excellent");
        await Http.ProblemAsync(bad, HttpStatusCode.BadRequest);

        // A branch secretary sees only its own branch.
        var secretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branches[0].Id));
        using var outside = await secretary.GetAsync($"/api/v1/standardization/organizations/{t.Township.Id}");
        await Http.ProblemAsync(outside, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_WritesTheListWeakestFirst()
    {
        var t = await BuildAsync((88, StandardizationCategory.Standard), (30, StandardizationCategory.Weak), null);
        var upper = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.County.Id));

        using var xlsx = await upper.GetAsync($"/api/v1/standardization/organizations/{t.Township.Id}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(Bastion.Shared.Workbook.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([t.Branches[1].Name, t.Branches[0].Name, t.Branches[2].Name], rows.Select(r => r["党支部"]?.ToString()));
        Assert.Equal(["后进（软弱涣散）", "规范", "未考评"], rows.Select(r => r["类别"]?.ToString()));
        Assert.Equal("30", rows[0]["总分"]?.ToString());
        Assert.Equal(t.Township.Name, rows[0]["上级组织"]?.ToString());

        using var page = await (await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.County.Id)))
            .GetAsync($"/Standardization?org={t.Township.Id}&handler=Export&category=weak");
        var weakRows = MiniExcelLibs.MiniExcel.Query(await page.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([t.Branches[1].Name], weakRows.Select(r => r["党支部"]?.ToString()));
    }

    [Fact]
    public async Task SubtreeList_TakesTheSameNumberOfStatements_WhateverTheNumberOfBranches()
    {
        var small = await BuildAsync((70, StandardizationCategory.Standard));
        var large = await BuildAsync(Enumerable.Range(0, 12).Select(i => ((int, StandardizationCategory)?)(50 + i * 4, i < 3 ? StandardizationCategory.Weak : StandardizationCategory.Standard)).Append(null).ToArray());
        var counter = new StatementCounter();
        await using var db = StructureTestData.CountingContext(app.Database, counter);

        var one = await StandardizationQueries.SubtreeAsync(db, small.Township.Id, null, null, null);
        var forOne = counter.Count;
        counter.Reset();
        var many = await StandardizationQueries.SubtreeAsync(db, large.Township.Id, null, null, null);

        Assert.Equal(1, one!.Counts.Branches);
        Assert.Equal(13, many!.Counts.Branches);
        Assert.Equal(13, many.Rows.Items.Count);
        Assert.Equal(forOne, counter.Count);
        Assert.True(counter.Count <= 4, $"{counter.Count} statements");
        counter.Reset();
        await StandardizationQueries.AllAsync(db, large.Township.Id, null);
        Assert.True(counter.Count <= 2, $"{counter.Count} statements for the export");
    }
}
