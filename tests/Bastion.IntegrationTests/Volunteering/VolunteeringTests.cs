using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Volunteering;

namespace Bastion.IntegrationTests.Volunteering;

/// <summary>
/// Service activities and pioneer posts (志愿服务, 党员先锋岗) on a hand-built tree:
/// root ─ county ─┬─ township ─ branch A (members a1, a2, a3)
///                └─ branch C (member c1, outside the township)
/// </summary>
public sealed class VolunteeringTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<HttpClient> MemberClientAsync(Member member) =>
        await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, member.OrganizationId, member.Id));

    private static Task<HttpResponseMessage> SignUp(HttpClient client, long id) => Http.PostJsonAsync(client, $"/api/v1/volunteering/activities/{id}/signup", new { });

    private static async Task<string?> RuleAsync(HttpResponseMessage response) =>
        (await Http.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("rule").GetString();

    [Fact]
    public async Task SignUpRespectsCapacityAndIsOnce_AttendanceGivesHours_AndHoursPerYearAreSummedPerMember()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var county = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var township = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var a = await TestData.AddOrganizationAsync(app.Database, township, OrganizationKind.Branch, TestData.Unique("甲村党支部"));
        var c = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Branch, TestData.Unique("丙村党支部"));
        var (a1, _) = await TestData.AddMemberAsync(app.Database, a, "志愿者甲");
        var (a2, _) = await TestData.AddMemberAsync(app.Database, a, "志愿者乙");
        var (a3, _) = await TestData.AddMemberAsync(app.Database, a, "志愿者丙");
        var (c1, _) = await TestData.AddMemberAsync(app.Database, c);
        var organizer = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, township.Id));
        var today = DateOnly.FromDateTime(DateTime.Now);

        using (var invalid = await Http.PostJsonAsync(organizer, "/api/v1/volunteering/activities",
                   new { organizationId = township.Id, kind = "Volunteer", title = "清扫河道", place = " ", capacity = 0, heldOn = today.AddDays(-1).ToString("yyyy-MM-dd") }))
        {
            var errors = (await Http.ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("Place", out _) && errors.TryGetProperty("Capacity", out _) && errors.TryGetProperty("HeldOn", out _));
        }
        async Task<long> PublishAsync(string kind, string title, int capacity)
        {
            using var created = await Http.PostJsonAsync(organizer, "/api/v1/volunteering/activities",
                new { organizationId = township.Id, kind, title, place = "镇文化广场", capacity, heldOn = today.ToString("yyyy-MM-dd") });
            return (await Http.JsonAsync(created)).GetProperty("id").GetInt64();
        }
        var cleanup = await PublishAsync("Volunteer", "清扫河道", 2);
        var post = await PublishAsync("PioneerPost", "党员先锋岗：便民服务站值守", 5);

        var m1 = await MemberClientAsync(a1);
        using (var r = await SignUp(m1, cleanup)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using (var r = await SignUp(m1, cleanup)) Assert.Equal("service-already-signed-up", await RuleAsync(r));
        using (var r = await SignUp(await MemberClientAsync(a2), cleanup)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var m3 = await MemberClientAsync(a3);
        using (var r = await SignUp(m3, cleanup)) Assert.Equal("service-full", await RuleAsync(r));
        using (var r = await SignUp(await MemberClientAsync(c1), cleanup)) await Http.ProblemAsync(r, HttpStatusCode.NotFound);
        using (var r = await SignUp(m1, post)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);

        var mine = (await Http.GetJsonAsync(m3, "/api/v1/volunteering/mine")).EnumerateArray()
            .Single(x => x.GetProperty("activity").GetProperty("id").GetInt64() == cleanup);
        Assert.Equal((2, false), (mine.GetProperty("activity").GetProperty("signedUp").GetInt32(), mine.GetProperty("signedUp").GetBoolean()));

        using (var notSigned = await Http.PostJsonAsync(organizer, $"/api/v1/volunteering/activities/{cleanup}/attendance",
                   new { entries = new object[] { new { memberId = a1.Id, attended = true, hours = 3.5 }, new { memberId = a3.Id, attended = true, hours = 1 } } }))
            await Http.ProblemAsync(notSigned, HttpStatusCode.BadRequest);
        using (var badHours = await Http.PostJsonAsync(organizer, $"/api/v1/volunteering/activities/{cleanup}/attendance",
                   new { entries = new object[] { new { memberId = a1.Id, attended = true, hours = 3.3 } } }))
            await Http.ProblemAsync(badHours, HttpStatusCode.BadRequest);
        using (var ok = await Http.PostJsonAsync(organizer, $"/api/v1/volunteering/activities/{cleanup}/attendance",
                   new { entries = new object[] { new { memberId = a1.Id, attended = true, hours = 3.5 }, new { memberId = a2.Id, attended = false, hours = (double?)null } } }))
            Assert.Equal(2, (await Http.JsonAsync(ok)).GetProperty("recorded").GetInt32());
        using (var ok = await Http.PostJsonAsync(organizer, $"/api/v1/volunteering/activities/{post}/attendance",
                   new { entries = new object[] { new { memberId = a1.Id, attended = true, hours = 2 } } }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // A year earlier: counted only for that year.
        await using (var db = app.Database.NewContext())
        {
            var old = new ServiceActivity { OrganizationId = a.Id, Kind = ServiceActivityKind.ServiceArea, Title = "去年", Place = "村委会", Capacity = 3, HeldOn = today.AddYears(-1), CreatedAt = DateTime.UtcNow };
            db.Add(old);
            await db.SaveChangesAsync();
            db.Add(new ServiceSignUp { ActivityId = old.Id, MemberId = a2.Id, OrganizationId = a.Id, HeldOn = old.HeldOn, SignedUpAt = DateTime.UtcNow, Attended = true, Hours = 4 });
            await db.SaveChangesAsync();
        }

        var hours = (await Http.GetJsonAsync(organizer, $"/api/v1/volunteering/hours/{township.Id}?year={today.Year}")).EnumerateArray()
            .Select(h => (h.GetProperty("memberId").GetInt64(), h.GetProperty("activities").GetInt32(), h.GetProperty("hours").GetDouble())).ToList();
        Assert.Equal([(a1.Id, 2, 5.5)], hours);
        var lastYear = (await Http.GetJsonAsync(organizer, $"/api/v1/volunteering/hours/{a.Id}?year={today.Year - 1}")).EnumerateArray()
            .Select(h => (h.GetProperty("memberId").GetInt64(), h.GetProperty("hours").GetDouble())).ToList();
        Assert.Equal([(a2.Id, 4.0)], lastYear);

        var detail = await Http.GetJsonAsync(organizer, $"/api/v1/volunteering/activities/{cleanup}");
        Assert.Equal([true, false], detail.GetProperty("signUps").EnumerateArray().Select(s => s.GetProperty("attended").GetBoolean()));
    }

    [Fact]
    public async Task Pages_AMemberSignsUpOnThePhone_TheOrganizerRecordsHours_AndTheHoursPageSumsThem()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch, TestData.Unique("社区党支部"));
        var (m1, _) = await TestData.AddMemberAsync(app.Database, branch, TestData.Unique("先锋"));
        var organizer = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        var token = await BastionFactory.AntiforgeryTokenAsync(organizer, "/Volunteering");
        using (var bad = await organizer.PostAsync("/Volunteering", BastionFactory.Form(("OrganizationId", branch.Id.ToString()), ("Kind", "ServiceArea"),
                   ("Title", "便民服务"), ("Place", "社区服务中心"), ("Capacity", "0"), ("HeldOn", today), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("The capacity is 1 to", await bad.Content.ReadAsStringAsync());
        }
        using var published = await organizer.PostAsync("/Volunteering", BastionFactory.Form(("OrganizationId", branch.Id.ToString()), ("Kind", "ServiceArea"),
            ("Title", "便民服务"), ("Place", "社区服务中心"), ("Capacity", "1"), ("HeldOn", today), (BastionFactory.AntiforgeryField, token)));
        var activityPath = published.Headers.Location!.OriginalString;
        var id = long.Parse(activityPath.Split('/').Last());

        var phone = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, m1.Id));
        var mineToken = await BastionFactory.AntiforgeryTokenAsync(phone, "/Volunteering/Mine");
        using (var signed = await phone.PostAsync($"/Volunteering/Mine?id={id}", BastionFactory.Form((BastionFactory.AntiforgeryField, mineToken))))
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        using (var again = await phone.PostAsync($"/Volunteering/Mine?id={id}", BastionFactory.Form((BastionFactory.AntiforgeryField, mineToken))))
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var (m2, _) = await TestData.AddMemberAsync(app.Database, branch, TestData.Unique("后来者"));
        var late = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, m2.Id));
        var lateToken = await BastionFactory.AntiforgeryTokenAsync(late, "/Volunteering/Mine");
        using (var full = await late.PostAsync($"/Volunteering/Mine?id={id}", BastionFactory.Form((BastionFactory.AntiforgeryField, lateToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
            Assert.Contains("名额已被报满，请刷新页面后选择其他活动。", await full.Content.ReadAsStringAsync());
        }

        var attendanceToken = await BastionFactory.AntiforgeryTokenAsync(organizer, activityPath);
        using (var saved = await organizer.PostAsync(activityPath, BastionFactory.Form(("MemberIds", m1.Id.ToString()), ("AttendedIds", m1.Id.ToString()), ("Hours", "2.5"),
                   (BastionFactory.AntiforgeryField, attendanceToken))))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var hours = await organizer.GetStringAsync($"/Volunteering/Hours?organizationId={branch.Id}");
        Assert.Matches($@"<tr><td>{m1.Name}</td><td class=""text-end"">1</td><td class=""text-end"">2.5</td></tr>", hours);
    }

    /// <summary>
    /// Many members take the last places at the same moment (on PostgreSQL a Serializable sign-up used to fail with a
    /// serialization error, a 500): exactly the free places are taken, every other answer is the "service-full" conflict.
    /// </summary>
    [Fact]
    public async Task SignUp_WhenManyMembersRaceForTheLastPlaces_ExactlyCapacitySucceed_AndTheRestAreToldItIsFull()
    {
        const int capacity = 3, taken = 1, racers = 16;
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch, TestData.Unique("抢报支部"));
        var members = new List<Member>();
        for (var i = 0; i < racers + taken; i++) members.Add((await TestData.AddMemberAsync(app.Database, branch, TestData.Unique("抢报党员"))).Item1);
        var organizer = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        using var created = await Http.PostJsonAsync(organizer, "/api/v1/volunteering/activities",
            new { organizationId = branch.Id, kind = "Volunteer", title = "义诊", place = "村卫生室", capacity, heldOn = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd") });
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();
        using (var first = await SignUp(await MemberClientAsync(members[0]), id)) Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var clients = new List<HttpClient>();
        foreach (var m in members.Skip(taken)) clients.Add(await MemberClientAsync(m));
        using var start = new ManualResetEventSlim();
        var attempts = clients.Select(c => Task.Run(async () =>
        {
            start.Wait();
            using var r = await SignUp(c, id);
            var body = await r.Content.ReadAsStringAsync();
            return (r.StatusCode, body);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.DoesNotContain(results, r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        Assert.Equal(capacity - taken, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict),
            r => Assert.Equal("service-full", System.Text.Json.JsonDocument.Parse(r.body).RootElement.GetProperty("rule").GetString()));
        var detail = await Http.GetJsonAsync(organizer, $"/api/v1/volunteering/activities/{id}");
        Assert.Equal(capacity, detail.GetProperty("signUps").GetArrayLength());
    }
}
