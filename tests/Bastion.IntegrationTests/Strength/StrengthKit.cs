using Bastion.Compliance;
using Bastion.Discipline;
using Bastion.Dues;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Strength;

/// <summary>Records for the strength index tests, written straight to the tables (system scope).</summary>
public static class StrengthKit
{
    /// <summary>2026Q2: closed, so its figures are taken on 2026-06-30 whatever day the tests run.</summary>
    public static readonly Period Q2 = new(PeriodKind.Quarter, 2026, 2);
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    private static DateTime Utc(DateOnly day) => day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

    /// <summary>A held meeting with one attendance row per status given, for the first members of the organization.</summary>
    public static async Task<long> AddHeldMeetingAsync(TestDatabase database, Organization org, DateOnly heldOn, params AttendanceStatus[] attendance)
    {
        await using var db = database.NewContext();
        var meeting = new Meeting
        {
            OrganizationId = org.Id, RegionId = org.RegionId, Kind = MeetingKind.BranchGeneralMeeting, Status = MeetingStatus.Held,
            Topic = TestData.Unique("会议"), StartsAt = Utc(heldOn), EndsAt = Utc(heldOn).AddHours(2), HeldOn = heldOn,
            CreatedAt = Utc(heldOn), RecordedAt = Utc(heldOn),
        };
        db.Add(meeting);
        await db.SaveChangesAsync();
        var members = await db.Members.Where(m => m.OrganizationId == org.Id).OrderBy(m => m.Id).Select(m => m.Id).Take(attendance.Length).ToListAsync();
        for (var i = 0; i < attendance.Length; i++)
            db.Add(new MeetingAttendance
            {
                MeetingId = meeting.Id, OrganizationId = org.Id, RegionId = org.RegionId, MemberId = members[i], Status = attendance[i],
                Reason = attendance[i] == AttendanceStatus.Excused ? "出差" : null, RecordedAt = Utc(heldOn),
            });
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>Dues paid by the organization's n-th member (in id order) for the given months.</summary>
    public static async Task AddDuesAsync(TestDatabase database, Organization org, int memberIndex, params DateOnly[] months)
    {
        await using var db = database.NewContext();
        var member = await db.Members.Where(m => m.OrganizationId == org.Id).OrderBy(m => m.Id).Skip(memberIndex).Select(m => m.Id).FirstAsync();
        foreach (var month in months)
            db.Add(new DuesPayment
            {
                MemberId = member, OrganizationId = org.Id, RegionId = org.RegionId, Month = month, Amount = 10m, PaidOn = month.AddDays(5),
                RecordedAt = Utc(month.AddDays(5)), RecordedBy = "test",
            });
        await db.SaveChangesAsync();
    }

    /// <summary>A position held by the organization's n-th member.</summary>
    public static async Task AddPositionAsync(TestDatabase database, Organization org, int memberIndex, PositionRole role, DateOnly startedOn, DateOnly? endedOn = null)
    {
        await using var db = database.NewContext();
        var member = await db.Members.Where(m => m.OrganizationId == org.Id).OrderBy(m => m.Id).Skip(memberIndex).Select(m => m.Id).FirstAsync();
        db.Add(new Position
        {
            OrganizationId = org.Id, RegionId = org.RegionId, MemberId = member, Role = role, StartedOn = startedOn, EndedOn = endedOn,
            CreatedAt = Utc(startedOn),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A misconduct report concerning <paramref name="concerned"/>, closed on <paramref name="closedOn"/> with <paramref name="outcome"/>.</summary>
    public static async Task AddClosedReportAsync(TestDatabase database, Organization handler, Organization concerned, DateOnly closedOn, MisconductOutcome outcome)
    {
        await using var db = database.NewContext();
        var received = closedOn.AddDays(-30);
        db.Add(new MisconductReport
        {
            OrganizationId = handler.Id, RegionId = handler.RegionId, TrackingCode = Bastion.Requests.TrackingCode.New(), SecretHash = "x", Account = "内容",
            RuleSetVersion = DisciplineRuleSet.Load().Version, Category = MisconductCategory.Formalism, ConcernedOrganizationId = concerned.Id,
            Status = MisconductStatus.Closed, ReceivedOn = received, DecideDueOn = received.AddDays(15), AcceptedOn = received.AddDays(1),
            DisposedOn = closedOn.AddDays(-5), Disposition = MisconductDisposition.Investigation, Outcome = outcome, ClosedOn = closedOn, UpdatedOn = closedOn,
        });
        await db.SaveChangesAsync();
    }

    public static Task SetTermAsync(TestDatabase database, Organization org, DateOnly? termStartedOn, DateOnly? foundedOn = null) =>
        Coverage.StructureTestData.UpdateAsync(database, org.Id, o => { o.TermStartedOn = termStartedOn; o.FoundedOn = foundedOn ?? o.FoundedOn; });

    public static async Task<(OrganizationScoreRow Score, Dictionary<string, Bastion.Strength.IndicatorValue> Values)> ReadAsync(TestDatabase database, long runId, long organizationId)
    {
        await using var db = database.NewContext();
        var s = await db.Set<Bastion.Strength.OrganizationScore>().SingleAsync(x => x.RunId == runId && x.OrganizationId == organizationId);
        var values = await db.Set<Bastion.Strength.IndicatorValue>().Where(v => v.RunId == runId && v.OrganizationId == organizationId).ToDictionaryAsync(v => v.Code);
        return (new OrganizationScoreRow(s.Renewal, s.Total, s.SiblingRank, s.Siblings, s.KindRank, s.KindSize, s.PreviousTotal, s.Warnings), values);
    }

    public sealed record OrganizationScoreRow(double? Renewal, double? Total, int? SiblingRank, int Siblings, int? KindRank, int KindSize, double? PreviousTotal, int Warnings);
}
