using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>Places a member of the branch in one of its party groups from a date, ending any earlier group placement.</summary>
public static class AssignGroupMember
{
    public sealed record Command
    {
        public long? MemberId { get; init; }
        public DateOnly? JoinedOn { get; init; }
    }

    public static async Task<PartyGroupMember> HandleAsync(BastionDb db, long groupId, Command command, CancellationToken ct = default)
    {
        var host = await MeetingAudience.HostAsync(db, groupId, ct);
        if (host.Kind != Organizations.OrganizationKind.Group) throw ValidationFailedException.For("OrganizationId", "Choose a party group (党小组).");
        var joinedOn = command.JoinedOn ?? Clock.Today(db.Time);
        if (command.MemberId is not { } memberId) throw ValidationFailedException.For(nameof(Command.MemberId), "Choose the member.");
        if (!await db.Members.AnyAsync(m => m.Id == memberId && m.OrganizationId == host.BranchId && m.Status == MemberStatus.Active, ct))
            throw new DomainRuleException(MeetingRules.AttendeeInBranchRule, "Only active members of the group's branch can join the group.");
        var current = await db.Set<PartyGroupMember>().Where(g => g.MemberId == memberId && g.LeftOn == null).ToListAsync(ct);
        if (current.Any(g => g.OrganizationId == groupId)) throw ValidationFailedException.For(nameof(Command.MemberId), "The member is already in this group.");
        if (current.Any(g => g.JoinedOn > joinedOn)) throw ValidationFailedException.For(nameof(Command.JoinedOn), "The member joined their current group after this date.");
        // A placement made the same day is a correction: the row moves instead of leaving a zero-length stay behind.
        var row = current.FirstOrDefault(g => g.JoinedOn == joinedOn);
        foreach (var g in current.Where(g => g != row)) g.LeftOn = joinedOn;
        if (row is not null) row.OrganizationId = groupId;
        else
        {
            row = new PartyGroupMember { OrganizationId = groupId, RegionId = host.RegionId, MemberId = memberId, JoinedOn = joinedOn, CreatedAt = Clock.UtcNow(db.Time) };
            db.Add(row);
        }
        await db.SaveChangesAsync(ct);
        return row;
    }
}
