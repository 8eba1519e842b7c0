using Bastion.Alliances;
using Bastion.Appraisals;
using Bastion.Data;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Compliance;

/// <summary>The compliance of a subtree over a range (a year, quarter or month), computed as of <see cref="Today"/>.</summary>
public sealed record ComplianceReport(
    long OrganizationId, string OrganizationName, string Range, DateOnly Today, string RuleSetVersion, ComplianceResult Result)
{
    public ComplianceNode Root => Result.Nodes.First(n => n.Id == OrganizationId);
}

/// <summary>
/// Reads for the compliance engine, set-based: a fixed number of queries whatever the subtree's size (the organizations,
/// committee sizes, held meetings grouped by organization, kind and day, closed appraisals, and the last activity per organization);
/// periods and roll-ups are computed in memory by <see cref="ComplianceCalculator"/>.
/// </summary>
public static class ComplianceQueries
{
    /// <summary>The subtree's compliance over <paramref name="range"/>; null when the organization is missing or out of scope.</summary>
    public static async Task<ComplianceReport?> ReportAsync(BastionDb db, long organizationId, Period range, CancellationToken ct = default) =>
        await ReportAsync(db, organizationId, range, OrganizationalLifeRuleSet.Load(), ct);

    public static async Task<ComplianceReport?> ReportAsync(BastionDb db, long organizationId, Period range, OrganizationalLifeRuleSet rules, CancellationToken ct = default)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Path, o.Name }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var result = await ComputeAsync(db, root.Path, range.Start, range.End, rules, ct);
        return new ComplianceReport(organizationId, root.Name, range.Label, Clock.Today(db.Time), rules.Version, result);
    }

    /// <summary>
    /// The compliance of the subtree at <paramref name="path"/> over the periods ending in [<paramref name="from"/>,
    /// <paramref name="to"/>], in six queries whatever the subtree's size.
    /// </summary>
    public static async Task<ComplianceResult> ComputeAsync(BastionDb db, string path, DateOnly from, DateOnly to, OrganizationalLifeRuleSet rules, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var subtree = OrganizationQueries.InSubtree(db, path);

        var committees = await CommitteeSizes.ForOrganizationsAsync(db, subtree.Where(o => o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch), ct);
        var organizations = await subtree.AsNoTracking().OrderBy(o => o.Path)
            .Select(o => new ComplianceOrganization
            {
                Id = o.Id, Name = o.Name, Kind = o.Kind, ParentId = o.ParentId, Path = o.Path, Depth = o.Depth,
                UnitType = o.UnitType, Status = o.Status, FoundedOn = o.FoundedOn,
            })
            .ToListAsync(ct);
        organizations = organizations.Select(o => committees.TryGetValue(o.Id, out var c) && CommitteeSizes.IsCommitteeFormed(c.Members) ? o with { HasCommittee = true } : o).ToList();

        // The meetings to count span every period that ends in the range (a year ending in it starts on 1 January).
        var periods = rules.Obligations.SelectMany(o => Period.EndingIn(o.Period, from, to)).ToList();
        var (first, last) = periods.Count == 0 ? (from, to) : (periods.Min(p => p.Start), periods.Max(p => p.End));
        var kinds = rules.Obligations.Select(o => o.Kind).ToList();
        // Grouped by day rather than by computed year and month: the plain column groups faster on both providers.
        var heldByDay = await (
                from m in db.Set<Meeting>()
                join o in subtree on m.OrganizationId equals o.Id
                where m.Status == MeetingStatus.Held && m.HeldOn >= first && m.HeldOn <= last && kinds.Contains(m.Kind)
                group m by new { m.OrganizationId, m.Kind, HeldOn = m.HeldOn!.Value } into g
                select new { g.Key.OrganizationId, g.Key.Kind, g.Key.HeldOn, Count = g.Count() })
            .ToListAsync(ct);
        var held = heldByDay.Select(h => new HeldCount(h.OrganizationId, h.Kind, h.HeldOn.Year, h.HeldOn.Month, h.Count)).ToList();

        // A democratic appraisal closed in Bastion (民主评议党员, Appraisals) counts for the year it appraised (placed in its
        // December), so a branch that ran it there need not also record a meeting for it.
        if (kinds.Contains(MeetingKind.DemocraticAppraisal))
        {
            var appraisals = await (
                    from r in db.Set<AppraisalRound>()
                    join o in subtree on r.OrganizationId equals o.Id
                    where r.Status == AppraisalStatus.Closed && r.Year >= first.Year && r.Year <= last.Year
                    select new { r.OrganizationId, r.Year })
                .ToListAsync(ct);
            held.AddRange(appraisals.Select(a => new HeldCount(a.OrganizationId, MeetingKind.DemocraticAppraisal, a.Year, 12, 1)));
        }

        var lastActivity = await LastActivityAsync(db, subtree, today, ct);
        return ComplianceCalculator.Compute(rules, organizations, held, lastActivity, from, to, today);
    }

    /// <summary>The last day of recorded activity per organization: held meetings of any kind and alliance activities it organized.</summary>
    public static async Task<Dictionary<long, DateOnly>> LastActivityAsync(BastionDb db, IQueryable<Organization> subtree, DateOnly today, CancellationToken ct)
    {
        var meetings = await (
                from m in db.Set<Meeting>()
                join o in subtree on m.OrganizationId equals o.Id
                where m.Status == MeetingStatus.Held && m.HeldOn != null && m.HeldOn <= today
                group m by m.OrganizationId into g
                select new { OrganizationId = g.Key, Last = g.Max(m => m.HeldOn!.Value) })
            .ToListAsync(ct);
        var activities = await (
                from a in db.Set<AllianceActivity>()
                join o in subtree on a.OrganizingOrganizationId equals o.Id
                where a.HeldOn <= today
                group a by a.OrganizingOrganizationId into g
                select new { OrganizationId = g.Key, Last = g.Max(a => a.HeldOn) })
            .ToListAsync(ct);
        var last = meetings.ToDictionary(m => m.OrganizationId, m => m.Last);
        foreach (var a in activities)
            if (!last.TryGetValue(a.OrganizationId, out var day) || a.Last > day) last[a.OrganizationId] = a.Last;
        return last;
    }
}
