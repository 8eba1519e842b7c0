using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Meetings;

/// <summary>The meeting pages: plan, record, ledger, check-in on a phone, the member's own list.</summary>
public sealed class MeetingPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static string Local(DateTime utc) => utc.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_PlansRecordsAndSeesTheLedger_MemberChecksInOnThePhonePage()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var (alice, _) = await TestData.AddMemberAsync(app.Database, branch, "张三");
        var (bob, _) = await TestData.AddMemberAsync(app.Database, branch, "李四");
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var phone = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, alice.Id));

        // A plan with the end before the start is refused beside the field, nothing saved.
        var start = DateTime.UtcNow.AddMinutes(-5);
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, $"/Meetings/Plan?org={branch.Id}");
        using (var bad = await secretary.PostAsync($"/Meetings/Plan?org={branch.Id}", BastionFactory.Form(
                   ("Kind", "ThemePartyDay"), ("Topic", "主题党日：重温入党誓词"), ("StartsAt", Local(start)), ("EndsAt", Local(start.AddHours(-1))),
                   ("Place", "党员活动室"), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("id=\"EndsAt-error\"", await bad.Content.ReadAsStringAsync());
        }
        using var planned = await secretary.PostAsync($"/Meetings/Plan?org={branch.Id}", BastionFactory.Form(
            ("Kind", "ThemePartyDay"), ("Topic", "主题党日：重温入党誓词"), ("StartsAt", Local(start)), ("EndsAt", Local(start.AddHours(2))),
            ("Place", "党员活动室"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var detailUrl = planned.Headers.Location!.OriginalString;
        var id = long.Parse(detailUrl.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        string code;
        await using (var db = app.Database.NewContext())
            code = (await db.Set<Meeting>().SingleAsync(m => m.Id == id)).CheckInCode!;
        var detail = await secretary.GetStringAsync(detailUrl);
        Assert.Contains(code, detail);
        Assert.Contains("/Meetings/CheckIn?code=" + code, detail);

        // The member opens the link on the phone and checks in.
        var checkInToken = await BastionFactory.AntiforgeryTokenAsync(phone, $"/Meetings/CheckIn?code={code}");
        using (var checkedIn = await phone.PostAsync("/Meetings/CheckIn", BastionFactory.Form(("Code", code), (BastionFactory.AntiforgeryField, checkInToken))))
        {
            Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
            Assert.Contains("data-testid=\"checked-in\"", await checkedIn.Content.ReadAsStringAsync());
        }

        // The secretary records: Bob excused; the meeting is held and the code then refused on the phone.
        var recordToken = await BastionFactory.AntiforgeryTokenAsync(secretary, $"/Meetings/Record/{id}");
        using (var recorded = await secretary.PostAsync($"/Meetings/Record/{id}", BastionFactory.Form(
                   ("Attendance[0].MemberId", alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Attendance[0].Status", "Present"),
                   ("Attendance[1].MemberId", bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Attendance[1].Status", "Excused"),
                   ("Attendance[1].Reason", "出差"), ("Minutes", "重温入党誓词，交流学习体会。"), (BastionFactory.AntiforgeryField, recordToken))))
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        detail = await secretary.GetStringAsync($"/Meetings/Details/{id}");
        Assert.Contains("重温入党誓词，交流学习体会。", detail);
        Assert.Contains("出差", detail);

        using (var reused = await phone.PostAsync("/Meetings/CheckIn", BastionFactory.Form(("Code", code), (BastionFactory.AntiforgeryField, checkInToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
            Assert.Contains("data-testid=\"check-in-error\"", await reused.Content.ReadAsStringAsync());
        }

        var year = DateTime.Now.Year;
        var ledger = await secretary.GetStringAsync($"/Meetings?org={branch.Id}&year={year}");
        Assert.Contains($"data-id=\"{id}\"", ledger);
        Assert.Contains("/css/meetings.css", ledger);
        Assert.Contains("data-print", ledger);
        var mine = await phone.GetStringAsync("/Meetings/Mine");
        Assert.Contains($"data-id=\"{id}\"", mine);

        // Another branch's secretary does not see the meeting.
        var other = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var stranger = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, other.Id));
        using var hidden = await stranger.GetAsync($"/Meetings/Details/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var hiddenLedger = await stranger.GetAsync($"/Meetings?org={branch.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hiddenLedger.StatusCode);
    }

    [Fact]
    public async Task Exclusions_Page_RecordsAReason_AndRefusesAnOverlap()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var (ill, _) = await TestData.AddMemberAsync(app.Database, branch, "王五");
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var url = $"/Meetings/Exclusions?org={branch.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, url);
        var today = DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = ill.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var ok = await secretary.PostAsync(url, BastionFactory.Form(("MemberId", id), ("Reason", "SeriouslyIll"), ("FromDate", today), ("Note", "镇党委批准"), (BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using (var overlap = await secretary.PostAsync(url, BastionFactory.Form(("MemberId", id), ("Reason", "AwayLongTerm"), ("FromDate", today), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
            Assert.Contains("id=\"FromDate-error\"", await overlap.Content.ReadAsStringAsync());
        }
        var page = await secretary.GetStringAsync(url);
        Assert.Contains("镇党委批准", page);
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Set<AttendanceExclusion>().CountAsync(e => e.MemberId == ill.Id));
    }

    [Fact]
    public async Task Groups_Page_MovesAMemberBetweenGroups()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var first = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group, "第一党小组");
        var second = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group, "第二党小组");
        var (member, _) = await TestData.AddMemberAsync(app.Database, branch);
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var url = $"/Meetings/Groups?org={branch.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, url);
        var id = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The member was placed in the first group a month ago; moving today ends that stay.
        await using (var setup = app.Database.NewContext())
        {
            setup.Add(new PartyGroupMember { OrganizationId = first.Id, RegionId = first.RegionId, MemberId = member.Id, JoinedOn = DateOnly.FromDateTime(DateTime.Today.AddMonths(-1)) });
            await setup.SaveChangesAsync();
        }
        foreach (var g in new[] { second, first, second })
            using (var r = await secretary.PostAsync(url, BastionFactory.Form(("memberId", id), ("groupId", g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (BastionFactory.AntiforgeryField, token))))
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await using var db = app.Database.NewContext();
        var rows = await db.Set<PartyGroupMember>().Where(g => g.MemberId == member.Id).OrderBy(g => g.Id).ToListAsync();
        // Same-day moves correct today's placement instead of piling up rows.
        Assert.Equal([first.Id, second.Id], rows.Select(r => r.OrganizationId));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Today), rows[0].LeftOn);
        Assert.Null(rows[1].LeftOn);
    }
}
