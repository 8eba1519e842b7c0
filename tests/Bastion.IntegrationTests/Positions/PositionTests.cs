using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Positions;

/// <summary>Positions (职务): appointing, the one-secretary rule, ending terms, secretary vacancies, data scope.</summary>
public sealed class PositionTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static string Day(int daysAgo) => DateTime.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    /// <summary>Root ─┬─ committee C ─ branch B ─ group G
    ///               └─ branch U (unrelated)</summary>
    private async Task<(Organization C, Organization B, Organization G, Organization U)> BuildTreeAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var c = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("党委C"));
        var b = await TestData.AddOrganizationAsync(db, c, OrganizationKind.Branch, TestData.Unique("支部B"));
        var g = await TestData.AddOrganizationAsync(db, b, OrganizationKind.Group, TestData.Unique("党小组G"));
        var u = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Branch, TestData.Unique("支部U"));
        return (c, b, g, u);
    }

    [Fact]
    public async Task Appoint_SecondSecretary_IsRefusedUntilTheFirstTermEnds_AndVacancyIsShown()
    {
        var (c, b, g, _) = await BuildTreeAsync();
        var (alice, _) = await TestData.AddMemberAsync(app.Database, b, "张书记");
        var (bob, _) = await TestData.AddMemberAsync(app.Database, b, "李委员");
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, c.Id));

        using var first = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = alice.Id, role = "Secretary", startedOn = Day(400) });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var positionId = (await Http.JsonAsync(first)).GetProperty("id").GetInt64();
        using var member = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = bob.Id, role = "OrganizationCommissioner", startedOn = Day(300) });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);

        using var second = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = bob.Id, role = "Secretary" });
        Assert.Equal("Positions.OneSecretary", (await Http.ProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var list = await Http.GetJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions");
        var current = list.GetProperty("current").EnumerateArray().ToList();
        Assert.Equal(["Secretary", "OrganizationCommissioner"], current.Select(p => p.GetProperty("role").GetString()));
        Assert.Equal("张书记", current[0].GetProperty("memberName").GetString());
        Assert.Equal(JsonValueKindNull, list.GetProperty("vacancy").ValueKind);

        using var before = await Http.PostJsonAsync(client, $"/api/v1/positions/{positionId}/end", new { endedOn = Day(401) });
        Assert.True((await Http.ProblemAsync(before, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("EndedOn", out _));
        using var end = await Http.PostJsonAsync(client, $"/api/v1/positions/{positionId}/end", new { endedOn = Day(100) });
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);

        list = await Http.GetJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions");
        Assert.Equal(positionId, list.GetProperty("history")[0].GetProperty("id").GetInt64());
        var vacancy = list.GetProperty("vacancy");
        Assert.Equal(100, vacancy.GetProperty("days").GetInt32());
        Assert.Equal("Positions.SecretaryVacant", vacancy.GetProperty("warning").GetString());

        var vacancies = (await Http.GetJsonAsync(client, $"/api/v1/organizations/{c.Id}/secretary-vacancies")).EnumerateArray().ToList();
        Assert.Contains(vacancies, v => v.GetProperty("organizationId").GetInt64() == b.Id && v.GetProperty("days").GetInt32() == 100);
        Assert.Contains(vacancies, v => v.GetProperty("organizationId").GetInt64() == c.Id && v.GetProperty("neverAppointed").GetBoolean());
        Assert.DoesNotContain(vacancies, v => v.GetProperty("organizationId").GetInt64() == g.Id);

        using var again = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = bob.Id, role = "Secretary" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        vacancies = (await Http.GetJsonAsync(client, $"/api/v1/organizations/{c.Id}/secretary-vacancies")).EnumerateArray().ToList();
        Assert.DoesNotContain(vacancies, v => v.GetProperty("organizationId").GetInt64() == b.Id);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Appoint_BreakingMembershipOrKindRules_IsRefusedPerField()
    {
        var (c, b, g, u) = await BuildTreeAsync();
        var (inB, _) = await TestData.AddMemberAsync(app.Database, b);
        var (inU, _) = await TestData.AddMemberAsync(app.Database, u);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.SystemAdmin, c.Id));

        using var outsider = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = inU.Id, role = "CommitteeMember" });
        Assert.True((await Http.ProblemAsync(outsider, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("MemberId", out _));
        using var future = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = inB.Id, role = "CommitteeMember", startedOn = Day(-1) });
        Assert.True((await Http.ProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("StartedOn", out _));
        using var leaderOnBranch = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions", new { memberId = inB.Id, role = "GroupLeader" });
        Assert.True((await Http.ProblemAsync(leaderOnBranch, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Role", out _));
        using var secretaryOnGroup = await Http.PostJsonAsync(client, $"/api/v1/organizations/{g.Id}/positions", new { memberId = inB.Id, role = "Secretary" });
        Assert.True((await Http.ProblemAsync(secretaryOnGroup, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Role", out _));
        using var leader = await Http.PostJsonAsync(client, $"/api/v1/organizations/{g.Id}/positions", new { memberId = inB.Id, role = "GroupLeader" });
        Assert.Equal(HttpStatusCode.Created, leader.StatusCode);
    }

    [Fact]
    public async Task Positions_OfAnOrganizationOutOfScope_Answer404()
    {
        var (_, b, _, u) = await BuildTreeAsync();
        var (inU, _) = await TestData.AddMemberAsync(app.Database, u);
        var secretaryU = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, u.Id));
        using var created = await Http.PostJsonAsync(secretaryU, $"/api/v1/organizations/{u.Id}/positions", new { memberId = inU.Id, role = "Secretary" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var positionId = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();

        var secretaryB = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b.Id));
        using var list = await secretaryB.GetAsync($"/api/v1/organizations/{u.Id}/positions");
        await Http.ProblemAsync(list, HttpStatusCode.NotFound);
        using var appoint = await Http.PostJsonAsync(secretaryB, $"/api/v1/organizations/{u.Id}/positions", new { memberId = inU.Id, role = "CommitteeMember" });
        await Http.ProblemAsync(appoint, HttpStatusCode.NotFound);
        using var end = await Http.PostJsonAsync(secretaryB, $"/api/v1/positions/{positionId}/end", new { });
        await Http.ProblemAsync(end, HttpStatusCode.NotFound);
        using var vacancies = await secretaryB.GetAsync($"/api/v1/organizations/{u.Id}/secretary-vacancies");
        await Http.ProblemAsync(vacancies, HttpStatusCode.NotFound);
        using var page = await (await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b.Id))).GetAsync($"/Positions?org={u.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Page_AppointsAndEnds_AndShowsTheVacancy()
    {
        var (_, b, _, _) = await BuildTreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, b, "王书记");
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b.Id));
        var url = $"/Positions?org={b.Id}";
        Assert.Contains("secretary-vacancy", await browser.GetStringAsync(url));

        var token = await BastionFactory.AntiforgeryTokenAsync(browser, url);
        using var bad = await browser.PostAsync($"{url}&handler=Appoint", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("MemberId", ""), ("Role", "Secretary")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("MemberId-error", await bad.Content.ReadAsStringAsync());

        using var appoint = await browser.PostAsync($"{url}&handler=Appoint", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
            ("MemberId", member.Id.ToString()), ("Role", "Secretary"), ("StartedOn", Day(10))));
        Assert.True(appoint.IsSuccessStatusCode || appoint.StatusCode == HttpStatusCode.Redirect, $"{(int)appoint.StatusCode}");
        var html = await browser.GetStringAsync(url);
        Assert.Contains("王书记", html);
        Assert.DoesNotContain("secretary-vacancy", html);

        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b.Id));
        var positionId = (await Http.GetJsonAsync(client, $"/api/v1/organizations/{b.Id}/positions")).GetProperty("current")[0].GetProperty("id").GetInt64();
        token = await BastionFactory.AntiforgeryTokenAsync(browser, url);
        using var end = await browser.PostAsync($"{url}&handler=End", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("positionId", positionId.ToString())));
        Assert.True(end.IsSuccessStatusCode || end.StatusCode == HttpStatusCode.Redirect, $"{(int)end.StatusCode}");
        html = await browser.GetStringAsync(url);
        Assert.Contains("data-days=\"0\"", html);
    }

    [Fact]
    public async Task CommitteeSizes_CountDistinctCurrentHolders_WithoutGroupLeaders()
    {
        var (c, b, g, _) = await BuildTreeAsync();
        var (m1, _) = await TestData.AddMemberAsync(app.Database, b);
        var (m2, _) = await TestData.AddMemberAsync(app.Database, b);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, c.Id));
        foreach (var (orgId, memberId, role) in new[] { (b.Id, m1.Id, "Secretary"), (b.Id, m1.Id, "OrganizationCommissioner"), (b.Id, m2.Id, "CommitteeMember"), (g.Id, m2.Id, "GroupLeader") })
        {
            using var r = await Http.PostJsonAsync(client, $"/api/v1/organizations/{orgId}/positions", new { memberId, role });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }
        await using var db = app.Database.NewContext();
        var sizes = await Bastion.Positions.CommitteeSizes.ForOrganizationsAsync(db, db.Organizations.Where(o => o.Id == b.Id || o.Id == g.Id || o.Id == c.Id));
        Assert.Equal(new Bastion.Positions.CommitteeSize(b.Id, 2, true), sizes[b.Id]);
        Assert.False(sizes.ContainsKey(g.Id));
        Assert.False(sizes.ContainsKey(c.Id));
    }
}
