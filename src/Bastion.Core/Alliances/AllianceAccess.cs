using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>
/// Who may see and change an alliance. The scope filter on <see cref="BastionDb.Organizations"/> answers "is this
/// organization in the caller's subtree", so every check here is an explicit <c>db.Organizations.Any(…)</c>.
/// </summary>
internal static class AllianceAccess
{
    /// <summary>Alliances with the lead or any member organization in the caller's scope.</summary>
    public static IQueryable<Alliance> Visible(BastionDb db) =>
        db.Set<Alliance>().Where(a =>
            db.Organizations.Any(o => o.Id == a.LeadOrganizationId)
            || db.Set<AllianceMember>().Any(m => m.AllianceId == a.Id && db.Organizations.Any(o => o.Id == m.OrganizationId)));

    /// <summary>The alliance, tracked, when the caller's scope contains its lead; otherwise 404 (invisible) or the rule.</summary>
    public static async Task<Alliance> ForLeadAsync(BastionDb db, long allianceId, CancellationToken ct)
    {
        var alliance = await Visible(db).AsTracking().FirstOrDefaultAsync(a => a.Id == allianceId, ct)
            ?? throw new NotFoundException($"Alliance {allianceId}");
        if (!await db.Organizations.AnyAsync(o => o.Id == alliance.LeadOrganizationId, ct))
            throw new DomainRuleException("AllianceIsManagedByItsLead", "Only users whose scope contains the lead organization may change the alliance.");
        return alliance;
    }

    public static void EnsureActive(Alliance alliance)
    {
        if (alliance.Status != AllianceStatus.Active)
            throw new DomainRuleException("AllianceMustBeActive", "The alliance has ended.");
    }

    /// <summary>Organizations anywhere in the tree (an alliance crosses scopes), by id: whether each exists and is active.</summary>
    public static async Task<Dictionary<long, OrganizationStatus>> StatusesAnywhereAsync(BastionDb db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Status, ct);
}
