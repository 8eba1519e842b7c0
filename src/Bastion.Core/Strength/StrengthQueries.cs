using Bastion.Compliance;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength;

/// <summary>One organization's scores in one assessment, with its name.</summary>
public sealed record ScoreView(
    long OrganizationId, string Name, long? ParentId, OrganizationKind Kind, UnitType? UnitType, int Members, int SubtreeMembers,
    double? Political, double? Development, double? Cohesion, double? Renewal, double? Total,
    int? SiblingRank, int Siblings, int? KindRank, int KindSize, double? PreviousTotal, int Warnings, int SubtreeWarnings, int HighWarnings)
{
    public double? Change => Total is { } t && PreviousTotal is { } p ? Math.Round(t - p, 2) : null;

    public double? Dimension(string code) => code switch
    {
        "political" => Political,
        "development" => Development,
        "cohesion" => Cohesion,
        "renewal" => Renewal,
        _ => null,
    };
}

/// <summary>An indicator as a page shows it: its rule, and its figures (null: no data in the subtree).</summary>
public sealed record IndicatorView(IndicatorRule Rule, IndicatorValue? Value)
{
    public bool HasData => Value is not null;
}

/// <summary>A stored warning with its organization's name and its rule (null if the rule set no longer names it).</summary>
public sealed record WarningView(
    long Id, long OrganizationId, string OrganizationName, string Code, WarningRule? Rule, WarningSeverity Severity, WeakSituation Situation,
    double Measure, double Threshold, DateOnly? Since, DateOnly RaisedOn, string Period);

public sealed record StrengthOverview(
    AssessmentRun Run, StrengthRuleSet Rules, ScoreView Score, IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<ScoreView> Children, IReadOnlyList<WarningView> Warnings, IReadOnlyList<WarningView> SubtreeWarnings, int SubtreeWarningCount);

public sealed record TrendPoint(string Period, DateOnly PeriodEnd, double? Total, double? Political, double? Development, double? Cohesion, double? Renewal);

/// <summary>One child's (or the organization's own) figures on one indicator.</summary>
public sealed record IndicatorRow(long OrganizationId, string Name, OrganizationKind Kind, IndicatorValue Value);

public sealed record IndicatorDetail(
    AssessmentRun Run, IndicatorRule Rule, long OrganizationId, string OrganizationName, IndicatorValue? Value,
    IReadOnlyList<IndicatorRow> Children, IReadOnlyList<IndicatorRecord> Records, bool RecordsTruncated);

/// <summary>
/// Reads of the stored snapshot (never a recomputation): the pages, the API, exports and the other modules that attach
/// an organization's index (standardization, secretaries' review) read here. The data scope applies to every read.
/// </summary>
public static class StrengthQueries
{
    public const int ListLimit = 50;

    /// <summary>Assessed periods, newest first.</summary>
    public static Task<List<AssessmentRun>> RunsAsync(BastionDb db, CancellationToken ct = default) =>
        db.Set<AssessmentRun>().AsNoTracking().OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodKind).ToListAsync(ct);

    /// <summary>The run of <paramref name="period"/> ("2026Q3"), or the newest run when null; null when there is none.</summary>
    public static Task<AssessmentRun?> RunAsync(BastionDb db, string? period, CancellationToken ct = default)
    {
        var runs = db.Set<AssessmentRun>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(period))
        {
            var label = Period.TryParse(period)?.Label ?? period.Trim();
            return runs.FirstOrDefaultAsync(r => r.Period == label, ct);
        }
        return runs.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodKind).ThenByDescending(r => r.FinishedAt).FirstOrDefaultAsync(ct);
    }

    // Every read filters and sorts the stored rows first and projects into the records last: EF Core cannot translate a
    // filter on a positional record.

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

    /// <summary>An organization's dashboard from the stored snapshot, in a fixed number of statements (seven); null when not assessed or out of scope.</summary>
    public static async Task<StrengthOverview?> OverviewAsync(BastionDb db, long organizationId, string? period, StrengthRuleSet? rules = null, CancellationToken ct = default)
    {
        rules ??= StrengthRuleSet.Load();
        var run = await RunAsync(db, period, ct);
        if (run is null) return null;
        var score = await ScoreAsync(db, run.Id, organizationId, ct);
        if (score is null) return null;
        var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.RunId == run.Id && v.OrganizationId == organizationId).ToListAsync(ct);
        var indicators = rules.Indicators.Select(i => new IndicatorView(i, values.FirstOrDefault(v => v.Code == i.Code))).ToList();
        var children = await ChildrenAsync(db, run.Id, organizationId, ct);
        var own = await WarningsQuery(db, run, organizationId, subtree: false).ToListAsync(ct);
        var subtree = WarningsQuery(db, run, organizationId, subtree: true);
        var count = await subtree.CountAsync(ct);
        var top = await subtree.Take(ListLimit).ToListAsync(ct);
        return new StrengthOverview(run, rules, score, indicators, children, Attach(own, rules), Attach(top, rules), count);
    }

    internal static IQueryable<WarningView> WarningsQuery(BastionDb db, AssessmentRun run, long organizationId, bool subtree, WarningSeverity? minimum = null)
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

    internal static List<WarningView> Attach(IEnumerable<WarningView> warnings, StrengthRuleSet rules) =>
        warnings.Select(w => w with { Rule = rules.Warnings.FirstOrDefault(r => r.Code == w.Code) }).ToList();

    /// <summary>
    /// The subtree's warnings of a period, most severe first, paged; <paramref name="minimum"/> filters the stored rows
    ///. Null: no run or out of scope.
    /// </summary>
    public static async Task<Shared.Page<WarningView>?> WarningsAsync(
        BastionDb db, long organizationId, string? period, WarningSeverity? minimum, int? page, int? pageSize, StrengthRuleSet? rules = null, CancellationToken ct = default)
    {
        var run = await RunAsync(db, period, ct);
        if (run is null || !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var query = WarningsQuery(db, run, organizationId, subtree: true, minimum);
        var (number, size) = Shared.Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Shared.Page<WarningView>(Attach(items, rules ?? StrengthRuleSet.Load()), number, size, total);
    }

    /// <summary>The organization's totals in the assessed periods of one kind, oldest first (at most <paramref name="count"/>).</summary>
    public static async Task<List<TrendPoint>> TrendAsync(BastionDb db, long organizationId, PeriodKind kind, int count = 12, CancellationToken ct = default)
    {
        var points = await (from s in db.Set<OrganizationScore>().AsNoTracking()
                            join r in db.Set<AssessmentRun>() on s.RunId equals r.Id
                            where s.OrganizationId == organizationId && r.PeriodKind == kind
                            orderby r.PeriodEnd descending
                            select new TrendPoint(r.Period, r.PeriodEnd, s.Total, s.Political, s.Development, s.Cohesion, s.Renewal))
            .Take(count).ToListAsync(ct);
        points.Reverse();
        return points;
    }

    /// <summary>
    /// One indicator of one organization: its stored figures, its children's, and the records behind its own figure as
    /// they stand now (read live from the module, limited to <paramref name="limit"/>).
    /// </summary>
    public static async Task<IndicatorDetail?> IndicatorAsync(
        BastionDb db, long organizationId, string? period, string code, int limit = 200, StrengthRuleSet? rules = null, CancellationToken ct = default)
    {
        rules ??= StrengthRuleSet.Load();
        var rule = rules.Indicators.FirstOrDefault(i => i.Code == code);
        var run = await RunAsync(db, period, ct);
        if (rule is null || run is null) return null;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var value = await db.Set<IndicatorValue>().AsNoTracking().FirstOrDefaultAsync(v => v.RunId == run.Id && v.OrganizationId == organizationId && v.Code == code, ct);
        var children = await (from v in db.Set<IndicatorValue>().AsNoTracking()
                              join s in db.Set<OrganizationScore>() on new { v.RunId, v.OrganizationId } equals new { s.RunId, s.OrganizationId }
                              join o in db.Organizations on v.OrganizationId equals o.Id
                              where v.RunId == run.Id && v.Code == code && s.ParentId == organizationId
                              orderby v.Score, o.Name
                              select new IndicatorRow(o.Id, o.Name, o.Kind, v)).ToListAsync(ct);
        IReadOnlyList<IndicatorRecord> records = [];
        var truncated = false;
        if (StrengthSources.Indicator(code) is { } source && value is { OwnDenominator: > 0 })
        {
            var period1 = Period.TryParse(run.Period)!.Value;
            var scope = new AssessmentScope(db, db.Organizations.Where(o => o.Id == organizationId), period1, run.AsOf, rules);
            var list = await source.RecordsAsync(scope, organizationId, limit + 1, ct);
            truncated = list.Count > limit;
            records = list.Take(limit).ToList();
        }
        return new IndicatorDetail(run, rule, org.Id, org.Name, value, children, records, truncated);
    }
}
