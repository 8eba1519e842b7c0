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
    // StrengthQueries.ScoreAsync/ChildrenAsync (and so OverviewAsync) filter and sort after projecting into the positional
    // ScoreView, which EF Core cannot translate; these reads filter and sort the stored rows first, then project.

    private static IQueryable<ScoreView> Scores(IQueryable<OrganizationScore> scores, BastionDb db) =>
        from s in scores
        join o in db.Organizations on s.OrganizationId equals o.Id
        select new ScoreView(s.OrganizationId, o.Name, s.ParentId, s.Kind, s.UnitType, s.Members, s.SubtreeMembers,
            s.Political, s.Development, s.Cohesion, s.Renewal, s.Total, s.SiblingRank, s.Siblings, s.KindRank, s.KindSize,
            s.PreviousTotal, s.Warnings, s.SubtreeWarnings, s.HighWarnings);

    /// <summary>One organization's score in a run; null when it was not assessed or is out of scope.</summary>
    public static Task<ScoreView?> ScoreAsync(BastionDb db, long runId, long organizationId, CancellationToken ct = default) =>
        Scores(db.Set<OrganizationScore>().AsNoTracking().Where(s => s.RunId == runId && s.OrganizationId == organizationId), db).FirstOrDefaultAsync(ct);

    /// <summary>The children's scores, strongest first, unscored last, then by name.</summary>
    public static Task<List<ScoreView>> ChildrenAsync(BastionDb db, long runId, long organizationId, CancellationToken ct = default) =>
        (from s in db.Set<OrganizationScore>().AsNoTracking()
         join o in db.Organizations on s.OrganizationId equals o.Id
         where s.RunId == runId && s.ParentId == organizationId
         orderby s.Total == null, s.Total descending, o.Name
         select new ScoreView(s.OrganizationId, o.Name, s.ParentId, s.Kind, s.UnitType, s.Members, s.SubtreeMembers,
             s.Political, s.Development, s.Cohesion, s.Renewal, s.Total, s.SiblingRank, s.Siblings, s.KindRank, s.KindSize,
             s.PreviousTotal, s.Warnings, s.SubtreeWarnings, s.HighWarnings)).ToListAsync(ct);

    /// <summary>The same overview as <see cref="StrengthQueries.OverviewAsync"/>, in a fixed number of statements (seven).</summary>
    public static async Task<StrengthOverview?> OverviewAsync(BastionDb db, long organizationId, string? period, StrengthRuleSet? rules = null, CancellationToken ct = default)
    {
        rules ??= StrengthRuleSet.Load();
        var run = await StrengthQueries.RunAsync(db, period, ct);
        if (run is null) return null;
        var score = await ScoreAsync(db, run.Id, organizationId, ct);
        if (score is null) return null;
        var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.RunId == run.Id && v.OrganizationId == organizationId).ToListAsync(ct);
        var indicators = rules.Indicators.Select(i => new IndicatorView(i, values.FirstOrDefault(v => v.Code == i.Code))).ToList();
        var children = await ChildrenAsync(db, run.Id, organizationId, ct);
        var own = await WarningsQuery(db, run, organizationId, subtree: false).ToListAsync(ct);
        var subtree = WarningsQuery(db, run, organizationId, subtree: true);
        var count = await subtree.CountAsync(ct);
        var top = await subtree.Take(StrengthQueries.ListLimit).ToListAsync(ct);
        return new StrengthOverview(run, rules, score, indicators, children, Attach(own, rules), Attach(top, rules), count);
    }

    private static IQueryable<WarningView> WarningsQuery(BastionDb db, AssessmentRun run, long organizationId, bool subtree, WarningSeverity? minimum = null)
    {
        var root = db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path);
        var query = from w in db.Set<StrengthWarning>().AsNoTracking()
                    join o in db.Organizations on w.OrganizationId equals o.Id
                    where w.RunId == run.Id
                    select new { w, o };
        query = subtree
            ? query.Where(x => root.Any(p => string.Compare(x.o.Path, p) >= 0 && string.Compare(x.o.Path, p + "~") < 0))
            : query.Where(x => x.o.Id == organizationId);
        if (minimum is { } m) query = query.Where(x => x.w.Severity >= m);
        return query.OrderByDescending(x => x.w.Severity).ThenBy(x => x.w.Since == null).ThenBy(x => x.w.Since).ThenBy(x => x.o.Path).ThenBy(x => x.w.Code)
            .Select(x => new WarningView(x.w.Id, x.o.Id, x.o.Name, x.w.Code, null, x.w.Severity, x.w.Situation, x.w.Measure, x.w.Threshold, x.w.Since, x.w.RaisedOn, run.Period));
    }

    private static List<WarningView> Attach(IEnumerable<WarningView> warnings, StrengthRuleSet rules) =>
        warnings.Select(w => w with { Rule = rules.Warnings.FirstOrDefault(r => r.Code == w.Code) }).ToList();

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

    /// <summary>
    /// The subtree's warnings of a period, most severe first, paged; <paramref name="minimum"/> filters the stored rows
    /// (StrengthQueries.WarningsAsync filters after projecting, which EF Core cannot translate). Null: no run or out of scope.
    /// </summary>
    public static async Task<Shared.Page<WarningView>?> WarningsPageAsync(
        BastionDb db, long organizationId, string? period, WarningSeverity? minimum, int? page, int? pageSize, StrengthRuleSet? rules = null, CancellationToken ct = default)
    {
        var run = await StrengthQueries.RunAsync(db, period, ct);
        if (run is null || !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var query = WarningsQuery(db, run, organizationId, subtree: true, minimum);
        var (number, size) = Shared.Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Shared.Page<WarningView>(Attach(items, rules ?? StrengthRuleSet.Load()), number, size, total);
    }

    /// <summary>The subtree's warnings for an export, in the order of <see cref="StrengthQueries.WarningsAsync"/>, at most <paramref name="limit"/>.</summary>
    public static async Task<List<WarningView>> WarningsAsync(
        BastionDb db, AssessmentRun run, long organizationId, WarningSeverity? minimum, int limit, StrengthRuleSet? rules = null, CancellationToken ct = default) =>
        Attach(await WarningsQuery(db, run, organizationId, subtree: true, minimum).Take(limit).ToListAsync(ct), rules ?? StrengthRuleSet.Load());

    /// <summary>The organization's name when it is in scope (null otherwise): tells "out of scope" from "not assessed".</summary>
    public static Task<string?> NameAsync(BastionDb db, long organizationId, CancellationToken ct = default) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
}

/// <summary>One organization of a subtree export.</summary>
public sealed record SubtreeScore(
    long OrganizationId, string Name, long? ParentId, int Depth, OrganizationKind Kind, UnitType? UnitType, int SubtreeMembers,
    double? Political, double? Development, double? Cohesion, double? Renewal, double? Total,
    int? SiblingRank, int Siblings, int? KindRank, int KindSize, int Warnings, int SubtreeWarnings);
