using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>
/// A member marks their own presence with the meeting's short code (签到) while the meeting is open: from
/// <see cref="MeetingRules.CheckInOpensBefore"/> before the start until the planned end, and not after it was
/// recorded or cancelled. Checking in twice is harmless.
/// </summary>
public static class CheckIn
{
    public sealed record Command
    {
        public string? Code { get; init; }
    }

    public sealed record Result(long MeetingId, string Topic, DateTime CheckedInAt, bool AlreadyCheckedIn);

    public static async Task<Result> HandleAsync(BastionDb db, long memberId, Command command, CancellationToken ct = default)
    {
        var code = MeetingRules.NormalizeCode(command.Code);
        if (code.Length != MeetingRules.CheckInCodeLength) throw ValidationFailedException.For(nameof(Command.Code), $"Enter the {MeetingRules.CheckInCodeLength}-character check-in code.");
        // Codes are looked up everywhere: a member of a group sees the branch's meetings through the member's own branch check below.
        var meeting = await db.Set<Meeting>().IgnoreQueryFilters().FirstOrDefaultAsync(m => m.CheckInCode == code, ct)
            ?? throw ValidationFailedException.For(nameof(Command.Code), "No meeting has this check-in code.");
        var now = Clock.UtcNow(db.Time);
        if (MeetingRules.IsClosed(meeting.Status, meeting.RecordedAt, meeting.EndsAt, now))
            throw new DomainRuleException(MeetingRules.CheckInClosedRule, "This meeting has closed; its check-in code can no longer be used.");
        if (now < MeetingRules.CheckInOpensAt(meeting.StartsAt))
            throw new DomainRuleException(MeetingRules.CheckInNotOpenRule,
                $"Check-in opens {MeetingRules.CheckInOpensBefore.TotalMinutes:0} minutes before the meeting starts.");

        var branchId = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == meeting.OrganizationId)
            .Select(o => o.Kind == Organizations.OrganizationKind.Group ? o.ParentId ?? o.Id : o.Id).FirstAsync(ct);
        var heldOn = MeetingAudience.LocalDate(meeting.StartsAt, db.Time);
        if (!await MeetingAudience.BranchRoster(db, branchId, heldOn).IgnoreQueryFilters().AnyAsync(m => m.Id == memberId && m.OrganizationId == branchId, ct))
            throw new DomainRuleException(MeetingRules.AttendeeInBranchRule, "You are not a member of the branch holding this meeting.");

        var row = await db.Set<MeetingAttendance>().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.MeetingId == meeting.Id && a.MemberId == memberId, ct);
        if (row is { Status: AttendanceStatus.Present, CheckedInAt: { } already }) return new Result(meeting.Id, meeting.Topic, already, true);
        if (row is null)
        {
            row = new MeetingAttendance { MeetingId = meeting.Id, OrganizationId = meeting.OrganizationId, RegionId = meeting.RegionId, MemberId = memberId };
            db.Add(row);
        }
        row.Status = AttendanceStatus.Present;
        row.Reason = null;
        row.CheckedInAt = now;
        row.RecordedAt = now;
        await db.SaveChangesAsync(ct);
        return new Result(meeting.Id, meeting.Topic, now, false);
    }
}
