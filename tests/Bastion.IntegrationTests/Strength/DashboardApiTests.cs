using System.Net;
using System.Text.Json;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;
using static Bastion.IntegrationTests.Strength.DashboardTestData;

namespace Bastion.IntegrationTests.Strength;

/// <summary>/api/v1/strength: the snapshot's shapes, errors as problem details, the administrator's run, the data scope, the workbooks.</summary>
public sealed class DashboardApiTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<HttpClient> ApiAsync(string role, Organization organization, long? memberId = null) =>
        await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(role, organization.Id, memberId));

    [Fact]
    public async Task Overview_Children_Warnings_Trend_AndIndicator_AnswerTheStoredFigures()
    {
        var c = await DashboardPageTests.CountyAsync(app.Database);
        var api = await ApiAsync(BastionRoles.OrganizationDepartment, c.Root);

        var runs = await Http.GetJsonAsync(api, "/api/v1/strength/runs");
        Assert.Contains(runs.EnumerateArray(), r => r.GetProperty("period").GetString() == c.Run.Period);

        var o = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{c.Root.Id}?period={c.Run.Period}");
        Assert.Equal(c.Run.Period, o.GetProperty("run").GetProperty("period").GetString());
        Assert.Equal(78.5, o.GetProperty("score").GetProperty("total").GetDouble());
        Assert.Equal(3.5, o.GetProperty("change").GetDouble());
        Assert.Equal(2, o.GetProperty("score").GetProperty("siblingRank").GetInt32());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("score").GetProperty("development").ValueKind);
        Assert.Equal(2, o.GetProperty("children").GetInt32());
        var indicators = o.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        Assert.Equal(StrengthRuleSet.Load().Indicators.Count, indicators.Count);
        Assert.True(indicators["study-on-time"].GetProperty("hasData").GetBoolean());
        Assert.Equal(45, indicators["study-on-time"].GetProperty("numerator").GetDouble());
        Assert.Equal(80, indicators["study-on-time"].GetProperty("ownScore").GetDouble());
        Assert.False(indicators["satisfaction"].GetProperty("hasData").GetBoolean());
        Assert.Equal(JsonValueKind.Null, indicators["satisfaction"].GetProperty("score").ValueKind);
        Assert.Equal(["secretary-vacant"], o.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal(["secretary-vacant", "silent-branch", "dues-arrears"], o.GetProperty("subtreeWarnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal(3, o.GetProperty("subtreeWarningCount").GetInt32());

        var children = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{c.Root.Id}/children?period={c.Run.Period}");
        Assert.Equal([c.TownA.Id, c.TownB.Id], children.EnumerateArray().Select(x => x.GetProperty("organizationId").GetInt64()));
        Assert.Equal(1, children[1].GetProperty("highWarnings").GetInt32());

        var warnings = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{c.Root.Id}/warnings?period={c.Run.Period}&minSeverity=High&pageSize=1");
        Assert.Equal(2, warnings.GetProperty("totalCount").GetInt32());
        var first = Assert.Single(warnings.GetProperty("items").EnumerateArray());
        Assert.Equal("书记长期空缺", first.GetProperty("name").GetString());
        Assert.Equal("CommitteeIncomplete", first.GetProperty("situation").GetString());
        Assert.Equal("High", first.GetProperty("severity").GetString());
        Assert.Equal(5, first.GetProperty("measure").GetDouble());
        Assert.Equal(3, first.GetProperty("threshold").GetDouble());

        var detail = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{c.Root.Id}/indicators/study-on-time?period={c.Run.Period}");
        Assert.Equal("study-on-time", detail.GetProperty("rule").GetProperty("code").GetString());
        Assert.Equal(10, detail.GetProperty("figures").GetProperty("ownDenominator").GetDouble());
        Assert.Equal([c.TownB.Id, c.TownA.Id], detail.GetProperty("childIds").EnumerateArray().Select(x => x.GetInt64()));
        Assert.False(detail.GetProperty("recordsHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("records").ValueKind);

        using var unknown = await api.GetAsync($"/api/v1/strength/organizations/{c.Root.Id}/indicators/nothing?period={c.Run.Period}");
        await Http.ProblemAsync(unknown, HttpStatusCode.NotFound);
        using var malformed = await api.GetAsync($"/api/v1/strength/organizations/{c.Root.Id}?period=2026Q5");
        await Http.ProblemAsync(malformed, HttpStatusCode.BadRequest);
        using var notAssessed = await api.GetAsync($"/api/v1/strength/organizations/{c.Root.Id}?period=1930Q1");
        await Http.ProblemAsync(notAssessed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Trend_ListsThePeriodsOfOneKind_OldestFirst()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var first = await AddRunAsync(app.Database);
        var second = await AddRunAsync(app.Database);
        var month = await AddRunAsync(app.Database, $"{first.PeriodStart.Year}-02");
        await SaveAsync(app.Database, Score(first, root, 60, 50), Score(second, root, 70, 65), Score(month, root, 10));
        var api = await ApiAsync(BastionRoles.OrganizationDepartment, root);

        var trend = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{root.Id}/trend");
        Assert.Equal([first.Period, second.Period], trend.EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([60.0, 70.0], trend.EnumerateArray().Select(p => p.GetProperty("total").GetDouble()));
        var months = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{root.Id}/trend?kind=Month");
        Assert.Equal(10, Assert.Single(months.EnumerateArray()).GetProperty("total").GetDouble());
    }

    [Fact]
    public async Task AMemberOfABranch_GetsNotFound_ForTheCounty_AndSeesOnlyTheBranch()
    {
        var c = await DashboardPageTests.CountyAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, c.BranchA);
        var user = await Factory.CreateUserAsync(BastionRoles.Member, c.BranchA.Id, member.Id);
        var api = await Factory.CreateApiClientAsync(user);
        var q = $"period={c.Run.Period}";

        foreach (var url in new[]
        {
            $"/api/v1/strength/organizations/{c.Root.Id}?{q}", $"/api/v1/strength/organizations/{c.Root.Id}/children?{q}",
            $"/api/v1/strength/organizations/{c.Root.Id}/warnings?{q}", $"/api/v1/strength/organizations/{c.Root.Id}/trend",
            $"/api/v1/strength/organizations/{c.Root.Id}/indicators/study-on-time?{q}", $"/api/v1/strength/organizations/{c.Root.Id}/ranking.xlsx?{q}",
            $"/api/v1/strength/organizations/{c.Root.Id}/warnings.xlsx?{q}", $"/api/v1/strength/organizations/{c.TownB.Id}?{q}",
        })
        {
            using var response = await api.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
        var own = await Http.GetJsonAsync(api, $"/api/v1/strength/organizations/{c.BranchA.Id}?{q}");
        Assert.Equal(90, own.GetProperty("score").GetProperty("total").GetDouble());
        Assert.Equal(["dues-arrears"], own.GetProperty("subtreeWarnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        using (var post = await Http.PostJsonAsync(api, "/api/v1/strength/runs", new { period = "1940Q2" }))
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        var browser = await Factory.SignInAsync(user);
        foreach (var page in new[] { $"/Strength/{c.Root.Id}", $"/Strength/{c.Root.Id}/Indicator/study-on-time", $"/Strength/Warnings/{c.Root.Id}", $"/Strength/Screen/{c.Root.Id}" })
        {
            using var response = await browser.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page} answered {(int)response.StatusCode}");
        }
        var html = await browser.GetStringAsync("/Strength");
        Assert.Contains("data-testid=\"strength-total\">90<", html);
    }

    [Fact]
    public async Task Exports_HoldTheRankingAndTheWarnings_OnlyInScope()
    {
        var c = await DashboardPageTests.CountyAsync(app.Database);
        var county = await ApiAsync(BastionRoles.OrganizationDepartment, c.Root);
        var township = await ApiAsync(BastionRoles.OrganizationDepartment, c.TownA);
        var q = $"period={c.Run.Period}";

        var ranking = await SheetAsync(county, $"/api/v1/strength/organizations/{c.Root.Id}/ranking.xlsx?{q}");
        Assert.Equal([c.TownA.Name, c.TownB.Name], ranking.Select(r => r["组织"]?.ToString()));
        Assert.Equal("82.4", ranking[0]["总分"]?.ToString());
        Assert.Equal("无数据", ranking[0]["发展推动力"]?.ToString());
        Assert.Equal("第2名/共2个", ranking[1]["同级排名"]?.ToString());

        var subtree = await SheetAsync(county, $"/api/v1/strength/organizations/{c.Root.Id}/ranking.xlsx?{q}&subtree=true");
        Assert.Equal([c.TownA.Name, c.TownB.Name, c.BranchA.Name, c.BranchB.Name], subtree.Select(r => r["组织"]?.ToString()));

        var warnings = await SheetAsync(county, $"/api/v1/strength/organizations/{c.Root.Id}/warnings.xlsx?{q}");
        Assert.Equal(["书记长期空缺", "沉默支部", "党费欠交较多"], warnings.Select(r => r["预警"]?.ToString()));
        Assert.Equal("45天", warnings[1]["实测"]?.ToString());
        Assert.Equal("2025-03-01", warnings[1]["起始日期"]?.ToString());
        Assert.Equal("组织制度形同虚设、不开展组织活动", warnings[1]["软弱涣散情形"]?.ToString());
        var severe = await SheetAsync(county, $"/api/v1/strength/organizations/{c.Root.Id}/warnings.xlsx?{q}&minSeverity=High");
        Assert.Equal(2, severe.Count);

        // The township's staff: its own subtree only, whatever they ask for.
        var own = await SheetAsync(township, $"/api/v1/strength/organizations/{c.TownA.Id}/ranking.xlsx?{q}&subtree=true");
        Assert.Equal([c.BranchA.Name], own.Select(r => r["组织"]?.ToString()));
        var ownWarnings = await SheetAsync(township, $"/api/v1/strength/organizations/{c.TownA.Id}/warnings.xlsx?{q}");
        Assert.Equal(["党费欠交较多"], ownWarnings.Select(r => r["预警"]?.ToString()));
        using var refused = await township.GetAsync($"/api/v1/strength/organizations/{c.Root.Id}/warnings.xlsx?{q}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        Assert.Equal(Bastion.Shared.Workbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
