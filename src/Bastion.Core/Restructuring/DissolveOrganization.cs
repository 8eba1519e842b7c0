using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Restructuring;

/// <summary>
/// Closes an organization (撤销). Only an empty one: no active sub-organization, no active member (transfer them or
/// merge the organization instead), no open transfer letter. Its positions end; its records stay, read-only history.
/// </summary>
public static class DissolveOrganization
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public static async Task<Organization> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var reason = Restructure.Reason(command.Reason);
        var org = await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException($"Organization {id}");
        Restructure.EnsureActive(org);
        if (org.ParentId is null) throw new DomainRuleException("Restructure.RootFixed", "The root of the tree cannot be dissolved.");
        var children = await db.Organizations.CountAsync(o => o.ParentId == id && o.Status == OrganizationStatus.Active, ct);
        if (children > 0)
            throw new DomainRuleException("Restructure.HasChildren", $"{children} sub-organization(s) are still active; dissolve, move or merge them first.");
        var members = await db.Members.CountAsync(m => m.OrganizationId == id && m.Status == MemberStatus.Active, ct);
        if (members > 0)
            throw new DomainRuleException("Restructure.HasMembers", $"{members} member(s) still belong here; transfer them or merge the organization into another instead.");
        await Restructure.EnsureNoPendingTransfersAsync(db, id, ct);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var ended = await Restructure.EndPositionsAsync(db, id, Clock.Today(db.Time), ct);
        org.Status = OrganizationStatus.Dissolved;
        OrganizationHistory.Add(db, id, OrganizationEventKind.Dissolved, $"Dissolved; {ended} position(s) ended.", reason: reason);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return org;
    }
}
