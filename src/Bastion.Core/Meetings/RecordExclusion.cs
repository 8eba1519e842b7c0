using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>
/// The secretary leaves a member out of 应到会 for a period, with a reason the rules allow (DOMAIN §1, XJ).
/// Periods of one member do not overlap.
/// </summary>
public static class RecordExclusion
{
    public sealed record Command
    {
        public long? MemberId { get; init; }
        public ExclusionReason? Reason { get; init; }
        public string? Note { get; init; }
        public DateOnly? FromDate { get; init; }
        public DateOnly? ToDate { get; init; }
    }

    public static async Task<AttendanceExclusion> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        Member? member = null;
        if (command.MemberId is not { } memberId) errors[nameof(Command.MemberId)] = ["Choose the member."];
        else if ((member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.Status == MemberStatus.Active, ct)) is null)
            throw new NotFoundException($"Member {memberId}");
        if (command.Reason is not { } reason || !Enum.IsDefined(reason))
            errors[nameof(Command.Reason)] = ["Choose a reason: seriously ill, abroad over six months, under 留党察看, detained or away long-term."];
        if (command.Note?.Trim().Length > 200) errors[nameof(Command.Note)] = ["The note is at most 200 characters."];
        if (command.FromDate is null) errors[nameof(Command.FromDate)] = ["Enter the first day."];
        else if (command.ToDate is { } to && to < command.FromDate) errors[nameof(Command.ToDate)] = ["The last day may not come before the first."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var from = command.FromDate!.Value;
        var until = command.ToDate ?? DateOnly.MaxValue;
        if (await db.Set<AttendanceExclusion>().AnyAsync(e => e.MemberId == member!.Id && e.FromDate <= until && (e.ToDate == null || e.ToDate >= from), ct))
            throw ValidationFailedException.For(nameof(Command.FromDate), "The member already has an exclusion covering part of this period.");

        var exclusion = new AttendanceExclusion
        {
            OrganizationId = member!.OrganizationId, RegionId = member.RegionId, MemberId = member.Id, Reason = command.Reason!.Value,
            Note = PlanMeeting.Clean(command.Note), FromDate = from, ToDate = command.ToDate, RecordedBy = db.Scope.Actor,
            CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Add(exclusion);
        await db.SaveChangesAsync(ct);
        return exclusion;
    }
}
