using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Appraisals;

/// <summary>民主评议党员 through the API and pages: votes, the 1/3 优秀 check, no grade for probationary members, history, scope.</summary>
public sealed class AppraisalTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(Organization Branch, List<Member> Full, Member Probationary)> BranchAsync(int full)
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var members = new List<Member>();
        for (var i = 0; i < full; i++) members.Add((await TestData.AddMemberAsync(app.Database, branch, $"党员{i + 1}")).Member);
        var (probationary, _) = await TestData.AddMemberAsync(app.Database, branch, "预备党员");
        await using (var db = app.Database.NewContext())
        {
            db.Attach(probationary);
            probationary.Category = MemberCategory.Probationary;
            probationary.FullOn = null;
            await db.SaveChangesAsync();
        }
        return (branch, members, probationary);
    }

    private static string Field(System.Text.Json.JsonElement problem) => string.Join(",", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));

    [Fact]
    public async Task Appraisal_FullCycle_EnforcesTheRules_AndBuildsHistory()
    {
        var (branch, full, probationary) = await BranchAsync(7);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));

        using var opened = await Http.PostJsonAsync(client, $"/api/v1/organizations/{branch.Id}/appraisals", new { year = 2025 });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = await Http.JsonAsync(opened);
        var id = round.GetProperty("id").GetInt64();
        Assert.Equal(8, round.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, round.GetProperty("maxExcellent").GetInt32()); // 7 full members: at most 2 excellent

        using var twice = await Http.PostJsonAsync(client, $"/api/v1/organizations/{branch.Id}/appraisals", new { year = 2025 });
        Assert.Equal("Appraisals.OnePerYear", (await Http.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using var future = await Http.PostJsonAsync(client, $"/api/v1/organizations/{branch.Id}/appraisals", new { year = DateTime.Today.Year + 1 });
        Assert.Equal("Year", Field(await Http.ProblemAsync(future, HttpStatusCode.BadRequest)));

        using var self = await Http.PutJsonAsync(client, $"/api/v1/appraisals/{id}/members/{full[0].Id}/self-assessment", new { text = "认真学习，按时参加组织生活。" });
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        using var empty = await Http.PutJsonAsync(client, $"/api/v1/appraisals/{id}/members/{full[0].Id}/self-assessment", new { text = " " });
        Assert.Equal("Text", Field(await Http.ProblemAsync(empty, HttpStatusCode.BadRequest)));

        // Peer votes: the probationary member votes, but receives none; nobody votes for themselves; a revote replaces.
        foreach (var voter in full.Skip(1).Append(probationary))
        {
            using var v = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/votes", new { voterMemberId = voter.Id, memberId = full[0].Id, grade = "Qualified" });
            Assert.Equal(HttpStatusCode.OK, v.StatusCode);
        }
        using var revote = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/votes", new { voterMemberId = full[1].Id, memberId = full[0].Id, grade = "Excellent" });
        var votes = (await Http.JsonAsync(revote)).GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("memberId").GetInt64() == full[0].Id).GetProperty("votes");
        Assert.Equal((1, 6), (votes.GetProperty("excellent").GetInt32(), votes.GetProperty("qualified").GetInt32()));
        using var forSelf = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/votes", new { voterMemberId = full[0].Id, memberId = full[0].Id, grade = "Excellent" });
        Assert.Equal("MemberId", Field(await Http.ProblemAsync(forSelf, HttpStatusCode.BadRequest)));
        using var forProbationary = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/votes", new { voterMemberId = full[0].Id, memberId = probationary.Id, grade = "Qualified" });
        Assert.Equal("MemberId", Field(await Http.ProblemAsync(forProbationary, HttpStatusCode.BadRequest)));

        // Grades: none for the probationary member; 3 excellent of 7 is more than a third; nothing changes when refused.
        using var probationaryGrade = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/grades", new { grades = new[] { new { memberId = probationary.Id, grade = "Qualified" } } });
        Assert.Equal("Appraisals.NoGradeForProbationary", (await Http.ProblemAsync(probationaryGrade, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var tooMany = full.Select((m, i) => new { memberId = m.Id, grade = i < 3 ? "Excellent" : "Qualified" }).ToArray();
        using var share = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/grades", new { grades = tooMany });
        Assert.Equal("Appraisals.ExcellentShare", (await Http.ProblemAsync(share, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var detail = await Http.GetJsonAsync(client, $"/api/v1/appraisals/{id}");
        Assert.Equal(0, detail.GetProperty("graded").GetInt32());

        using var early = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/close", new { });
        Assert.Equal("Appraisals.Ungraded", (await Http.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var fine = full.Select((m, i) => new { memberId = m.Id, grade = i < 2 ? "Excellent" : i == 6 ? "BasicallyQualified" : "Qualified" }).ToArray();
        using var graded = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/grades", new { grades = fine });
        Assert.Equal(2, (await Http.JsonAsync(graded)).GetProperty("excellent").GetInt32());
        using var closed = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/close", new { });
        Assert.Equal("Closed", (await Http.JsonAsync(closed)).GetProperty("status").GetString());
        // The closed appraisal meets the branch's 民主评议 obligation for 2025 without a meeting record.
        var compliance = await Http.GetJsonAsync(client, $"/api/v1/compliance/organizations/{branch.Id}?period=2025");
        var appraisalObligation = compliance.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "DemocraticAppraisal");
        Assert.Equal(1, appraisalObligation.GetProperty("tally").GetProperty("met").GetInt32());
        Assert.Equal(0, appraisalObligation.GetProperty("missingPeriods").GetArrayLength());

        using var afterClose = await Http.PostJsonAsync(client, $"/api/v1/appraisals/{id}/votes", new { voterMemberId = full[1].Id, memberId = full[0].Id, grade = "Qualified" });
        Assert.Equal("Appraisals.Closed", (await Http.ProblemAsync(afterClose, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        // History per member, newest first; the probationary member's year shows no grade.
        using var next = await Http.PostJsonAsync(client, $"/api/v1/organizations/{branch.Id}/appraisals", new { year = 2026 });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var history = (await Http.GetJsonAsync(client, $"/api/v1/members/{full[0].Id}/appraisals")).EnumerateArray().ToList();
        Assert.Equal([2026, 2025], history.Select(h => h.GetProperty("year").GetInt32()));
        Assert.Equal("Excellent", history[1].GetProperty("grade").GetString());
        Assert.Equal("认真学习，按时参加组织生活。", history[1].GetProperty("selfAssessment").GetString());
        var probationaryHistory = (await Http.GetJsonAsync(client, $"/api/v1/members/{probationary.Id}/appraisals")).EnumerateArray().ToList();
        Assert.All(probationaryHistory, h => Assert.Equal(System.Text.Json.JsonValueKind.Null, h.GetProperty("grade").ValueKind));
        var rounds = (await Http.GetJsonAsync(client, $"/api/v1/organizations/{branch.Id}/appraisals")).EnumerateArray().ToList();
        Assert.Equal([2026, 2025], rounds.Select(r => r.GetProperty("year").GetInt32()));
        Assert.Equal(7, rounds[1].GetProperty("graded").GetInt32());
    }

    [Fact]
    public async Task Appraisal_OutOfScope_Answers404_AndOnlyBranchesOpenOne()
    {
        var (branch, full, _) = await BranchAsync(3);
        var (other, otherMembers, _) = await BranchAsync(3);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var otherSecretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, other.Id));
        using var opened = await Http.PostJsonAsync(otherSecretary, $"/api/v1/organizations/{other.Id}/appraisals", new { year = 2025 });
        var id = (await Http.JsonAsync(opened)).GetProperty("id").GetInt64();

        await Http.ProblemAsync(await secretary.GetAsync($"/api/v1/appraisals/{id}"), HttpStatusCode.NotFound);
        await Http.ProblemAsync(await Http.PostJsonAsync(secretary, $"/api/v1/appraisals/{id}/votes", new { voterMemberId = otherMembers[0].Id, memberId = otherMembers[1].Id, grade = "Qualified" }), HttpStatusCode.NotFound);
        await Http.ProblemAsync(await secretary.GetAsync($"/api/v1/members/{otherMembers[0].Id}/appraisals"), HttpStatusCode.NotFound);
        await Http.ProblemAsync(await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{other.Id}/appraisals", new { year = 2024 }), HttpStatusCode.NotFound);

        var group = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group);
        using var onGroup = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{group.Id}/appraisals", new { year = 2025 });
        Assert.Equal("organization", Field(await Http.ProblemAsync(onGroup, HttpStatusCode.BadRequest)));
        Assert.Equal(3, full.Count);
    }

    [Fact]
    public async Task Pages_OpenARound_RefuseTooManyExcellentBesideTheForm_AndShowHistory()
    {
        var (branch, full, probationary) = await BranchAsync(3);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/Appraisals");
        using var open = await browser.PostAsync($"/Appraisals?org={branch.Id}&handler=Open", BastionFactory.Form(("Year", "2025"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var roundUrl = open.Headers.Location!.OriginalString;

        token = await BastionFactory.AntiforgeryTokenAsync(browser, roundUrl);
        using var tooMany = await browser.PostAsync($"{roundUrl}?handler=Grades", BastionFactory.Form(
            ($"grades[{full[0].Id}]", "Excellent"), ($"grades[{full[1].Id}]", "Excellent"), ($"grades[{full[2].Id}]", "Qualified"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("data-testid=\"round-error\"", await tooMany.Content.ReadAsStringAsync());

        using var ok = await browser.PostAsync($"{roundUrl}?handler=Grades", BastionFactory.Form(
            ($"grades[{full[0].Id}]", "Excellent"), ($"grades[{full[1].Id}]", "Qualified"), ($"grades[{full[2].Id}]", "Qualified"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var history = await browser.GetStringAsync($"/Appraisals/Member/{full[0].Id}");
        Assert.Contains("data-year=\"2025\"", history);
        Assert.Contains("优秀", history);
        var probationaryHistory = await browser.GetStringAsync($"/Appraisals/Member/{probationary.Id}");
        Assert.Contains("不评定等次", probationaryHistory);
    }

    [Fact]
    public async Task Members_AssessThemselvesAndVoteForPeers_AsTheMemberTheirAccountIsBoundTo()
    {
        var (branch, full, probationary) = await BranchAsync(3);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        using var opened = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{branch.Id}/appraisals", new { year = 2025 });
        var id = (await Http.JsonAsync(opened)).GetProperty("id").GetInt64();

        var me = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, probationary.Id));
        var mine = (await Http.GetJsonAsync(me, "/api/v1/my/appraisals")).EnumerateArray().Single();
        Assert.Equal(id, mine.GetProperty("roundId").GetInt64());
        Assert.Equal(full.Select(m => m.Id).Order(), mine.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("memberId").GetInt64()).Order());

        using var self = await Http.PutJsonAsync(me, $"/api/v1/my/appraisals/{id}/self-assessment", new { text = "预备期内努力学习。" });
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        using var vote = await Http.PostJsonAsync(me, $"/api/v1/my/appraisals/{id}/votes", new { memberId = full[2].Id, grade = "Excellent" });
        var peer = (await Http.JsonAsync(vote))[0].GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("memberId").GetInt64() == full[2].Id);
        Assert.Equal("Excellent", peer.GetProperty("myGrade").GetString());

        var detail = await Http.GetJsonAsync(secretary, $"/api/v1/appraisals/{id}");
        var entries = detail.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("预备期内努力学习。", entries.Single(e => e.GetProperty("memberId").GetInt64() == probationary.Id).GetProperty("selfAssessment").GetString());
        Assert.Equal(1, entries.Single(e => e.GetProperty("memberId").GetInt64() == full[2].Id).GetProperty("votes").GetProperty("excellent").GetInt32());

        // The roster endpoints stay closed to members; an account without a member record cannot take part.
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync($"/api/v1/appraisals/{id}")).StatusCode);
        var unbound = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id));
        using var refused = await Http.PostJsonAsync(unbound, $"/api/v1/my/appraisals/{id}/votes", new { memberId = full[2].Id, grade = "Qualified" });
        Assert.Equal("Appraisals.NoMemberRecord", (await Http.ProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, full[0].Id));
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/Appraisals/Mine");
        using var own = await browser.PostAsync("/Appraisals/Mine?handler=Vote", BastionFactory.Form(
            ("roundId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("memberId", full[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("grade", "Excellent"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("data-testid=\"mine-error\"", await own.Content.ReadAsStringAsync());
    }
}
