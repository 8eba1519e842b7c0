using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>Takes an organization out of an alliance; the lead stays and at least two members remain.</summary>
public static class RemoveAllianceMember
{
    public static async Task HandleAsync(BastionDb db, long allianceId, long organizationId, CancellationToken ct = default)
    {
        var alliance = await AllianceAccess.ForLeadAsync(db, allianceId, ct);
        AllianceAccess.EnsureActive(alliance);
        var member = await db.Set<AllianceMember>().AsTracking().FirstOrDefaultAsync(m => m.AllianceId == allianceId && m.OrganizationId == organizationId, ct)
            ?? throw new NotFoundException($"Member {organizationId} of alliance {allianceId}");
        var count = await db.Set<AllianceMember>().CountAsync(m => m.AllianceId == allianceId, ct);
        if (!AllianceRules.MayRemove(organizationId, alliance.LeadOrganizationId, count))
            throw new DomainRuleException("AllianceKeepsLeadAndTwoMembers", $"The lead cannot leave, and an alliance keeps at least {AllianceRules.MinimumMembers} members.");
        db.Set<AllianceMember>().Remove(member);
        await db.SaveChangesAsync(ct);
    }
}
