using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Coverage;

/// <summary>Structure findings (DOMAIN §2) on a hand-built tree: exactly the expected findings, through the query, the API and the page.</summary>
public sealed class StructureFindingsTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    /// <summary>
    /// Root ── township T (committee, 70 members: a grassroots committee under 100)
    ///          ├─ branch Small: 2 full + 1 probationary                         → BranchTooSmall (2)
    ///          ├─ branch Large: 51 full, committee of 3, term 3 years 4 months  → BranchTooLarge (51), TermOverdue (4)
    ///          ├─ branch Bare: 7 full, only a secretary in office               → BranchCommitteeMissing (7)
    ///          ├─ branch Due: 3 full, term started exactly 3 years ago (due today) → nothing
    ///          ├─ village branch V: 3 full, term 4 years ago (5-year term)        → nothing
    ///          ├─ general branch G (3 members below it) ── branch G1: 3 full     → GeneralBranchSize (3)
    ///          ├─ group P moved directly under T (bad data)                      → GroupUnderCommittee
    ///          └─ branch Gone: dissolved, 0 members                              → nothing (dissolved)
    /// Branch Small also holds one member who left: not counted.
    /// </summary>
    private sealed record Tree(Organization Root, Organization T, Organization Small, Organization Large, Organization Due, Organization Village,
        Organization General, Organization G1, Organization Group, Organization Bare);

    private async Task<Tree> BuildAsync()
    {
        var db = app.Database;
        var today = StructureTestData.Today;
        var root = await TestData.AddRootAsync(db);
        var t = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var small = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("小支部"));
        var large = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("大支部"));
        var due = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("到期支部"));
        var village = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("村支部"));
        var general = await TestData.AddOrganizationAsync(db, t, OrganizationKind.GeneralBranch, TestData.Unique("总支"));
        var g1 = await TestData.AddOrganizationAsync(db, general, OrganizationKind.Branch, TestData.Unique("总支下支部"));
        var group = await TestData.AddOrganizationAsync(db, due, OrganizationKind.Group, TestData.Unique("错挂小组"));
        var gone = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("撤销支部"));
        var bare = await TestData.AddOrganizationAsync(db, t, OrganizationKind.Branch, TestData.Unique("无支委支部"));

        await StructureTestData.AddMembersAsync(db, small, 2);
        await StructureTestData.AddMembersAsync(db, small, 1, MemberCategory.Probationary);
        await StructureTestData.AddMembersAsync(db, small, 1, status: MemberStatus.Left);
        await StructureTestData.AddMembersAsync(db, large, 51);
        await StructureTestData.AddMembersAsync(db, due, 3);
        await StructureTestData.AddMembersAsync(db, village, 3);
        await StructureTestData.AddMembersAsync(db, g1, 3);
        await StructureTestData.AddMembersAsync(db, bare, 7);
        await StructureTestData.AddCommitteeAsync(db, large, 3);
        await StructureTestData.AddCommitteeAsync(db, bare, 1);

        await StructureTestData.UpdateAsync(db, large.Id, o => o.TermStartedOn = today.AddYears(-3).AddMonths(-4));
        await StructureTestData.UpdateAsync(db, due.Id, o => o.TermStartedOn = today.AddYears(-3));
        await StructureTestData.UpdateAsync(db, village.Id, o => { o.UnitType = UnitType.Rural; o.TermStartedOn = today.AddYears(-4); });
        await StructureTestData.UpdateAsync(db, gone.Id, o => o.Status = OrganizationStatus.Dissolved);
        await StructureTestData.UpdateAsync(db, group.Id, o => { o.ParentId = t.Id; o.Path = TreePath.Child(t.Path, o.Id); o.Depth = t.Depth + 1; });
        return new Tree(root, t, small, large, due, village, general, g1, group, bare);
    }

    private static (long, string, FindingSeverity, int)[] Expected(Tree t) =>
    [
        (t.T.Id, "Structure.GrassrootsCommitteeTooSmall", FindingSeverity.Warning, 70),
        (t.Bare.Id, "Structure.BranchCommitteeMissing", FindingSeverity.Violation, 7),
        (t.Small.Id, "Structure.BranchTooSmall", FindingSeverity.Violation, 2),
        (t.Large.Id, "Structure.BranchTooLarge", FindingSeverity.Warning, 51),
        (t.Large.Id, "Structure.TermOverdue", FindingSeverity.Warning, 4),
        (t.General.Id, "Structure.GeneralBranchSize", FindingSeverity.Warning, 3),
        (t.Group.Id, "Structure.GroupUnderCommittee", FindingSeverity.Violation, 0),
    ];

    private static IOrderedEnumerable<(long, string, FindingSeverity, int)> Sorted(IEnumerable<(long, string, FindingSeverity, int)> x) =>
        x.OrderBy(f => f.Item1).ThenBy(f => f.Item2, StringComparer.Ordinal);

    [Fact]
    public async Task ForSubtree_WhenTreeHandBuilt_ReturnsExactlyTheExpectedFindings()
    {
        var t = await BuildAsync();
        await using var db = app.Database.NewContext();

        var findings = await StructureFindings.ForSubtreeAsync(db, t.T.Id, StructureTestData.Today);

        Assert.NotNull(findings);
        Assert.Equal(Sorted(Expected(t)), Sorted(findings.Select(f => (f.OrganizationId, f.Rule, f.Severity, f.Measure))));
        // Most severe first.
        Assert.Equal(findings.OrderByDescending(f => f.Severity).Select(f => f.Severity), findings.Select(f => f.Severity));
    }

    [Fact]
    public async Task ForSubtree_WhenAskedForOneBranch_ReturnsOnlyItsFindings()
    {
        var t = await BuildAsync();
        await using var db = app.Database.NewContext();

        var findings = await StructureFindings.ForSubtreeAsync(db, t.Large.Id, StructureTestData.Today);

        Assert.Equal(["Structure.BranchTooLarge", "Structure.TermOverdue"], findings!.Select(f => f.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ForSubtree_WhenSubtreeGrows_SendsTheSameNumberOfStatements()
    {
        var t = await BuildAsync();
        var counter = new StatementCounter();
        await using var db = StructureTestData.CountingContext(app.Database, counter);

        await StructureFindings.ForSubtreeAsync(db, t.G1.Id, StructureTestData.Today);
        var forOne = counter.Count;
        counter.Reset();
        await StructureFindings.ForSubtreeAsync(db, t.T.Id, StructureTestData.Today);

        Assert.Equal(forOne, counter.Count);
        Assert.True(counter.Count <= 5, $"{counter.Count} statements");
    }

    [Fact]
    public async Task FindingsApi_WhenAdminAsks_PagesTheFindings()
    {
        var t = await BuildAsync();
        var admin = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.SystemAdmin, t.Root.Id));

        var first = await Http.GetJsonAsync(admin, $"/api/v1/organizations/{t.T.Id}/findings?pageSize=4");
        var second = await Http.GetJsonAsync(admin, $"/api/v1/organizations/{t.T.Id}/findings?pageSize=4&page=2");
        var violations = await Http.GetJsonAsync(admin, $"/api/v1/organizations/{t.T.Id}/findings?minSeverity=Violation");

        Assert.Equal(7, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(4, first.GetProperty("items").GetArrayLength());
        Assert.Equal(3, second.GetProperty("items").GetArrayLength());
        Assert.Equal("Violation", first.GetProperty("items")[0].GetProperty("severity").GetString());
        Assert.Equal(
            ["Structure.BranchCommitteeMissing", "Structure.BranchTooSmall", "Structure.GroupUnderCommittee"],
            violations.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rule").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Findings_WhenSecretaryOfOneBranchAsks_SeesOwnAndNotAbove()
    {
        var t = await BuildAsync();
        var secretary = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Small.Id);
        var api = await app.Factory.CreateApiClientAsync(secretary);

        var own = await Http.GetJsonAsync(api, $"/api/v1/organizations/{t.Small.Id}/findings");
        using var above = await api.GetAsync($"/api/v1/organizations/{t.T.Id}/findings");

        Assert.Equal("Structure.BranchTooSmall", Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, above.StatusCode);
    }

    [Fact]
    public async Task FindingsPage_WhenOpened_ListsTheFindings()
    {
        var t = await BuildAsync();
        var browser = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Root.Id));

        using var response = await browser.GetAsync($"/Organizations/Findings/{t.T.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"finding\""));
        Assert.Contains(t.Small.Name, html, StringComparison.Ordinal);
        Assert.Contains("正式党员 2 名，不足 3 名", html, StringComparison.Ordinal);
        Assert.Contains("超期 4 个月未换届", html, StringComparison.Ordinal);

        using var english = await browser.GetAsync($"/Organizations/Findings/{t.T.Id}?culture=en&ui-culture=en");
        Assert.Contains("2 full members: fewer than 3", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
