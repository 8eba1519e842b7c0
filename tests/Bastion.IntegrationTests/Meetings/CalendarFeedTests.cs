using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Ical.Net;

namespace Bastion.IntegrationTests.Meetings;

/// <summary>iCalendar feeds at secret URLs, read by a calendar library as a phone calendar would.</summary>
public sealed class CalendarFeedTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task MemberFeed_ShowsPlannedMeetings_ParsesAsICalendar_AndStopsWhenRevoked()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var other = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var (member, _) = await TestData.AddMemberAsync(app.Database, branch);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var otherSecretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, other.Id));
        var phone = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, member.Id));

        var startsAt = DateTime.UtcNow.Date.AddDays(7).AddHours(6).AddMinutes(30);
        // Commas, semicolons, a backslash and a long Chinese topic exercise escaping and folding.
        var topic = "学习贯彻党的二十大精神；讨论村集体经济发展规划，研究\\部署下一阶段重点工作任务以及民主评议党员的准备工作安排";
        using (var r = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{branch.Id}/meetings", new
               { kind = "BranchGeneralMeeting", topic, startsAt = startsAt.ToString("O"), endsAt = startsAt.AddHours(2).ToString("O"), place = "党群服务中心, 二楼", online = false }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using (var r = await Http.PostJsonAsync(otherSecretary, $"/api/v1/organizations/{other.Id}/meetings", new
               { kind = "ThemePartyDay", topic = "别的支部", startsAt = startsAt.ToString("O"), endsAt = startsAt.AddHours(2).ToString("O"), online = true }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);

        var feed = await Http.JsonAsync(await phone.PostAsync("/api/v1/me/calendar-feeds", null));
        var url = new Uri(feed.GetProperty("url").GetString()!);
        Assert.EndsWith(".ics", url.AbsolutePath);

        var anonymous = Factory.CreateClient();
        using var response = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        var calendar = Calendar.Load(text)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("支部党员大会：" + topic, ev.Summary);
        Assert.Equal("党群服务中心, 二楼", ev.Location);
        Assert.Equal(startsAt, ev.DtStart!.AsUtc);
        Assert.Equal(startsAt.AddHours(2), ev.DtEnd!.AsUtc);

        // A guessed token and a revoked one both answer 404.
        using var guessed = await anonymous.GetAsync("/calendar/not-a-real-token.ics");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        using var revoke = await phone.DeleteAsync($"/api/v1/me/calendar-feeds/{feed.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var revoked = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task OrganizationFeed_ShowsTheBranchAndItsGroups_NotOtherBranches()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var group = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group);
        var other = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var admin = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));
        var at = DateTime.UtcNow.AddDays(3);
        foreach (var (org, kind, topic) in new[] { (branch, "BranchCommitteeMeeting", "支委会议题"), (group, "GroupMeeting", "小组议题"), (other, "ThemePartyDay", "别处议题") })
            using (var r = await Http.PostJsonAsync(admin, $"/api/v1/organizations/{org.Id}/meetings", new { kind, topic, startsAt = at.ToString("O"), endsAt = at.AddHours(1).ToString("O"), online = true }))
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);

        var feed = await Http.JsonAsync(await admin.PostAsync($"/api/v1/organizations/{branch.Id}/calendar-feeds", null));
        var text = await Factory.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        var summaries = Calendar.Load(text)!.Events.Select(e => e.Summary).Order().ToList();
        Assert.Equal(["党小组会：小组议题", "支委会：支委会议题"], summaries);
    }
}
