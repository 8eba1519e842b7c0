using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

public sealed record CountBy<T>(T Key, int Count);

public sealed record ChildCount(long OrganizationId, string Name, int Reports, int Substantiated);

/// <summary>Figures only — no account, no names, no tracking codes.</summary>
public sealed record MisconductSummary(
    long OrganizationId, bool IncludesOpen, int Total, int Open, int Substantiated,
    IReadOnlyList<CountBy<MisconductCategory>> ByCategory, IReadOnlyList<CountBy<MisconductStatus>> ByStatus,
    IReadOnlyList<CountBy<MisconductOutcome>> ByOutcome, IReadOnlyList<CountBy<OrganizationKind>> ByLevel,
    IReadOnlyList<ChildCount> ByChild);

public sealed record SubstantiatedCount(long OrganizationId, int Substantiated);

/// <summary>
/// Counts of reports about the organizations of a subtree (by the organization concerned), rolled up, set-based.
/// Discipline staff count every report they may handle; everyone else counts only finished ones (closed or
/// declined), so the figures never tell an organization that an open report about it exists.
/// </summary>
public static class MisconductStatistics
{
    public static async Task<MisconductSummary> SummaryAsync(BastionDb db, long organizationId, bool includeOpen, CancellationToken ct = default)
    {
        var root = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The organization");
        var upper = TreePath.UpperBound(root.Path);
        // Staff queries keep every filter (EF Core would drop them all for one IgnoreQueryFilters): a report in scope is
        // about an organization below its receiver, so in scope too. The finished-only figures pass over the scope on purpose.
        var orgs = includeOpen ? db.Organizations : db.Organizations.IgnoreQueryFilters();
        var reports = Reports(db, includeOpen).Where(r => orgs.Any(o => o.Id == r.ConcernedOrganizationId && string.Compare(o.Path, root.Path) >= 0 && string.Compare(o.Path, upper) < 0));

        var byCategory = await reports.GroupBy(r => r.Category).Select(g => new CountBy<MisconductCategory>(g.Key, g.Count())).ToListAsync(ct);
        var byStatus = await reports.GroupBy(r => r.Status).Select(g => new CountBy<MisconductStatus>(g.Key, g.Count())).ToListAsync(ct);
        var byOutcome = await reports.Where(r => r.Outcome != null).GroupBy(r => r.Outcome!.Value).Select(g => new CountBy<MisconductOutcome>(g.Key, g.Count())).ToListAsync(ct);
        var byLevel = await reports.Join(orgs, r => r.ConcernedOrganizationId, o => o.Id, (r, o) => o.Kind)
            .GroupBy(k => k).Select(g => new CountBy<OrganizationKind>(g.Key, g.Count())).ToListAsync(ct);
        var byChild = await orgs.Where(c => c.ParentId == root.Id && c.Status == OrganizationStatus.Active).OrderBy(c => c.Path)
            .Select(c => new ChildCount(c.Id, c.Name,
                reports.Count(r => orgs.Any(o => o.Id == r.ConcernedOrganizationId && string.Compare(o.Path, c.Path) >= 0 && string.Compare(o.Path, c.Path + "~") < 0)),
                reports.Count(r => (r.Outcome == MisconductOutcome.Substantiated || r.Outcome == MisconductOutcome.PartlySubstantiated)
                    && orgs.Any(o => o.Id == r.ConcernedOrganizationId && string.Compare(o.Path, c.Path) >= 0 && string.Compare(o.Path, c.Path + "~") < 0))))
            .ToListAsync(ct);

        var total = byStatus.Sum(s => s.Count);
        var open = byStatus.Where(s => s.Key is MisconductStatus.Received or MisconductStatus.UnderCheck or MisconductStatus.Disposed).Sum(s => s.Count);
        var substantiated = byOutcome.Where(o => o.Key is MisconductOutcome.Substantiated or MisconductOutcome.PartlySubstantiated).Sum(o => o.Count);
        return new MisconductSummary(root.Id, includeOpen, total, open, substantiated, byCategory.OrderBy(c => c.Key).ToList(), byStatus.OrderBy(s => s.Key).ToList(),
            byOutcome.OrderBy(o => o.Key).ToList(), byLevel.OrderBy(l => l.Key).ToList(), byChild);
    }

    /// <summary>
    /// Substantiated (属实 or 部分属实) reports closed in [from, to] per organization concerned in the subtree — one
    /// statement, for the strength index's self-renewal dimension (自我革新力).
    /// </summary>
    public static async Task<List<SubstantiatedCount>> SubstantiatedByOrganizationAsync(BastionDb db, long organizationId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var root = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Path }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The organization");
        var upper = TreePath.UpperBound(root.Path);
        return (await db.Set<MisconductReport>().IgnoreQueryFilters()
            .Where(r => r.Status == MisconductStatus.Closed && r.ClosedOn >= from && r.ClosedOn <= to
                && (r.Outcome == MisconductOutcome.Substantiated || r.Outcome == MisconductOutcome.PartlySubstantiated))
            .Join(db.Organizations.IgnoreQueryFilters(), r => r.ConcernedOrganizationId, o => o.Id, (r, o) => new { r.ConcernedOrganizationId, o.Path })
            .Where(x => string.Compare(x.Path, root.Path) >= 0 && string.Compare(x.Path, upper) < 0)
            .GroupBy(x => x.ConcernedOrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key).Select(g => new SubstantiatedCount(g.Key, g.Count)).ToList();
    }

    // Staff count what their scope lets them handle; the figures for everyone else pass over the scope but only over finished reports.
    private static IQueryable<MisconductReport> Reports(BastionDb db, bool includeOpen) => includeOpen
        ? db.Set<MisconductReport>()
        : db.Set<MisconductReport>().IgnoreQueryFilters().Where(r => r.Status == MisconductStatus.Closed || r.Status == MisconductStatus.Declined);
}
