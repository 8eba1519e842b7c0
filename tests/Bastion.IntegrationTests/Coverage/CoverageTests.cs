using System.Net;
using Bastion.Coverage;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Coverage;

/// <summary>The unit register and coverage rates (全覆盖) on a hand-built set of units.</summary>
public sealed class CoverageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private const string ValidCode = "91350100M000100Y43";
    private const string FailingCheckCode = "91350100M000100Y44";

    /// <summary>Root ─┬─ township T ─┬─ branch B (covers its enterprise)   ─ joint branch J
    ///               └─ township S (outside T: its unit must not be counted)</summary>
    private sealed record Tree(Organization Root, Organization T, Organization B, Organization J, Organization S);

    private async Task<Tree> BuildTreeAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var t = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("镇党委T"));
        var s = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("镇党委S"));
        var b = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("企业支部"));
        var j = await TestData.AddOrganizationAsync(db, t, OrganizationKind.JointBranch, TestData.Unique("联合支部"));
        return new Tree(root, t, b, j, s);
    }

    private async Task<Unit> AddUnitAsync(Organization owner, UnitType type, CoverageKind coverage, int partyMembers, Organization? covering = null, string? name = null)
    {
        await using var db = app.Database.NewContext();
        return await RegisterUnit.HandleAsync(db, new RegisterUnit.Command
        {
            OrganizationId = owner.Id, Name = name ?? TestData.Unique("单位"), UnitType = type, EmployeeCount = 20, PartyMemberCount = partyMembers,
            Coverage = coverage, CoveringOrganizationId = covering?.Id,
        });
    }

    private sealed record Units(Unit Five, Unit Three, Unit One);

    private async Task<Units> AddUnitsAsync(Tree t)
    {
        await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.OwnOrganization, 8, t.B);
        await AddUnitAsync(t.B, UnitType.PrivateEnterprise, CoverageKind.OwnOrganization, 4, t.B);
        await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.JointBranch, 1, t.J);
        await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.PartyWorkOnly, 0);
        var one = await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.NotCovered, 1, name: TestData.Unique("一名党员企业"));
        var five = await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.NotCovered, 5, name: TestData.Unique("五名党员企业"));
        var three = await AddUnitAsync(t.T, UnitType.SocialOrganization, CoverageKind.NotCovered, 3, name: TestData.Unique("三名党员协会"));
        await AddUnitAsync(t.T, UnitType.SocialOrganization, CoverageKind.PartyWorkOnly, 0, t.T);
        await AddUnitAsync(t.B, UnitType.Rural, CoverageKind.OwnOrganization, 30, t.B);
        await AddUnitAsync(t.S, UnitType.PrivateEnterprise, CoverageKind.NotCovered, 9);
        return new Units(five, three, one);
    }

    [Fact]
    public async Task Rates_WhenUnitsHandBuilt_CountPerUnitTypeAndInTotal()
    {
        var t = await BuildTreeAsync();
        await AddUnitsAsync(t);
        await using var db = app.Database.NewContext();

        var report = await CoverageStatistics.RatesAsync(db, t.T.Id);

        Assert.NotNull(report);
        Assert.Equal(
            [
                new CoverageRate(UnitType.Rural, 1, 1, 0, 0, 0, 0),
                new CoverageRate(UnitType.PrivateEnterprise, 6, 2, 1, 1, 2, 1),
                new CoverageRate(UnitType.SocialOrganization, 2, 0, 0, 1, 1, 1),
            ],
            report.ByUnitType);
        Assert.Equal(new CoverageRate(null, 9, 3, 1, 2, 3, 2), report.Total);
        Assert.Equal((0.5m, 0.6667m), (report.ByUnitType[1].OrganizationRate, report.ByUnitType[1].WorkRate));
        Assert.Equal((0.4444m, 0.6667m), (report.Total.OrganizationRate, report.Total.WorkRate));
    }

    [Fact]
    public async Task Uncovered_WhenListed_PutsThreeOrMoreFirstByPartyMembers()
    {
        var t = await BuildTreeAsync();
        var u = await AddUnitsAsync(t);
        await using var db = app.Database.NewContext();

        var page = await UnitQueries.UncoveredAsync(db, t.T.Id, 1, 50);

        Assert.Equal([u.Five.Id, u.Three.Id, u.One.Id], page!.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task CoverageApi_WhenAskedForSubtree_ReturnsRatesAndUncovered()
    {
        var t = await BuildTreeAsync();
        var u = await AddUnitsAsync(t);
        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Root.Id));

        var report = await Http.GetJsonAsync(api, $"/api/v1/organizations/{t.T.Id}/coverage");
        var uncovered = await Http.GetJsonAsync(api, $"/api/v1/organizations/{t.T.Id}/coverage/uncovered?pageSize=2");

        Assert.Equal(9, report.GetProperty("total").GetProperty("units").GetInt32());
        Assert.Equal(0.4444m, report.GetProperty("total").GetProperty("organizationRate").GetDecimal());
        Assert.Equal(3, uncovered.GetProperty("totalCount").GetInt32());
        Assert.Equal([u.Five.Id, u.Three.Id], Http.Ids(uncovered));
    }

    [Fact]
    public async Task RegisterApi_WhenCreditCodeFailsCheck_SavesWithWarning()
    {
        var t = await BuildTreeAsync();
        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Root.Id));

        using var valid = await Http.PostJsonAsync(api, "/api/v1/units", Body(t.T.Id, ValidCode));
        using var failing = await Http.PostJsonAsync(api, "/api/v1/units", Body(t.T.Id, FailingCheckCode.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, failing.StatusCode);
        Assert.False((await Http.JsonAsync(valid)).GetProperty("creditCodeWarning").GetBoolean());
        var saved = await Http.JsonAsync(failing);
        Assert.True(saved.GetProperty("creditCodeWarning").GetBoolean());
        Assert.Equal(FailingCheckCode, saved.GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task RegisterApi_WhenInputInvalid_RefusesNamingTheFieldsAndSavesNothing()
    {
        var t = await BuildTreeAsync();
        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Root.Id));

        using var malformed = await Http.PostJsonAsync(api, "/api/v1/units", Body(t.T.Id, "91350100M000100Y4"));
        using var noCovering = await Http.PostJsonAsync(api, "/api/v1/units", new { organizationId = t.T.Id, name = "某公司", unitType = "PrivateEnterprise", partyMemberCount = 3, coverage = "OwnOrganization" });
        using var jointNotJoint = await Http.PostJsonAsync(api, "/api/v1/units", new { organizationId = t.T.Id, name = "某公司", unitType = "PrivateEnterprise", partyMemberCount = 1, coverage = "JointBranch", coveringOrganizationId = t.B.Id });

        var p1 = await Http.ProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.True(p1.GetProperty("errors").TryGetProperty("CreditCode", out _));
        var p2 = await Http.ProblemAsync(noCovering, HttpStatusCode.BadRequest);
        Assert.True(p2.GetProperty("errors").TryGetProperty("CoveringOrganizationId", out _));
        var p3 = await Http.ProblemAsync(jointNotJoint, HttpStatusCode.Conflict);
        Assert.Equal("Coverage.JointBranchCoversJointly", p3.GetProperty("rule").GetString());
        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<Unit>().AnyAsync(u => u.OrganizationId == t.T.Id));
    }

    [Fact]
    public async Task UnitsApi_WhenOutsideScope_AreNotFound()
    {
        var t = await BuildTreeAsync();
        var unit = await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.NotCovered, 2);
        var outsider = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.S.Id));

        using var get = await outsider.GetAsync($"/api/v1/units/{unit.Id}");
        using var put = await Http.PutJsonAsync(outsider, $"/api/v1/units/{unit.Id}", Body(t.S.Id, null));
        using var rates = await outsider.GetAsync($"/api/v1/organizations/{t.T.Id}/coverage");
        var list = await Http.GetJsonAsync(outsider, "/api/v1/units?pageSize=200");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rates.StatusCode);
        Assert.DoesNotContain(unit.Id, Http.Ids(list));
    }

    [Fact]
    public async Task EditApi_WhenCoverageChanges_MovesTheUnitOutOfUncovered()
    {
        var t = await BuildTreeAsync();
        var unit = await AddUnitAsync(t.T, UnitType.PrivateEnterprise, CoverageKind.NotCovered, 4);
        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.SystemAdmin, t.Root.Id));

        var edited = await Http.JsonAsync(await Http.PutJsonAsync(api, $"/api/v1/units/{unit.Id}", new
        {
            organizationId = t.T.Id, name = unit.Name, unitType = "PrivateEnterprise", partyMemberCount = 4, coverage = "OwnOrganization", coveringOrganizationId = t.B.Id,
        }));
        var uncovered = await Http.GetJsonAsync(api, $"/api/v1/organizations/{t.T.Id}/coverage/uncovered");

        Assert.Equal("OwnOrganization", edited.GetProperty("coverage").GetString());
        Assert.Equal(t.B.Name, edited.GetProperty("coveringOrganizationName").GetString());
        Assert.Empty(Http.Ids(uncovered));
    }

    [Fact]
    public async Task UnitList_WhenPageSizeGrows_SendsTheSameNumberOfStatements()
    {
        var t = await BuildTreeAsync();
        await AddUnitsAsync(t);
        var counter = new StatementCounter();
        await using var db = StructureTestData.CountingContext(app.Database, counter);

        await UnitQueries.ListAsync(db, new UnitFilter { OrganizationId = t.T.Id }, 1, 2);
        var small = counter.Count;
        counter.Reset();
        var page = await UnitQueries.ListAsync(db, new UnitFilter { OrganizationId = t.T.Id }, 1, 50);

        Assert.Equal(9, page!.Items.Count);
        Assert.Equal(small, counter.Count);
        counter.Reset();
        await CoverageStatistics.RatesAsync(db, t.T.Id);
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task Pages_WhenOpened_ShowRatesAndRegisterAUnit()
    {
        var t = await BuildTreeAsync();
        var u = await AddUnitsAsync(t);
        var browser = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Root.Id));

        using var coverage = await browser.GetAsync($"/Coverage?org={t.T.Id}");
        var html = await coverage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, coverage.StatusCode);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"coverage-row\""));
        Assert.True(html.IndexOf(u.Five.Name, StringComparison.Ordinal) < html.IndexOf(u.One.Name, StringComparison.Ordinal));

        using var register = await browser.GetAsync($"/Coverage/Units?org={t.T.Id}&kind=NotCovered");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(await register.Content.ReadAsStringAsync(), "data-testid=\"unit-row\""));

        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Coverage/Units/Create?org={t.T.Id}");
        var name = TestData.Unique("新登记公司");
        using var created = await browser.PostAsync("/Coverage/Units/Create", BastionFactory.Form(
            ("OrganizationId", t.T.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Name", name), ("UnitType", "PrivateEnterprise"),
            ("CreditCode", FailingCheckCode), ("EmployeeCount", "120"), ("PartyMemberCount", "2"), ("Coverage", "NotCovered"), ("CoveringOrganizationId", ""),
            (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var edit = await browser.GetAsync(created.Headers.Location);
        Assert.Contains("data-testid=\"credit-code-warning\"", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var invalid = await browser.PostAsync("/Coverage/Units/Create", BastionFactory.Form(
            ("OrganizationId", t.T.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Name", ""), ("UnitType", "PrivateEnterprise"),
            ("PartyMemberCount", "2"), ("Coverage", "NotCovered"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("id=\"Name-error\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static object Body(long organizationId, string? creditCode) => new
    {
        organizationId, name = TestData.Unique("某某科技有限公司"), unitType = "PrivateEnterprise", creditCode, employeeCount = 50, partyMemberCount = 2, coverage = "NotCovered",
    };
}
