using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength;

/// <summary>Warnings of a subtree counted by severity.</summary>
public sealed record WarningCounts(int Low, int Medium, int High)
{
    public int Total => Low + Medium + High;
}

/// <summary>
/// The reads the dashboards, the big screen and the exports need beyond <see cref="StrengthQueries"/>: whole-list reads
/// for workbooks and grouped counts. Snapshot only, never a recomputation; the data scope applies to every read.
/// </summary>
public static class DashboardQueries
{
    /// <summary>The subtree's warnings of one run, counted by severity in one grouped query.</summary>
    public static async Task<WarningCounts> WarningCountsAsync(BastionDb db, long runId, long organizationId, CancellationToken ct = default)
    {
        var root = db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path);
        var counts = await (from w in db.Set<StrengthWarning>().AsNoTracking()
                            join o in db.Organizations on w.OrganizationId equals o.Id
                            where w.RunId == runId && root.Any(p => string.Compare(o.Path, p) >= 0 && string.Compare(o.Path, p + "~") < 0)
                            group w by w.Severity into g
                            select new { Severity = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(WarningSeverity s) => counts.FirstOrDefault(c => c.Severity == s)?.Count ?? 0;
        return new WarningCounts(Of(WarningSeverity.Low), Of(WarningSeverity.Medium), Of(WarningSeverity.High));
    }

    /// <summary>
    /// Every organization of the subtree below <paramref name="organizationId"/> (itself excluded) in one run, grouped by
    /// kind and strongest first within a kind, at most <paramref name="limit"/> rows: the "whole subtree by kind" export.
    /// </summary>
    public static Task<List<SubtreeScore>> SubtreeAsync(BastionDb db, long runId, long organizationId, int limit, CancellationToken ct = default)
    {
        var root = db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path);
        return (from s in db.Set<OrganizationScore>().AsNoTracking()
                join o in db.Organizations on s.OrganizationId equals o.Id
                where s.RunId == runId && o.Id != organizationId
                      && root.Any(p => string.Compare(o.Path, p) >= 0 && string.Compare(o.Path, p + "~") < 0)
                orderby s.Kind, s.Total == null, s.Total descending, o.Path
                select new SubtreeScore(s.OrganizationId, o.Name, s.ParentId, s.Depth, s.Kind, s.UnitType, s.SubtreeMembers,
                    s.Political, s.Development, s.Cohesion, s.Renewal, s.Total, s.SiblingRank, s.Siblings, s.KindRank, s.KindSize,
                    s.Warnings, s.SubtreeWarnings))
            .Take(limit).ToListAsync(ct);
    }

    /// <summary>The subtree's warnings for an export, in the order of <see cref="StrengthQueries.WarningsAsync"/>, at most <paramref name="limit"/>.</summary>
    public static async Task<List<WarningView>> WarningsAsync(
        BastionDb db, AssessmentRun run, long organizationId, WarningSeverity? minimum, int limit, StrengthRuleSet? rules = null, CancellationToken ct = default) =>
        StrengthQueries.Attach(await StrengthQueries.WarningsQuery(db, run, organizationId, subtree: true, minimum).Take(limit).ToListAsync(ct), rules ?? StrengthRuleSet.Load());

    /// <summary>The organization's name when it is in scope (null otherwise): tells "out of scope" from "not assessed".</summary>
    public static Task<string?> NameAsync(BastionDb db, long organizationId, CancellationToken ct = default) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
}

/// <summary>One organization of a subtree export.</summary>
public sealed record SubtreeScore(
    long OrganizationId, string Name, long? ParentId, int Depth, OrganizationKind Kind, UnitType? UnitType, int SubtreeMembers,
    double? Political, double? Development, double? Cohesion, double? Renewal, double? Total,
    int? SiblingRank, int Siblings, int? KindRank, int KindSize, int Warnings, int SubtreeWarnings);
