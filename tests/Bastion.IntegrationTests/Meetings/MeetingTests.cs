using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Positions;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Meetings;

/// <summary>Meetings through the API: 应到会, recording with quorum and outcome, the refusals, check-in, attachments.</summary>
public sealed class MeetingTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private sealed record Tree(Organization Committee, Organization Branch, Organization Group, Organization Other);

    private async Task<Tree> BuildTreeAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var c = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee);
        var b = await TestData.AddOrganizationAsync(db, c, OrganizationKind.Branch);
        var g = await TestData.AddOrganizationAsync(db, b, OrganizationKind.Group);
        var u = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Branch);
        return new Tree(c, b, g, u);
    }

    private async Task<List<Member>> AddMembersAsync(Organization org, int full, int probationary = 0)
    {
        var list = new List<Member>();
        for (var i = 0; i < full + probationary; i++) list.Add((await TestData.AddMemberAsync(app.Database, org)).Member);
        if (probationary > 0)
        {
            await using var db = app.Database.NewContext();
            var ids = list.Skip(full).Select(m => m.Id).ToList();
            var today = DateOnly.FromDateTime(DateTime.Now);
            await db.Members.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Category, MemberCategory.Probationary).SetProperty(m => m.FullOn, (DateOnly?)null)
                .SetProperty(m => m.JoinedOn, today.AddMonths(-3)));
        }
        return list;
    }

    private static object Plan(string kind, DateTime startsAt, double hours = 2, string? lecturer = null) => new
    {
        kind, topic = "学习贯彻党的会议精神，讨论本支部工作", startsAt = startsAt.ToString("O"), endsAt = startsAt.AddHours(hours).ToString("O"),
        place = "村委会三楼会议室", online = false, lecturer,
    };

    private static async Task<JsonElement> PlanAsync(HttpClient client, long orgId, object body)
    {
        using var response = await Http.PostJsonAsync(client, $"/api/v1/organizations/{orgId}/meetings", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Http.JsonAsync(response);
    }

    private static long[] AudienceIds(JsonElement detail, bool shouldAttend = true) =>
        detail.GetProperty("audience").EnumerateArray().Where(a => a.GetProperty("shouldAttend").GetBoolean() == shouldAttend)
            .Select(a => a.GetProperty("memberId").GetInt64()).Order().ToArray();

    [Fact]
    public async Task Plan_ComputesShouldAttendFromRosterGroupCommitteeAndExclusions_AndNotifiesThem()
    {
        var t = await BuildTreeAsync();
        var members = await AddMembersAsync(t.Branch, full: 5, probationary: 1);
        var secretary = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branch.Id);
        var client = await Factory.CreateApiClientAsync(secretary);
        var memberUser = await Factory.CreateUserAsync(BastionRoles.Member, t.Branch.Id, members[0].Id);
        var abroadUser = await Factory.CreateUserAsync(BastionRoles.Member, t.Branch.Id, members[4].Id);

        // members[4] is abroad for a year: left out of 应到会.
        using (var ex = await Http.PostJsonAsync(client, $"/api/v1/organizations/{t.Branch.Id}/attendance-exclusions",
                   new { memberId = members[4].Id, reason = "AbroadOverSixMonths", fromDate = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd"), toDate = DateTime.Today.AddDays(300).ToString("yyyy-MM-dd") }))
            Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        // Two members in the group; two on the committee.
        foreach (var m in members.Take(2))
            using (var r = await Http.PostJsonAsync(client, $"/api/v1/organizations/{t.Group.Id}/group-members", new { memberId = m.Id, joinedOn = DateTime.Today.AddDays(-30).ToString("yyyy-MM-dd") }))
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        await using (var db = app.Database.NewContext())
        {
            db.Set<Position>().AddRange(
                new Position { OrganizationId = t.Branch.Id, RegionId = t.Branch.RegionId, MemberId = members[1].Id, Role = PositionRole.Secretary, StartedOn = DateOnly.FromDateTime(DateTime.Today.AddYears(-1)) },
                new Position { OrganizationId = t.Branch.Id, RegionId = t.Branch.RegionId, MemberId = members[2].Id, Role = PositionRole.CommitteeMember, StartedOn = DateOnly.FromDateTime(DateTime.Today.AddYears(-1)) });
            await db.SaveChangesAsync();
        }

        var general = await PlanAsync(client, t.Branch.Id, Plan("BranchGeneralMeeting", DateTime.UtcNow.AddDays(3)));
        var all = members.Select(m => m.Id).Order().ToArray();
        Assert.Equal(all.Where(id => id != members[4].Id).ToArray(), AudienceIds(general));
        Assert.Equal([members[4].Id], AudienceIds(general, shouldAttend: false));
        var audience = general.GetProperty("audience").EnumerateArray().ToList();
        Assert.False(audience.Single(a => a.GetProperty("memberId").GetInt64() == members[5].Id).GetProperty("hasVotingRights").GetBoolean());
        Assert.Equal(6, general.GetProperty("checkInCode").GetString()!.Length);
        Assert.EndsWith("Z", general.GetProperty("startsAt").GetString());

        var group = await PlanAsync(client, t.Group.Id, Plan("GroupMeeting", DateTime.UtcNow.AddDays(4)));
        Assert.Equal(members.Take(2).Select(m => m.Id).Order().ToArray(), AudienceIds(group));
        var committee = await PlanAsync(client, t.Branch.Id, Plan("BranchCommitteeMeeting", DateTime.UtcNow.AddDays(5)));
        Assert.Equal(members.Skip(1).Take(2).Select(m => m.Id).Order().ToArray(), AudienceIds(committee));

        await using (var db = app.Database.NewContext())
        {
            var key = $"meeting:{general.GetProperty("id").GetInt64()}:planned";
            var notified = await db.Set<Notification>().Where(n => n.DedupKey == key).Select(n => n.UserId).ToListAsync();
            Assert.Equal([memberUser.Id], notified);
            Assert.DoesNotContain(abroadUser.Id, notified);
        }

        // A group meeting planned on the branch, a 党课 without lecturer, an end before the start: refused per field.
        using var wrongKind = await Http.PostJsonAsync(client, $"/api/v1/organizations/{t.Branch.Id}/meetings", Plan("GroupMeeting", DateTime.UtcNow.AddDays(1)));
        Assert.True((await Http.ProblemAsync(wrongKind, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Kind", out _));
        using var noLecturer = await Http.PostJsonAsync(client, $"/api/v1/organizations/{t.Branch.Id}/meetings", Plan("PartyLecture", DateTime.UtcNow.AddDays(1)));
        Assert.True((await Http.ProblemAsync(noLecturer, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Lecturer", out _));
        using var backwards = await Http.PostJsonAsync(client, $"/api/v1/organizations/{t.Branch.Id}/meetings", Plan("ThemePartyDay", DateTime.UtcNow.AddDays(1), hours: -1));
        Assert.True((await Http.ProblemAsync(backwards, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("EndsAt", out _));
    }

    [Fact]
    public async Task Record_TenShouldAttendSixPresentFiveYes_QuorumHoldsMotionFails_ProbationaryDoNotCount()
    {
        var t = await BuildTreeAsync();
        var members = await AddMembersAsync(t.Branch, full: 10, probationary: 2);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branch.Id));
        var meeting = await PlanAsync(client, t.Branch.Id, Plan("BranchGeneralMeeting", DateTime.UtcNow.AddHours(-3)));
        var id = meeting.GetProperty("id").GetInt64();

        // 6 full + both probationary present, 1 excused, the rest not listed (recorded absent).
        var attendance = members.Take(6).Concat(members.Skip(10)).Select(m => new { memberId = m.Id, status = "Present" })
            .Cast<object>().Append(new { memberId = members[6].Id, status = "Excused", reason = "外出务工" }).ToList();
        using var response = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record", new
        {
            minutes = "会议讨论了年度工作计划。",
            attendance,
            resolutions = new[]
            {
                new { title = "年度工作计划", kind = "Motion", yes = 5, no = 1, abstain = 0 },
                new { title = "推选党员代表", kind = "Motion", yes = 6, no = 0, abstain = 0 },
                new { title = "选举支部委员会", kind = "Election", yes = 6, no = 0, abstain = 0 },
            },
        });
        var detail = await Http.JsonAsync(response);
        Assert.Equal("Held", detail.GetProperty("status").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3).ToLocalTime()).ToString("yyyy-MM-dd"), detail.GetProperty("heldOn").GetString());
        var r = detail.GetProperty("resolutions").EnumerateArray().ToList();
        Assert.Equal((10, 6), (r[0].GetProperty("shouldAttend").GetInt32(), r[0].GetProperty("present").GetInt32()));
        Assert.True(r[0].GetProperty("quorumHeld").GetBoolean());
        Assert.False(r[0].GetProperty("passed").GetBoolean());
        Assert.True(r[1].GetProperty("passed").GetBoolean());
        // Election: 6 of 10 is not more than 4/5 present.
        Assert.False(r[2].GetProperty("quorumHeld").GetBoolean());
        Assert.False(r[2].GetProperty("passed").GetBoolean());
        var statuses = detail.GetProperty("attendance").EnumerateArray().GroupBy(a => a.GetProperty("status").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(8, statuses["Present"]);
        Assert.Equal(1, statuses["Excused"]);
        Assert.Equal(3, statuses["Absent"]);

        // More votes than members with voting rights present: refused, the record unchanged.
        using var tooMany = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record", new
        {
            attendance = Array.Empty<object>(), resolutions = new[] { new { title = "x", kind = "Motion", yes = 7, no = 0, abstain = 0 } },
        });
        Assert.True((await Http.ProblemAsync(tooMany, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Resolutions", out _));
        var after = await Http.GetJsonAsync(client, $"/api/v1/meetings/{id}");
        Assert.Equal(3, after.GetProperty("resolutions").GetArrayLength());
    }

    [Fact]
    public async Task Record_FutureOutsiderOrOutsideWindow_IsRefusedWithTheRule_AndNothingChanges()
    {
        var t = await BuildTreeAsync();
        var members = await AddMembersAsync(t.Branch, full: 3);
        var (outsider, _) = await TestData.AddMemberAsync(app.Database, t.Other);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branch.Id));

        var future = await PlanAsync(client, t.Branch.Id, Plan("BranchCommitteeMeeting", DateTime.UtcNow.AddDays(2)));
        using var early = await Http.PostJsonAsync(client, $"/api/v1/meetings/{future.GetProperty("id").GetInt64()}/record", new { attendance = Array.Empty<object>() });
        var problem = await Http.ProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Equal(MeetingRules.NotHeldInFutureRule, problem.GetProperty("rule").GetString());
        Assert.Contains("future", problem.GetProperty("detail").GetString());

        var startsAt = DateTime.UtcNow.AddHours(-5);
        var past = await PlanAsync(client, t.Branch.Id, Plan("ThemePartyDay", startsAt, hours: 2));
        var id = past.GetProperty("id").GetInt64();
        using var stranger = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record", new
        {
            attendance = new[] { new { memberId = members[0].Id, status = "Present" }, new { memberId = outsider.Id, status = "Present" } },
        });
        problem = await Http.ProblemAsync(stranger, HttpStatusCode.Conflict);
        Assert.Equal(MeetingRules.AttendeeInBranchRule, problem.GetProperty("rule").GetString());
        Assert.Contains(outsider.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString());

        using var late = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record", new
        {
            attendance = new[] { new { memberId = members[0].Id, status = "Present", checkedInAt = startsAt.AddHours(3).ToString("O") } },
        });
        Assert.Equal(MeetingRules.AttendanceInWindowRule, (await Http.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using var inTime = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record", new
        {
            attendance = new[] { new { memberId = members[0].Id, status = "Present", checkedInAt = startsAt.AddMinutes(-10).ToString("O") } },
        });
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);

        var detail = await Http.GetJsonAsync(client, $"/api/v1/meetings/{future.GetProperty("id").GetInt64()}");
        Assert.Equal("Planned", detail.GetProperty("status").GetString());
        Assert.Equal(0, detail.GetProperty("attendance").GetArrayLength());
    }

    [Fact]
    public async Task CheckIn_WhileOpen_MarksPresence_AndTheCodeIsRefusedOnceClosed()
    {
        var t = await BuildTreeAsync();
        var members = await AddMembersAsync(t.Branch, full: 3);
        var (outsider, _) = await TestData.AddMemberAsync(app.Database, t.Other);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branch.Id));
        var member = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, t.Branch.Id, members[0].Id));
        var stranger = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, t.Other.Id, outsider.Id));

        var open = await PlanAsync(secretary, t.Branch.Id, Plan("PartyLecture", DateTime.UtcNow.AddMinutes(-10), lecturer: "王书记"));
        var id = open.GetProperty("id").GetInt64();
        var code = open.GetProperty("checkInCode").GetString()!;
        var later = await PlanAsync(secretary, t.Branch.Id, Plan("ThemePartyDay", DateTime.UtcNow.AddHours(5)));

        var ok = await Http.JsonAsync(await Http.PostJsonAsync(member, "/api/v1/me/check-in", new { code = " " + code.ToLowerInvariant() + " " }));
        Assert.Equal(id, ok.GetProperty("meetingId").GetInt64());
        Assert.False(ok.GetProperty("alreadyCheckedIn").GetBoolean());
        Assert.True((await Http.JsonAsync(await Http.PostJsonAsync(member, "/api/v1/me/check-in", new { code }))).GetProperty("alreadyCheckedIn").GetBoolean());

        using var notMine = await Http.PostJsonAsync(stranger, "/api/v1/me/check-in", new { code });
        Assert.Equal(MeetingRules.AttendeeInBranchRule, (await Http.ProblemAsync(notMine, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using var tooEarly = await Http.PostJsonAsync(member, "/api/v1/me/check-in", new { code = later.GetProperty("checkInCode").GetString() });
        Assert.Equal(MeetingRules.CheckInNotOpenRule, (await Http.ProblemAsync(tooEarly, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using var unknown = await Http.PostJsonAsync(member, "/api/v1/me/check-in", new { code = "ZZZZZZ" == code ? "YYYYYY" : "ZZZZZZ" });
        Assert.True((await Http.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Code", out _));

        var detail = await Http.GetJsonAsync(secretary, $"/api/v1/meetings/{id}");
        var present = detail.GetProperty("attendance").EnumerateArray().Single();
        Assert.Equal(members[0].Id, present.GetProperty("memberId").GetInt64());
        Assert.Equal("Present", present.GetProperty("status").GetString());
        Assert.True(detail.GetProperty("checkInOpen").GetBoolean());

        // The secretary records the meeting: the check-in is kept, the others are absent, and the code is dead.
        var recorded = await Http.JsonAsync(await Http.PostJsonAsync(secretary, $"/api/v1/meetings/{id}/record", new { minutes = "党课：学习党章" }));
        Assert.Equal(1, recorded.GetProperty("present").GetInt32());
        Assert.False(recorded.GetProperty("checkInOpen").GetBoolean());
        var member2 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, t.Branch.Id, members[1].Id));
        using var reused = await Http.PostJsonAsync(member2, "/api/v1/me/check-in", new { code });
        var problem = await Http.ProblemAsync(reused, HttpStatusCode.Conflict);
        Assert.Equal(MeetingRules.CheckInClosedRule, problem.GetProperty("rule").GetString());
        Assert.Contains("closed", problem.GetProperty("detail").GetString());

        var mine = (await Http.GetJsonAsync(member, "/api/v1/me/meetings")).EnumerateArray().ToList();
        Assert.Contains(mine, m => m.GetProperty("id").GetInt64() == id && m.GetProperty("myAttendance").GetString() == "Present");
        Assert.Contains(mine, m => m.GetProperty("id").GetInt64() == later.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Attachments_AreCheckedStoredAndServedOnlyInScope()
    {
        var t = await BuildTreeAsync();
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branch.Id));
        var meeting = await PlanAsync(client, t.Branch.Id, Plan("OrganizationalLifeMeeting", DateTime.UtcNow.AddHours(-2)));
        var id = meeting.GetProperty("id").GetInt64();

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4 };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "会议照片.png");
        using var created = await client.PostAsync($"/api/v1/meetings/{id}/attachments", form);
        var attachment = await Http.JsonAsync(created);
        var attachmentId = attachment.GetProperty("id").GetInt64();

        using var text = new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "file", "notes.png" } };
        using var refused = await client.PostAsync($"/api/v1/meetings/{id}/attachments", text);
        Assert.True((await Http.ProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("file", out _));

        using var download = await client.GetAsync($"/api/v1/meetings/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);

        var other = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Other.Id));
        using var outOfScope = await other.GetAsync($"/api/v1/meetings/{id}/attachments/{attachmentId}");
        await Http.ProblemAsync(outOfScope, HttpStatusCode.NotFound);
        using var detail = await other.GetAsync($"/api/v1/meetings/{id}");
        await Http.ProblemAsync(detail, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_PlannedMeeting_TellsTheInvited_AndCannotThenBeRecorded()
    {
        var t = await BuildTreeAsync();
        var members = await AddMembersAsync(t.Branch, full: 2);
        var invited = await Factory.CreateUserAsync(BastionRoles.Member, t.Branch.Id, members[0].Id);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branch.Id));
        var planned = await PlanAsync(client, t.Branch.Id, Plan("PartyLecture", DateTime.UtcNow.AddDays(2), lecturer: "李书记"));
        var id = planned.GetProperty("id").GetInt64();

        using var noReason = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/cancel", new { reason = " " });
        Assert.True((await Http.ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Reason", out _));
        var cancelled = await Http.JsonAsync(await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/cancel", new { reason = "与防汛工作冲突，改期" }));
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        await using (var db = app.Database.NewContext())
        {
            var key = $"meeting:{id}:cancelled";
            var sent = await db.Set<Notification>().Where(n => n.DedupKey == key).ToListAsync();
            Assert.Equal([invited.Id], sent.Select(n => n.UserId));
            Assert.Equal("/Meetings/Mine", sent[0].Link);
        }
        using var again = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/cancel", new { reason = "再次取消" });
        Assert.Equal(MeetingRules.StatusRule, (await Http.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var past = await PlanAsync(client, t.Branch.Id, Plan("PartyLecture", DateTime.UtcNow.AddHours(-3), lecturer: "李书记"));
        var pastId = past.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await Http.PostJsonAsync(client, $"/api/v1/meetings/{pastId}/cancel", new { reason = "未召开" })).StatusCode);
        using var record = await Http.PostJsonAsync(client, $"/api/v1/meetings/{pastId}/record", new { minutes = "x" });
        Assert.Equal(MeetingRules.StatusRule, (await Http.ProblemAsync(record, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }
}
