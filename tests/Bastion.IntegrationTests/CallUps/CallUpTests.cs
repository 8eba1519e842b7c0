using System.Net;
using Bastion.CallUps;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Notifications;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.CallUps;

/// <summary>
/// Emergency call-ups (应急动员) on a hand-built tree:
/// root ─ county ─┬─ township ─┬─ branch A (two active members, one who left)
///                │            └─ branch B (one active member)
///                └─ branch C (outside the township: one active member)
/// </summary>
public sealed class CallUpTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private sealed record Tree(Organization Township, Organization A, Organization B, Organization C, Member A1, Member A2, Member Left, Member B1, Member C1);

    private async Task<Tree> BuildAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var county = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var township = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var a = await TestData.AddOrganizationAsync(app.Database, township, OrganizationKind.Branch, TestData.Unique("甲村党支部"));
        var b = await TestData.AddOrganizationAsync(app.Database, township, OrganizationKind.Branch, TestData.Unique("乙村党支部"));
        var c = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Branch, TestData.Unique("丙村党支部"));
        var (a1, _) = await TestData.AddMemberAsync(app.Database, a);
        var (a2, _) = await TestData.AddMemberAsync(app.Database, a);
        var (left, _) = await TestData.AddMemberAsync(app.Database, a);
        var (b1, _) = await TestData.AddMemberAsync(app.Database, b);
        var (c1, _) = await TestData.AddMemberAsync(app.Database, c);
        await using var db = app.Database.NewContext();
        await db.Members.Where(m => m.Id == left.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Left));
        return new Tree(township, a, b, c, a1, a2, left, b1, c1);
    }

    private async Task<HttpClient> MemberClientAsync(Member member) =>
        await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, member.OrganizationId, member.Id));

    private static Task<HttpResponseMessage> Answer(HttpClient client, long id, string answer, string? note = null) =>
        Http.PostJsonAsync(client, $"/api/v1/callups/{id}/answer", new { answer, note });

    [Fact]
    public async Task CallUp_ReachesActiveMembersOfTheSubtree_AndTheRosterCountsPerBranch()
    {
        var t = await BuildAsync();
        var caller = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Township.Id));
        using var created = await Http.PostJsonAsync(caller, "/api/v1/callups",
            new { organizationId = t.Township.Id, kind = "Flood", title = "防汛抢险", instructions = "今晚20时到镇政府集合，带雨具" });
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();

        await using (var db = app.Database.NewContext())
        {
            var called = await db.Set<CallUpResponse>().IgnoreQueryFilters().Where(r => r.CallUpId == id).Select(r => r.MemberId).ToListAsync();
            Assert.Equal(new[] { t.A1.Id, t.A2.Id, t.B1.Id }.Order(), called.Order());
            var notified = await db.Set<Notification>().IgnoreQueryFilters().CountAsync(n => n.DedupKey == $"call-up:{id}");
            Assert.Equal(0, notified); // no user is bound to these members yet
        }

        var a1 = await MemberClientAsync(t.A1);
        var mine = await Http.GetJsonAsync(a1, "/api/v1/callups/mine");
        Assert.Equal(id, mine.EnumerateArray().Single().GetProperty("callUpId").GetInt64());
        using (var r = await Answer(a1, id, "Available", "可带车")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Answer(await MemberClientAsync(t.B1), id, "Unavailable", "在外地")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var bad = await Answer(a1, id, "NoAnswer")) await Http.ProblemAsync(bad, HttpStatusCode.BadRequest);

        var roster = await Http.GetJsonAsync(caller, $"/api/v1/callups/{id}/roster");
        var branches = roster.GetProperty("branches").EnumerateArray()
            .ToDictionary(b => b.GetProperty("organizationId").GetInt64(), b => (b.GetProperty("available").GetInt32(), b.GetProperty("unavailable").GetInt32(), b.GetProperty("noAnswer").GetInt32()));
        Assert.Equal(2, branches.Count);
        Assert.Equal((1, 0, 1), branches[t.A.Id]);
        Assert.Equal((0, 1, 0), branches[t.B.Id]);
        Assert.Equal(1, roster.GetProperty("noAnswer").GetInt32());
        await using (var db = app.Database.NewContext())
            Assert.Equal("可带车", await db.Set<CallUpResponse>().IgnoreQueryFilters().Where(r => r.CallUpId == id && r.MemberId == t.A1.Id).Select(r => r.Note).SingleAsync());
    }

    [Fact]
    public async Task BoundMembersAreNotified_AnOutsiderCannotAnswer_AndClosingStopsAnswers()
    {
        var t = await BuildAsync();
        var a2 = await MemberClientAsync(t.A2);
        var c1 = await MemberClientAsync(t.C1);
        var caller = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Township.Id));
        using (var invalid = await Http.PostJsonAsync(caller, "/api/v1/callups", new { organizationId = t.Township.Id, kind = "Snow", title = "", instructions = "" }))
        {
            var errors = (await Http.ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("Title", out _) && errors.TryGetProperty("Instructions", out _));
        }
        using var created = await Http.PostJsonAsync(caller, "/api/v1/callups",
            new { organizationId = t.Township.Id, kind = "Snow", title = "扫雪除冰", instructions = "明早7时各村主干道" });
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();
        await using (var db = app.Database.NewContext())
        {
            var notified = await db.Set<Notification>().IgnoreQueryFilters().Where(n => n.DedupKey == $"call-up:{id}").Select(n => n.UserId).ToListAsync();
            var boundToA2 = await db.Users.Where(u => u.MemberId == t.A2.Id).Select(u => u.Id).SingleAsync();
            Assert.Equal([boundToA2], notified); // C1's user is outside the subtree
        }

        using (var outside = await Answer(c1, id, "Available"))
            Assert.Equal("call-up-not-called", (await Http.ProblemAsync(outside, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(0, (await Http.GetJsonAsync(c1, "/api/v1/callups/mine")).GetArrayLength());

        using (var close = await Http.PostJsonAsync(caller, $"/api/v1/callups/{id}/close", new { })) Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        using (var late = await Answer(a2, id, "Available"))
            Assert.Equal("call-up-closed", (await Http.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var roster = await Http.GetJsonAsync(caller, $"/api/v1/callups/{id}/roster");
        Assert.Equal((0, 3, "Closed"), (roster.GetProperty("available").GetInt32(), roster.GetProperty("noAnswer").GetInt32(), roster.GetProperty("callUp").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Pages_AMemberAnswersOnThePhonePage_AndTheCallerSeesTheBranchCount()
    {
        var t = await BuildAsync();
        var secretary = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Township.Id);
        var callerBrowser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(callerBrowser, "/CallUps");
        using (var empty = await callerBrowser.PostAsync("/CallUps", BastionFactory.Form(("OrganizationId", t.Township.Id.ToString()), ("Kind", "Epidemic"),
                   ("Title", ""), ("Instructions", "核酸检测点值守"), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("The title is required.", await empty.Content.ReadAsStringAsync());
        }
        using var issued = await callerBrowser.PostAsync("/CallUps", BastionFactory.Form(("OrganizationId", t.Township.Id.ToString()), ("Kind", "Epidemic"),
            ("Title", "核酸检测点值守"), ("Instructions", "明早8时到卫生院报到"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var rosterPath = issued.Headers.Location!.OriginalString;
        var id = long.Parse(rosterPath.Split('/').Last());

        var phone = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, t.B1.OrganizationId, t.B1.Id));
        var mineToken = await BastionFactory.AntiforgeryTokenAsync(phone, "/CallUps/Mine");
        using (var answered = await phone.PostAsync($"/CallUps/Mine?id={id}", BastionFactory.Form(("answer", "Available"), ("Note", "<script>x</script>"), (BastionFactory.AntiforgeryField, mineToken))))
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var mine = await phone.GetStringAsync("/CallUps/Mine");
        Assert.Contains("核酸检测点值守", mine);
        Assert.DoesNotContain("<script>x</script>", mine);

        var html = await callerBrowser.GetStringAsync(rosterPath);
        var row = System.Text.RegularExpressions.Regex.Match(html, $@"<tr><td>{System.Text.RegularExpressions.Regex.Escape(t.B.Name)}</td>(.*?)</tr>").Groups[1].Value;
        Assert.Equal(["1", "0", "0"], System.Text.RegularExpressions.Regex.Matches(row, @">(\d+)<").Select(m => m.Groups[1].Value));
    }
}
