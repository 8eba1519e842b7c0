using System.Net;
using System.Text.RegularExpressions;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;
using static Bastion.IntegrationTests.Strength.DashboardTestData;

namespace Bastion.IntegrationTests.Strength;

/// <summary>The strength dashboards render a known stored snapshot: figures, no data, ranks, children, warnings, drill-down.</summary>
public sealed partial class DashboardPageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    /// <summary>A county with two townships (A strong, B weak), a branch under each, and one stored run.</summary>
    public sealed record County(Organization Root, Organization TownA, Organization TownB, Organization BranchA, Organization BranchB, AssessmentRun Run);

    public static async Task<County> CountyAsync(TestDatabase database)
    {
        var root = await TestData.AddRootAsync(database, TestData.Unique("组织力县委"));
        var townA = await AddAsync(database, root, OrganizationKind.Committee, TestData.Unique("甲镇党委"));
        var townB = await AddAsync(database, root, OrganizationKind.Committee, TestData.Unique("乙镇党委"));
        var branchA = await AddAsync(database, townA, OrganizationKind.Branch, TestData.Unique("甲村党支部"));
        var branchB = await AddAsync(database, townB, OrganizationKind.Branch, TestData.Unique("乙村党支部"));
        var run = await AddRunAsync(database);

        var county = Score(run, root, 78.5, political: 81.25, development: null, cohesion: 70, renewal: 84);
        county.PreviousTotal = 75;
        county.SiblingRank = 2; county.Siblings = 5; county.KindRank = 4; county.KindSize = 12;
        county.Warnings = 1; county.SubtreeWarnings = 3; county.HighWarnings = 2;
        var a = Score(run, townA, 82.4, 85, null, 75, 88);
        a.SiblingRank = 1; a.Siblings = 2; a.SubtreeWarnings = 1;
        var b = Score(run, townB, 61.3, 60, null, 55, 69);
        b.SiblingRank = 2; b.Siblings = 2; b.SubtreeWarnings = 1; b.HighWarnings = 1;
        var ba = Score(run, branchA, 90, 90, null, 90, 90);
        ba.SiblingRank = 1; ba.Siblings = 1; ba.Warnings = 1; ba.SubtreeWarnings = 1;
        var bb = Score(run, branchB, 61.3, 60, null, 55, 69);
        bb.SiblingRank = 1; bb.Siblings = 1;

        await SaveAsync(database, county, a, b, ba, bb,
            Value(run, root, "study-on-time", 8, 10, 45, 50, 80, 90),
            Value(run, root, "attendance", 0, 0, 30, 40, null, 50),
            Value(run, townA, "study-on-time", 20, 20, 37, 40, 100, 96),
            Value(run, townB, "study-on-time", 0, 0, 0, 0, null, 40),
            Warning(run, root, "secretary-vacant", 5, new DateOnly(2025, 1, 1)),
            Warning(run, townB, "silent-branch", 45, new DateOnly(2025, 3, 1)),
            Warning(run, branchA, "dues-arrears", 0.35));
        return new County(root, townA, townB, branchA, branchB, run);
    }

    [Fact]
    public async Task Dashboard_ShowsTheStoredFigures_RanksChildrenAndWarnings_AndNoDataIsNeverZero()
    {
        var c = await CountyAsync(app.Database);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, c.Root.Id));

        var html = await browser.GetStringAsync($"/Strength/{c.Root.Id}?period={c.Run.Period}");
        Assert.Contains("组织力指数", html);
        Assert.Contains("data-testid=\"strength-total\">78.5<", html);
        Assert.Contains("data-change=\"3.5\" class=\"text-success\">", html);
        Assert.Contains("▲", html);
        Assert.Contains("data-testid=\"sibling-rank\">第2名/共5个<", html);
        Assert.Contains("data-testid=\"kind-rank\">第4名/共12个<", html);
        // Dimensions: a dimension without data says so in the table and the badge, never 0.
        Assert.Contains("<tr data-dimension=\"political\"><th scope=\"row\" class=\"fw-normal\">政治领导力</th><td class=\"text-end\">81.25</td>", html);
        Assert.Contains("<tr data-dimension=\"development\"><th scope=\"row\" class=\"fw-normal\">发展推动力</th><td class=\"text-end\">无数据</td>", html);
        Assert.Contains("data-testid=\"radar-chart\"", html);
        Assert.Contains("data-values=\"[81.25,null,70,84]\"", html);

        // Every indicator of the rule set is listed; the raw figures with their value, no data where there is none.
        var rows = IndicatorRows().Matches(html).ToDictionary(m => m.Groups["code"].Value, m => m.Groups["body"].Value);
        Assert.Equal(StrengthRuleSet.Load().Indicators.Select(i => i.Code).Order(), rows.Keys.Order());
        Assert.Contains("8 / 10 = 80%", rows["study-on-time"]);
        Assert.Contains("45 / 50 = 90%", rows["study-on-time"]);
        Assert.Contains($"/Strength/{c.Root.Id}/Indicator/study-on-time?period={c.Run.Period}\">90</a>", rows["study-on-time"]);
        Assert.Contains("30 / 40 = 75%", rows["attendance"]);
        Assert.Contains("无数据", rows["satisfaction"]);
        Assert.DoesNotContain(">0<", rows["satisfaction"]);
        Assert.Contains("data-code=\"satisfaction\" data-hasdata=\"false\"", html);

        // Children strongest first, each linking to its own dashboard.
        var a = html.IndexOf($"data-testid=\"child-row\" data-org=\"{c.TownA.Id}\"", StringComparison.Ordinal);
        var b = html.IndexOf($"data-testid=\"child-row\" data-org=\"{c.TownB.Id}\"", StringComparison.Ordinal);
        Assert.True(a > 0 && b > a, "township A (82.4) ranks above township B (61.3)");
        Assert.Contains($"href=\"/Strength/{c.TownA.Id}?period={c.Run.Period}\">{c.TownA.Name}</a>", html);
        Assert.Contains($"href=\"/Strength/Warnings/{c.TownB.Id}?period={c.Run.Period}\">1</a>", html);

        // Warnings most severe first, then longest-standing: the rule's name, measured vs threshold, since, the §8 situation.
        Assert.Contains("书记长期空缺", html);
        Assert.Contains("5个月（阈值 3个月）", html);
        Assert.Contains("班子不健全、书记长期缺职、工作处于停滞状态", html);
        Assert.Contains("45天（阈值 30天）", html);
        Assert.Contains("35%（阈值 20%）", html);
        Assert.Contains("2025-03-01", html);
        var subtree = html[html.IndexOf("id=\"sub-w-h\"", StringComparison.Ordinal)..];
        var vacant = subtree.IndexOf("data-code=\"secretary-vacant\"", StringComparison.Ordinal);
        var silent = subtree.IndexOf("data-code=\"silent-branch\"", StringComparison.Ordinal);
        var dues = subtree.IndexOf("data-code=\"dues-arrears\"", StringComparison.Ordinal);
        Assert.True(vacant > 0 && silent > vacant && dues > silent, "High warnings first (the older first), the Low one last");

        // English: the rule set's English names and the English labels.
        await LanguageAsync(browser, "en");
        html = await browser.GetStringAsync($"/Strength/{c.Root.Id}?period={c.Run.Period}");
        Assert.Contains("Political leadership", html);
        Assert.Contains("No. 2 of 5", html);
        Assert.Contains("no data", html);
        Assert.Contains("5 months (threshold 3 months)", html);
    }

    private static async Task LanguageAsync(HttpClient browser, string culture)
    {
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/");
        using var _ = await browser.PostAsync("/Language", BastionFactory.Form(("culture", culture), ("returnUrl", "/"), (BastionFactory.AntiforgeryField, token)));
    }

    [Fact]
    public async Task Dashboard_WithoutAnId_ShowsTheUsersOrganizationInTheNewestRun_AndABadPeriodBesideTheSelector()
    {
        var c = await CountyAsync(app.Database);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, c.BranchA.Id));

        var html = await browser.GetStringAsync("/Strength");
        Assert.Contains($"data-testid=\"strength-org\">{c.BranchA.Name}<", html);
        Assert.Contains("data-testid=\"strength-total\">90<", html);
        Assert.Contains($"<option value=\"{c.Run.Period}\" selected=\"selected\">", html);
        Assert.Contains("无上期数据", html);
        Assert.DoesNotContain("data-testid=\"run-form\"", html);

        html = await browser.GetStringAsync("/Strength?period=2026Q5");
        Assert.Contains("data-testid=\"period-error\"", html);
        Assert.Contains("测评期格式不对", html);
        Assert.Contains("data-testid=\"strength-total\">90<", html);

        html = await browser.GetStringAsync("/Strength?period=1930Q1");
        Assert.Contains("该测评期尚未测评", html);
    }

    [Fact]
    public async Task Explain_ShowsTheRule_OwnAndSubtreeFigures_AndTheChildrenWeakestFirst_WithLinksFurtherDown()
    {
        var c = await CountyAsync(app.Database);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, c.Root.Id));

        var html = await browser.GetStringAsync($"/Strength/{c.Root.Id}/Indicator/study-on-time?period={c.Run.Period}");
        Assert.Contains("学习任务按期完成率", html);
        Assert.Contains("学习任务（本期到期）中按期完成数 / 到期数", html);
        Assert.Contains("0% 计0分，100% 计100分", html);
        Assert.Contains("中国共产党党员教育管理工作条例（2019）第十四条", html);
        Assert.Contains("8 / 10 = 80%", html);
        Assert.Contains("45 / 50 = 90%", html);
        var weak = html.IndexOf($"data-testid=\"indicator-child\" data-org=\"{c.TownB.Id}\"", StringComparison.Ordinal);
        var strong = html.IndexOf($"data-testid=\"indicator-child\" data-org=\"{c.TownA.Id}\"", StringComparison.Ordinal);
        Assert.True(weak > 0 && strong > weak, "the weaker township (40) comes before the stronger (96)");
        Assert.Contains($"href=\"/Strength/{c.TownA.Id}/Indicator/study-on-time?period={c.Run.Period}\"", html);
        // A figure with own data explains its records (listed by the indicator's source) or says there are none.
        Assert.True(html.Contains("data-testid=\"records\"", StringComparison.Ordinal) || html.Contains("data-testid=\"no-records\"", StringComparison.Ordinal));

        // A lower-is-better scale reads worst→best; an indicator the organization has no data for says so.
        html = await browser.GetStringAsync($"/Strength/{c.Root.Id}/Indicator/directive-response-days?period={c.Run.Period}");
        Assert.Contains("10 计0分，1 计100分", html);
        Assert.Contains("无数据", html);

        using var unknown = await browser.GetAsync($"/Strength/{c.Root.Id}/Indicator/no-such-indicator");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Explain_ForAMember_ShowsTheFiguresButNotTheRecords()
    {
        var c = await CountyAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, c.BranchA);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, c.BranchA.Id, member.Id));
        await SaveAsync(app.Database, Value(c.Run, c.BranchA, "attendance", 3, 4, 3, 4, 50, 50));

        var html = await browser.GetStringAsync($"/Strength/{c.BranchA.Id}/Indicator/attendance?period={c.Run.Period}");
        Assert.Contains("3 / 4 = 75%", html);
        Assert.Contains("data-testid=\"records-hidden\"", html);
        Assert.DoesNotContain("data-testid=\"records\"", html);
    }

    [Fact]
    public async Task WarningsList_PagesFiltersBySeverity_AndLinksTheExport()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branches = new List<Organization>();
        for (var i = 0; i < 3; i++) branches.Add(await AddAsync(app.Database, root, OrganizationKind.Branch));
        var run = await AddRunAsync(app.Database);
        var rows = new List<object> { Score(run, root, 50) };
        rows.AddRange(branches.Select(b => Score(run, b, 50)));
        // 60 low warnings and 2 severe ones.
        for (var i = 0; i < 60; i++) rows.Add(Warning(run, branches[i % 3], "dues-arrears", 0.3 + i / 1000.0, new DateOnly(2025, 1, 1).AddDays(i)));
        rows.Add(Warning(run, branches[0], "silent-branch", 40, new DateOnly(2025, 6, 1)));
        rows.Add(Warning(run, branches[1], "silent-branch", 50, new DateOnly(2025, 5, 1)));
        await SaveAsync(app.Database, [.. rows]);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));

        var html = await browser.GetStringAsync($"/Strength/Warnings/{root.Id}?period={run.Period}");
        Assert.Contains("共 62 条预警", html);
        Assert.Equal(50, WarningRow().Count(html));
        Assert.True(html.IndexOf("data-code=\"silent-branch\"", StringComparison.Ordinal) < html.IndexOf("data-code=\"dues-arrears\"", StringComparison.Ordinal));
        Assert.Contains($"/api/v1/strength/organizations/{root.Id}/warnings.xlsx?period={run.Period}", html);

        html = await browser.GetStringAsync($"/Strength/Warnings/{root.Id}?period={run.Period}&p=2");
        Assert.Equal(12, WarningRow().Count(html));

        html = await browser.GetStringAsync($"/Strength/Warnings/{root.Id}?period={run.Period}&min=High");
        Assert.Equal(2, WarningRow().Count(html));
        Assert.Contains("minSeverity=High", html);
        Assert.DoesNotContain("data-code=\"dues-arrears\"", html);
    }

    [Fact]
    public async Task BigScreen_IsDarkAndLarge_RefreshesItself_ShowsCountsAndSevereWarnings_AndNeedsALogin()
    {
        var c = await CountyAsync(app.Database);
        using (var anonymous = Factory.CreateBrowser())
        using (var refused = await anonymous.GetAsync($"/Strength/Screen/{c.Root.Id}"))
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, c.Root.Id));

        var html = await browser.GetStringAsync($"/Strength/Screen/{c.Root.Id}?period={c.Run.Period}");
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"60\" />", html);
        Assert.Contains("class=\"strength-screen\"", html);
        Assert.DoesNotContain("navbar", html);
        Assert.Contains("data-testid=\"screen-total\">78.5<", html);
        Assert.Contains("data-testid=\"count-high\">2<", html);
        Assert.Contains("data-testid=\"count-low\">1<", html);
        Assert.Contains("data-testid=\"count-medium\">0<", html);
        Assert.Contains("data-testid=\"screen-ranking\"", html);
        Assert.Contains("data-values=\"[82.4,61.3]\"", html);
        var severe = html[html.IndexOf("data-testid=\"screen-severe\"", StringComparison.Ordinal)..];
        Assert.Contains("书记长期空缺", severe);
        Assert.Contains("沉默支部", severe);
        Assert.DoesNotContain("党费欠交较多", severe);
    }

    [Fact]
    public async Task OrganizationPage_LinksToTheIndex_WithTheNewestTotal_AndTheNavigationNamesIt()
    {
        var c = await CountyAsync(app.Database);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, c.Root.Id));
        var html = await browser.GetStringAsync($"/Organizations/Details/{c.TownA.Id}");
        Assert.Contains("data-testid=\"strength-card\"", html);
        Assert.Contains($"href=\"/Strength/{c.TownA.Id}\"", html);
        Assert.Contains("<strong>82.4</strong> · 第1名/共2个", html);
        Assert.Contains("data-testid=\"nav-strength\">组织力指数</a>", html);
    }

    [GeneratedRegex("""data-testid="indicator-row" data-code="(?<code>[^"]+)"(?<body>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex IndicatorRows();

    [GeneratedRegex("""data-testid="warning-row" """)]
    private static partial Regex WarningRow();
}
