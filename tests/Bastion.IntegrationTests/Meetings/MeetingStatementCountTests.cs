using Bastion.IntegrationTests.Infrastructure;
using Bastion.IntegrationTests.Members;
using Bastion.Meetings;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Meetings;

/// <summary>The ledger and the member's list are set-based: the number of statements does not grow with the meetings.</summary>
public sealed class MeetingStatementCountTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private async Task<(Organization Branch, long MemberId)> BranchWithMeetingsAsync(int meetings)
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var (member, _) = await TestData.AddMemberAsync(app.Database, branch);
        await using var db = app.Database.NewContext();
        var year = DateTime.UtcNow.Year;
        for (var i = 0; i < meetings; i++)
        {
            var at = new DateTime(year, 1 + i % 12, 10, 6, 0, 0, DateTimeKind.Utc);
            var m = new Meeting
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, Kind = (MeetingKind)(1 + i % 2 * 4), Topic = $"会议{i}",
                StartsAt = at, EndsAt = at.AddHours(2), Place = "活动室", Status = MeetingStatus.Held, HeldOn = DateOnly.FromDateTime(at), CreatedAt = at,
            };
            db.Add(m);
            await db.SaveChangesAsync();
            db.Add(new MeetingAttendance { MeetingId = m.Id, OrganizationId = branch.Id, RegionId = branch.RegionId, MemberId = member.Id, Status = AttendanceStatus.Present, RecordedAt = at });
        }
        await db.SaveChangesAsync();
        return (branch, member.Id);
    }

    [Fact]
    public async Task Ledger_AndMemberList_UseTheSameNumberOfStatements_ForThreeOrThirtyMeetings()
    {
        var (small, smallMember) = await BranchWithMeetingsAsync(3);
        var (large, largeMember) = await BranchWithMeetingsAsync(30);
        using var counter = new SqlCommandCounter(app.Database);
        var year = DateTime.UtcNow.Year;

        async Task<(int Statements, int Rows, int Held)> Ledger(Organization branch)
        {
            MeetingLedger? ledger = null;
            var statements = await counter.CountAsync(async () =>
            {
                await using var db = app.Database.NewContext();
                ledger = await MeetingQueries.LedgerAsync(db, branch.Id, year);
            });
            return (statements.Count, ledger!.Meetings.Count, ledger.Counts.Sum(c => c.Held));
        }
        async Task<(int Statements, int Rows)> Mine(long memberId)
        {
            IReadOnlyList<MyMeeting> list = [];
            var statements = await counter.CountAsync(async () =>
            {
                await using var db = app.Database.NewContext();
                list = await MeetingQueries.ForMemberAsync(db, memberId, new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            });
            return (statements.Count, list.Count);
        }

        var a = await Ledger(small);
        var b = await Ledger(large);
        Assert.Equal((3, 3), (a.Rows, a.Held));
        Assert.Equal((30, 30), (b.Rows, b.Held));
        Assert.Equal(a.Statements, b.Statements);
        Assert.InRange(b.Statements, 1, 3);

        var c = await Mine(smallMember);
        var d = await Mine(largeMember);
        Assert.Equal(3, c.Rows);
        Assert.Equal(30, d.Rows);
        Assert.Equal(c.Statements, d.Statements);
        Assert.InRange(d.Statements, 1, 2);
    }
}
