using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>Adds an organization from anywhere in the tree; done by a user whose scope contains the lead.</summary>
public static class AddAllianceMember
{
    public sealed record Command
    {
        public long? OrganizationId { get; init; }
        public DateOnly? JoinedOn { get; init; }
        public string? Role { get; init; }
    }

    public static async Task<AllianceMember> HandleAsync(BastionDb db, long allianceId, Command command, CancellationToken ct = default)
    {
        var alliance = await AllianceAccess.ForLeadAsync(db, allianceId, ct);
        AllianceAccess.EnsureActive(alliance);
        var errors = new Dictionary<string, string[]>();
        if (command.OrganizationId is not { } orgId) errors[nameof(Command.OrganizationId)] = ["Choose the organization."];
        else
        {
            var statuses = await AllianceAccess.StatusesAnywhereAsync(db, [orgId], ct);
            if (!statuses.TryGetValue(orgId, out var status)) errors[nameof(Command.OrganizationId)] = ["The organization was not found."];
            else if (status != OrganizationStatus.Active) errors[nameof(Command.OrganizationId)] = ["Dissolved organizations cannot join."];
            else if (await db.Set<AllianceMember>().AnyAsync(m => m.AllianceId == allianceId && m.OrganizationId == orgId, ct))
                errors[nameof(Command.OrganizationId)] = ["The organization is already a member."];
        }
        var joinedOn = command.JoinedOn ?? Clock.Today(db.Time);
        if (joinedOn > Clock.Today(db.Time)) errors[nameof(Command.JoinedOn)] = ["The date may not be in the future."];
        else if (joinedOn < alliance.FoundedOn) errors[nameof(Command.JoinedOn)] = ["The date may not be before the alliance was founded."];
        if (command.Role?.Trim().Length > 100) errors[nameof(Command.Role)] = ["The role may have at most 100 characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var member = new AllianceMember { AllianceId = allianceId, OrganizationId = command.OrganizationId!.Value, JoinedOn = joinedOn, Role = CreateAlliance.Blank(command.Role) };
        db.Set<AllianceMember>().Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }
}
