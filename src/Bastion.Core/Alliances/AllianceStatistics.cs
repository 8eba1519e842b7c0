using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>Active alliances of one type touching a subtree, and their activities in the last 12 months.</summary>
public sealed record AllianceTypeCount(AllianceType Type, int ActiveAlliances, int ActivitiesLast12Months);

public sealed record AllianceReport(long OrganizationId, IReadOnlyList<AllianceTypeCount> ByType, int ActiveAlliances, int ActivitiesLast12Months);

/// <summary>Joint building (联建共建) of a subtree, for the strength index: one grouped query.</summary>
public static class AllianceStatistics
{
    /// <summary>
    /// Active alliances with the lead or a member in the subtree, by type, with the activities they held in the last
    /// 12 months (today included). Null when the organization is missing or out of scope.
    /// </summary>
    public static async Task<AllianceReport?> ForSubtreeAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var subtree = OrganizationQueries.InSubtree(db, path);
        var from = AllianceRules.ActivityWindowStart(Clock.Today(db.Time));
        var rows = await db.Set<Alliance>()
            .Where(a => a.Status == AllianceStatus.Active
                && (subtree.Any(o => o.Id == a.LeadOrganizationId)
                    || db.Set<AllianceMember>().Any(m => m.AllianceId == a.Id && subtree.Any(o => o.Id == m.OrganizationId))))
            .Select(a => new { a.Type, Activities = db.Set<AllianceActivity>().Count(x => x.AllianceId == a.Id && x.HeldOn >= from) })
            .GroupBy(a => a.Type)
            .Select(g => new AllianceTypeCount(g.Key, g.Count(), g.Sum(a => a.Activities)))
            .ToListAsync(ct);
        var byType = rows.OrderBy(r => r.Type).ToList();
        return new AllianceReport(organizationId, byType, byType.Sum(r => r.ActiveAlliances), byType.Sum(r => r.ActivitiesLast12Months));
    }
}
