using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Positions;

/// <summary>
/// Appoints a member to a position (职务) in an organization in scope. The member must be an active member of that
/// organization, or for a group leader of the group's branch.
/// </summary>
public static class AppointPosition
{
    public sealed record Command
    {
        public long? MemberId { get; init; }
        public PositionRole? Role { get; init; }
        public DateOnly? StartedOn { get; init; }
    }

    public static async Task<Position> HandleAsync(BastionDb db, long organizationId, Command command, CancellationToken ct = default)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (org.Status != OrganizationStatus.Active) errors[nameof(Command.Role)] = ["Dissolved organizations take no appointments."];
        else if (command.Role is not { } role || !Enum.IsDefined(role)) errors[nameof(Command.Role)] = ["Choose the position."];
        else if (!PositionRules.FitsOrganization(role, org.Kind))
            errors[nameof(Command.Role)] = [role == PositionRole.GroupLeader ? "Group leaders are appointed only in party groups." : "Party groups have only a group leader."];

        var memberOrgId = org.Kind == OrganizationKind.Group ? org.ParentId : org.Id;
        if (command.MemberId is not { } memberId) errors[nameof(Command.MemberId)] = ["Choose the member."];
        else if (!await db.Members.AnyAsync(m => m.Id == memberId && m.OrganizationId == memberOrgId && m.Status == MemberStatus.Active, ct))
            errors[nameof(Command.MemberId)] = ["The member must be an active member of this organization."];
        else if (command.Role is { } r && await db.Set<Position>().AnyAsync(p => p.OrganizationId == org.Id && p.MemberId == memberId && p.Role == r && p.EndedOn == null, ct))
            errors[nameof(Command.MemberId)] = ["The member already holds this position."];

        var startedOn = command.StartedOn ?? today;
        if (!PositionRules.IsNotInFuture(startedOn, today)) errors[nameof(Command.StartedOn)] = ["The date may not be in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        if (command.Role == PositionRole.Secretary)
        {
            var current = await db.Set<Position>().CountAsync(p => p.OrganizationId == org.Id && p.Role == PositionRole.Secretary && p.EndedOn == null, ct);
            if (!PositionRules.MayAppointSecretary(current))
                throw new DomainRuleException(PositionRules.OneSecretaryRule, "The organization already has a secretary; end that term first.");
        }

        var position = new Position
        {
            OrganizationId = org.Id, RegionId = org.RegionId, MemberId = command.MemberId!.Value, Role = command.Role!.Value,
            StartedOn = startedOn, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<Position>().Add(position);
        await db.SaveChangesAsync(ct);
        return position;
    }
}
