using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Coverage;

/// <summary>Coverage counts of one unit type (or of all, when <see cref="UnitType"/> is null). Rates are fractions 0–1.</summary>
public sealed record CoverageRate(UnitType? UnitType, int Units, int OwnOrganization, int JointBranch, int PartyWorkOnly, int NotCovered, int NotCoveredWithThreeOrMore)
{
    /// <summary>组织覆盖率: units with their own or a joint organization.</summary>
    public decimal OrganizationRate => CoverageRules.Rate(OwnOrganization + JointBranch, Units);
    /// <summary>工作覆盖率: units reached at least by party work.</summary>
    public decimal WorkRate => CoverageRules.Rate(OwnOrganization + JointBranch + PartyWorkOnly, Units);
}

public sealed record CoverageReport(long OrganizationId, string OrganizationName, IReadOnlyList<CoverageRate> ByUnitType, CoverageRate Total);

/// <summary>
/// Coverage (全覆盖) of a subtree: the units owned by organizations in it, counted by unit type × coverage kind
/// in one grouped query. (Named CoverageStatistics, not Coverage, so it does not collide with the namespace.)
/// </summary>
public static class CoverageStatistics
{
    /// <summary>Rates per unit type and in total; null when the organization is missing or out of scope.</summary>
    public static async Task<CoverageReport?> RatesAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var cells = await (
                from u in db.Set<Unit>()
                join o in OrganizationQueries.InSubtree(db, org.Path) on u.OrganizationId equals o.Id
                group u by new { u.UnitType, u.Coverage } into g
                select new { g.Key.UnitType, g.Key.Coverage, Count = g.Count(), WithThreeOrMore = g.Count(u => u.PartyMemberCount >= CoverageRules.OwnBranchFromMembers) })
            .ToListAsync(ct);

        var byType = cells.GroupBy(c => c.UnitType).OrderBy(g => g.Key)
            .Select(g => Tally(g.Key, g.Select(c => (c.Coverage, c.Count, c.WithThreeOrMore)))).ToList();
        var total = Tally(null, cells.Select(c => (c.Coverage, c.Count, c.WithThreeOrMore)));
        return new CoverageReport(org.Id, org.Name, byType, total);
    }

    /// <summary>Adds up grouped cells into one row (pure).</summary>
    public static CoverageRate Tally(UnitType? unitType, IEnumerable<(CoverageKind Coverage, int Count, int WithThreeOrMore)> cells)
    {
        int own = 0, joint = 0, work = 0, none = 0, noneThree = 0;
        foreach (var (coverage, count, three) in cells)
        {
            switch (coverage)
            {
                case CoverageKind.OwnOrganization: own += count; break;
                case CoverageKind.JointBranch: joint += count; break;
                case CoverageKind.PartyWorkOnly: work += count; break;
                default: none += count; noneThree += three; break;
            }
        }
        return new CoverageRate(unitType, own + joint + work + none, own, joint, work, none, noneThree);
    }
}
