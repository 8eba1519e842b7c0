using System.Net;
using Bastion.Audit;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests;

/// <summary>
/// Data scope is the security boundary (DESIGN §1): a user bound to an organization sees and changes only its
/// subtree. Anything outside answers 404 — the same as an id that does not exist — never 200 and never 500.
/// </summary>
public sealed class DataScopeTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    /// <summary>
    /// Root ─┬─ committee C ─┬─ branch A ── group GA   (member MA)
    ///       │               └─ branch B ── group GB   (member MB)
    ///       └─ sibling committee S
    /// </summary>
    private sealed record Tree(
        Organization Root, Organization C, Organization A, Organization B, Organization GroupA, Organization GroupB, Organization Sibling,
        Member MemberA, string ResidentIdA, Member MemberB);

    private async Task<Tree> BuildTreeAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var c = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("县委C"));
        var sibling = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("县委S"));
        var a = await TestData.AddOrganizationAsync(db, c, OrganizationKind.Branch, TestData.Unique("支部A"));
        var b = await TestData.AddOrganizationAsync(db, c, OrganizationKind.Branch, TestData.Unique("支部B"));
        var groupA = await TestData.AddOrganizationAsync(db, a, OrganizationKind.Group, TestData.Unique("小组A"));
        var groupB = await TestData.AddOrganizationAsync(db, b, OrganizationKind.Group, TestData.Unique("小组B"));
        var (memberA, residentIdA) = await TestData.AddMemberAsync(db, a);
        var (memberB, _) = await TestData.AddMemberAsync(db, b);
        return new Tree(root, c, a, b, groupA, groupB, sibling, memberA, residentIdA, memberB);
    }

    public enum Auth { Cookie, Token }

    private Task<HttpClient> ClientAsync(TestUser user, Auth auth) =>
        auth == Auth.Cookie ? Factory.SignInAsync(user) : Factory.CreateApiClientAsync(user);

    /// <summary>Every page and API read of branch B's data (and of the committee above A).</summary>
    private static IReadOnlyList<(HttpMethod Method, string Url)> ReadsOf(Tree t) =>
    [
        (HttpMethod.Get, $"/Organizations/Details/{t.B.Id}"),
        (HttpMethod.Get, $"/Organizations?id={t.B.Id}"),
        (HttpMethod.Get, $"/Members?org={t.B.Id}"),
        (HttpMethod.Get, $"/Organizations/Details/{t.GroupB.Id}"),
        (HttpMethod.Get, $"/Organizations/Details/{t.C.Id}"),
        (HttpMethod.Get, $"/api/v1/organizations/{t.B.Id}"),
        (HttpMethod.Get, $"/api/v1/organizations/{t.B.Id}/children"),
        (HttpMethod.Get, $"/api/v1/organizations/{t.B.Id}/subtree"),
        (HttpMethod.Get, $"/api/v1/organizations/{t.B.Id}/members"),
        (HttpMethod.Get, $"/api/v1/organizations/{t.GroupB.Id}"),
        (HttpMethod.Get, $"/api/v1/organizations/{t.C.Id}"),
        (HttpMethod.Get, $"/api/v1/members/{t.MemberB.Id}"),
        (HttpMethod.Post, $"/api/v1/members/{t.MemberB.Id}/resident-id/reveal"),
    ];

    [Theory]
    [InlineData(Auth.Cookie)]
    [InlineData(Auth.Token)]
    public async Task ReadsOfSiblingBranch_BySecretaryOfBranch_AreNotFound(Auth auth)
    {
        var t = await BuildTreeAsync();
        var admin = await ClientAsync(await Factory.CreateUserAsync(BastionRoles.SystemAdmin, t.Root.Id), auth);
        var secretaryA = await ClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.A.Id), auth);

        // The same addresses answer 200 to someone whose scope holds them: the 404s below are the scope's doing.
        var failures = new List<string>();
        foreach (var (method, url) in ReadsOf(t))
        {
            using var response = await admin.SendAsync(new HttpRequestMessage(method, url));
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"admin {method} {url} → {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var revealsBefore = await RevealEventsAsync(t.MemberB);

        foreach (var (method, url) in ReadsOf(t))
        {
            using var response = await secretaryA.SendAsync(new HttpRequestMessage(method, url));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound)
                failures.Add($"{method} {url} → {(int)response.StatusCode}, expected 404");
            else if (url.StartsWith("/api/", StringComparison.Ordinal) && response.Content.Headers.ContentType?.MediaType != Http.ProblemJson)
                failures.Add($"{method} {url} → 404 as {response.Content.Headers.ContentType}, expected {Http.ProblemJson}");
            else if (url.StartsWith("/api/", StringComparison.Ordinal) && !body.Contains("\"status\":404", StringComparison.Ordinal))
                failures.Add($"{method} {url} → 404 problem without \"status\":404: {body}");
            foreach (var secret in new[] { t.B.Name, t.GroupB.Name, t.C.Name, t.MemberB.Name })
                if (body.Contains(secret, StringComparison.Ordinal)) failures.Add($"{method} {url} leaks '{secret}'");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(revealsBefore, await RevealEventsAsync(t.MemberB));
    }

    [Theory]
    [InlineData(Auth.Cookie)]
    [InlineData(Auth.Token)]
    public async Task RenameOfSiblingBranch_BySecretaryOfBranch_IsRefusedAndChangesNothing(Auth auth)
    {
        var t = await BuildTreeAsync();
        var secretaryA = await ClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.A.Id), auth);

        using var response = await Http.PutJsonAsync(secretaryA, $"/api/v1/organizations/{t.B.Id}/name", new { name = "改名" });

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.Equal(t.B.Name, await NameInDatabaseAsync(t.B.Id));
    }

    [Fact]
    public async Task RenameOfOrganization_ByOrganizationDepartmentOfSiblingCommittee_IsNotFoundAndChangesNothing()
    {
        // This user's role may rename organizations, so only the data scope stands in the way.
        var t = await BuildTreeAsync();
        var other = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Sibling.Id));

        foreach (var target in new[] { t.C, t.B, t.GroupB })
        {
            using var response = await Http.PutJsonAsync(other, $"/api/v1/organizations/{target.Id}/name", new { name = "改名" });
            await Http.ProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Equal(target.Name, await NameInDatabaseAsync(target.Id));
        }
    }

    [Theory]
    [InlineData(Auth.Cookie)]
    [InlineData(Auth.Token)]
    public async Task CreateUnderSiblingBranch_BySecretaryOfBranch_IsRefusedAndCreatesNothing(Auth auth)
    {
        var t = await BuildTreeAsync();
        var secretaryA = await ClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.A.Id), auth);
        var name = TestData.Unique("越权小组");

        using var response = await Http.PostJsonAsync(secretaryA, "/api/v1/organizations", new { parentId = t.B.Id, name, kind = "Group" });

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.Equal([t.GroupB.Id], await ChildrenInDatabaseAsync(t.B.Id));
        Assert.False(await OrganizationNamedAsync(name));
    }

    [Fact]
    public async Task CreateUnderOrganization_ByOrganizationDepartmentOfSiblingCommittee_IsNotFoundAndCreatesNothing()
    {
        var t = await BuildTreeAsync();
        var other = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Sibling.Id));
        var name = TestData.Unique("越权小组");

        using var response = await Http.PostJsonAsync(other, "/api/v1/organizations", new { parentId = t.B.Id, name, kind = "Group" });

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal([t.GroupB.Id], await ChildrenInDatabaseAsync(t.B.Id));
        Assert.False(await OrganizationNamedAsync(name));
    }

    [Theory]
    [InlineData(Auth.Cookie)]
    [InlineData(Auth.Token)]
    public async Task OwnBranch_BySecretaryOfBranch_IsVisibleWithItsGroupAndMember(Auth auth)
    {
        var t = await BuildTreeAsync();
        var secretaryA = await ClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.A.Id), auth);

        foreach (var url in new[] { $"/Organizations/Details/{t.A.Id}", $"/Organizations?id={t.A.Id}", $"/Organizations/Details/{t.GroupA.Id}" })
        {
            using var page = await secretaryA.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url} → {(int)page.StatusCode}");
        }
        using (var roster = await secretaryA.GetAsync($"/Members?org={t.A.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
            var html = await roster.Content.ReadAsStringAsync();
            Assert.Contains(t.MemberA.Name, html);
            Assert.Contains(t.MemberA.ResidentIdMasked, html);
            Assert.DoesNotContain(t.ResidentIdA, html);
        }

        var a = await Http.GetJsonAsync(secretaryA, $"/api/v1/organizations/{t.A.Id}");
        Assert.Equal(t.A.Name, a.GetProperty("name").GetString());
        Assert.Equal(1, a.GetProperty("subtreeMembers").GetInt32());
        // Ancestors above the user's own organization stay invisible.
        Assert.Equal(0, a.GetProperty("ancestors").GetArrayLength());
        Assert.Equal(t.A.Id, (await Http.GetJsonAsync(secretaryA, "/api/v1/organizations/mine")).GetProperty("id").GetInt64());
        Assert.Equal([t.GroupA.Id], Http.Ids(await Http.GetJsonAsync(secretaryA, $"/api/v1/organizations/{t.A.Id}/children")));
        Assert.Equal([t.A.Id, t.GroupA.Id], Http.Ids(await Http.GetJsonAsync(secretaryA, $"/api/v1/organizations/{t.A.Id}/subtree")));
        Assert.Equal(t.GroupA.Name, (await Http.GetJsonAsync(secretaryA, $"/api/v1/organizations/{t.GroupA.Id}")).GetProperty("name").GetString());
        Assert.Equal([t.MemberA.Id], Http.Ids(await Http.GetJsonAsync(secretaryA, $"/api/v1/organizations/{t.A.Id}/members")));
        var member = await Http.GetJsonAsync(secretaryA, $"/api/v1/members/{t.MemberA.Id}");
        Assert.Equal(t.MemberA.ResidentIdMasked, member.GetProperty("residentId").GetString());

        using var reveal = await secretaryA.PostAsync($"/api/v1/members/{t.MemberA.Id}/resident-id/reveal", null);
        Assert.Equal(t.ResidentIdA, (await Http.JsonAsync(reveal)).GetProperty("residentId").GetString());
        Assert.Equal(1, await RevealEventsAsync(t.MemberA));
    }

    [Fact]
    public async Task CommitteeSubtree_ByOrganizationDepartmentOfCommittee_IsVisibleEntirely()
    {
        var t = await BuildTreeAsync();
        var department = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.C.Id));

        foreach (var org in new[] { t.C, t.A, t.B, t.GroupA, t.GroupB })
            Assert.Equal(org.Name, (await Http.GetJsonAsync(department, $"/api/v1/organizations/{org.Id}")).GetProperty("name").GetString());
        foreach (var member in new[] { t.MemberA, t.MemberB })
            Assert.Equal(member.Name, (await Http.GetJsonAsync(department, $"/api/v1/members/{member.Id}")).GetProperty("name").GetString());
        Assert.Equal([t.MemberB.Id], Http.Ids(await Http.GetJsonAsync(department, $"/api/v1/organizations/{t.B.Id}/members")));

        var subtree = await Http.GetJsonAsync(department, $"/api/v1/organizations/{t.C.Id}/subtree");
        Assert.Equal(
            new[] { t.C.Id, t.A.Id, t.B.Id, t.GroupA.Id, t.GroupB.Id }.Order(),
            Http.Ids(subtree).Order());
        Assert.Equal(5, subtree.GetProperty("totalCount").GetInt32());
        var c = await Http.GetJsonAsync(department, $"/api/v1/organizations/{t.C.Id}");
        Assert.Equal(5, c.GetProperty("subtreeOrganizations").GetInt32());
        Assert.Equal(2, c.GetProperty("subtreeMembers").GetInt32());

        // Pages too.
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.C.Id));
        using var roster = await browser.GetAsync($"/Members?org={t.B.Id}");
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        Assert.Contains(t.MemberB.Name, await roster.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CommitteeSubtree_ByOrganizationDepartmentOfSiblingCommittee_IsInvisible()
    {
        var t = await BuildTreeAsync();
        var user = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Sibling.Id);
        var other = await Factory.CreateApiClientAsync(user);
        var browser = await Factory.SignInAsync(user);

        var failures = new List<string>();
        foreach (var org in new[] { t.C, t.A, t.B, t.GroupA, t.GroupB })
        {
            foreach (var url in new[] { $"/api/v1/organizations/{org.Id}", $"/api/v1/organizations/{org.Id}/children", $"/api/v1/organizations/{org.Id}/subtree", $"/api/v1/organizations/{org.Id}/members" })
            {
                using var response = await other.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{url} → {(int)response.StatusCode}");
            }
            foreach (var url in new[] { $"/Organizations/Details/{org.Id}", $"/Members?org={org.Id}" })
            {
                using var response = await browser.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"page {url} → {(int)response.StatusCode}");
            }
        }
        foreach (var member in new[] { t.MemberA, t.MemberB })
        {
            using var response = await other.GetAsync($"/api/v1/members/{member.Id}");
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"member {member.Id} → {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Its own subtree holds only itself.
        Assert.Equal([t.Sibling.Id], Http.Ids(await Http.GetJsonAsync(other, $"/api/v1/organizations/{t.Sibling.Id}/subtree")));
    }

    [Fact]
    public async Task Roster_ForMemberRole_IsForbidden()
    {
        var t = await BuildTreeAsync();
        var user = await Factory.CreateUserAsync(BastionRoles.Member, t.A.Id, t.MemberA.Id);
        var api = await Factory.CreateApiClientAsync(user);
        var browser = await Factory.SignInAsync(user);

        foreach (var client in new[] { api, browser })
        {
            using (var list = await client.GetAsync($"/api/v1/organizations/{t.A.Id}/members"))
                await Http.ProblemAsync(list, HttpStatusCode.Forbidden);
            using (var one = await client.GetAsync($"/api/v1/members/{t.MemberA.Id}"))
                await Http.ProblemAsync(one, HttpStatusCode.Forbidden);
            using (var reveal = await client.PostAsync($"/api/v1/members/{t.MemberA.Id}/resident-id/reveal", null))
                await Http.ProblemAsync(reveal, HttpStatusCode.Forbidden);
        }
        // The roster page sends people to the "forbidden" page.
        using var page = await browser.GetAsync($"/Members?org={t.A.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/StatusCode/403", new Uri(Factory.ClientOptions.BaseAddress, page.Headers.Location!).AbsolutePath);
        Assert.Equal(0, await RevealEventsAsync(t.MemberA));
        // Members may still browse their own organization.
        Assert.Equal(t.A.Name, (await Http.GetJsonAsync(api, $"/api/v1/organizations/{t.A.Id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task OrganizationTreeAndRoster_ForDisciplineRole_AreForbidden()
    {
        // Discipline staff have the subtree as scope, but only for the discipline module (DESIGN §1).
        var t = await BuildTreeAsync();
        var discipline = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Discipline, t.C.Id));

        foreach (var url in new[] { $"/api/v1/organizations/{t.A.Id}", $"/api/v1/organizations/{t.C.Id}/subtree", $"/api/v1/organizations/{t.A.Id}/members", $"/api/v1/members/{t.MemberA.Id}" })
        {
            using var response = await discipline.GetAsync(url);
            await Http.ProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }

    private async Task<string?> NameInDatabaseAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync();
    }

    private async Task<List<long>> ChildrenInDatabaseAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Organizations.Where(o => o.ParentId == id).Select(o => o.Id).ToListAsync();
    }

    private async Task<bool> OrganizationNamedAsync(string name)
    {
        await using var db = app.Database.NewContext();
        return await db.Organizations.AnyAsync(o => o.Name == name);
    }

    private async Task<int> RevealEventsAsync(Member member)
    {
        await using var db = app.Database.NewContext();
        var id = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEvents.CountAsync(e => e.Action == AuditActions.Reveal && e.Entity == nameof(Member) && e.EntityId == id);
    }
}
