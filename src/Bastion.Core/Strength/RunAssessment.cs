using System.Diagnostics;
using Bastion.Audit;
using Bastion.Compliance;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength;

/// <summary>The indicator and warning sources in this assembly, found once: a module adds a source by adding a class.</summary>
public static class StrengthSources
{
    private static readonly Lazy<IReadOnlyList<IIndicatorSource>> s_indicators = new(() => Create<IIndicatorSource>());
    private static readonly Lazy<IReadOnlyList<IWarningSource>> s_warnings = new(() => Create<IWarningSource>());

    public static IReadOnlyList<IIndicatorSource> Indicators => s_indicators.Value;
    public static IReadOnlyList<IWarningSource> Warnings => s_warnings.Value;

    public static IIndicatorSource? Indicator(string code) => Indicators.FirstOrDefault(s => s.Code == code);

    private static IReadOnlyList<T> Create<T>() =>
        typeof(StrengthSources).Assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToList();
}

/// <summary>
/// Assesses every active organization for one period (<c>bastion assess --period 2026Q3</c>, the <c>strength.assess</c>
/// job, or an administrator's button): each source measures all organizations set-based, <see cref="StrengthCalculator"/>
/// scores and ranks them, and the snapshot replaces the period's previous one in one transaction.
/// </summary>
public static class RunAssessment
{
    public const string PeriodNotStartedRule = "Strength.PeriodNotStarted";

    public sealed record Timings(TimeSpan Measure, TimeSpan Compute, TimeSpan Store);

    public sealed record Outcome(AssessmentRun Run, Timings Timings);

    public static async Task<Outcome> HandleAsync(BastionDb db, Period period, string startedBy, StrengthRuleSet? rules = null, CancellationToken ct = default)
    {
        rules ??= StrengthRuleSet.Load();
        var today = Clock.Today(db.Time);
        if (period.Start > today)
            throw new DomainRuleException(PeriodNotStartedRule, $"The period {period.Label} has not started yet: it can be assessed from {period.Start:yyyy-MM-dd}.");
        var asOf = period.End < today ? period.End : today;
        var started = db.Time.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();

        var active = db.Organizations.Where(o => o.Status == OrganizationStatus.Active);
        var scope = new AssessmentScope(db, active, period, asOf, rules);
        var organizations = await OrganizationsAsync(db, active, ct);
        var (measures, hits) = await EvaluateAsync(scope, ct);
        var measured = clock.Elapsed;

        var rows = StrengthCalculator.Compute(rules, organizations, measures, hits.Select(h => (h.Hit.OrganizationId, h.Rule.Severity)).ToList());
        var computed = clock.Elapsed;

        var previous = await PreviousTotalsAsync(db, period, ct);
        var run = await StoreAsync(db, period, asOf, rules, startedBy, started, rows, hits, previous, ct);
        return new Outcome(run, new Timings(measured, computed - measured, clock.Elapsed - computed));
    }

    /// <summary>Every indicator's figures and every warning rule's hits over the scope, set-based: a fixed number of statements.</summary>
    public static async Task<(Measures Measures, List<(WarningRule Rule, WarningHit Hit)> Hits)> EvaluateAsync(AssessmentScope scope, CancellationToken ct)
    {
        var measures = await MeasureAsync(scope, ct);
        var hits = new List<(WarningRule Rule, WarningHit Hit)>();
        foreach (var source in StrengthSources.Warnings)
        {
            var rule = scope.Rules.Warnings.FirstOrDefault(w => w.Code == source.Code);
            if (rule is null) continue;
            foreach (var hit in await source.EvaluateAsync(scope, measures, ct)) hits.Add((rule, hit));
        }
        return (measures, hits);
    }

    /// <summary>Every source's own figures for the scope, by indicator code. Indicators without a source stay "no data".</summary>
    public static async Task<Measures> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var measures = new Measures();
        foreach (var indicator in scope.Rules.Indicators)
            if (StrengthSources.Indicator(indicator.Code) is { } source)
                measures[indicator.Code] = await source.MeasureAsync(scope, ct);
        return measures;
    }

    /// <summary>The organizations with their direct active member counts, in two grouped queries.</summary>
    public static async Task<List<AssessedOrganization>> OrganizationsAsync(BastionDb db, IQueryable<Organization> organizations, CancellationToken ct)
    {
        var counts = await (from m in db.Members
                            join o in organizations on m.OrganizationId equals o.Id
                            where m.Status == MemberStatus.Active
                            group m by m.OrganizationId into g
                            select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = await organizations.AsNoTracking().OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.ParentId, o.Path, o.Depth, o.Kind, o.UnitType }).ToListAsync(ct);
        return rows.Select(o => new AssessedOrganization(o.Id, o.ParentId, o.Path, o.Depth, o.Kind, o.UnitType, counts.GetValueOrDefault(o.Id))).ToList();
    }

    private static async Task<Dictionary<long, double>> PreviousTotalsAsync(BastionDb db, Period period, CancellationToken ct)
    {
        var label = Previous(period).Label;
        return await (from s in db.Set<OrganizationScore>()
                      join r in db.Set<AssessmentRun>() on s.RunId equals r.Id
                      where r.Period == label && s.Total != null
                      select new { s.OrganizationId, Total = s.Total!.Value }).ToDictionaryAsync(s => s.OrganizationId, s => s.Total, ct);
    }

    public static Period Previous(Period period) => period.Kind switch
    {
        PeriodKind.Month => period.Index == 1 ? new Period(PeriodKind.Month, period.Year - 1, 12) : period with { Index = period.Index - 1 },
        PeriodKind.Quarter => period.Index == 1 ? new Period(PeriodKind.Quarter, period.Year - 1, 4) : period with { Index = period.Index - 1 },
        _ => new Period(PeriodKind.Year, period.Year - 1, 1),
    };

    private static async Task<AssessmentRun> StoreAsync(
        BastionDb db, Period period, DateOnly asOf, StrengthRuleSet rules, string startedBy, DateTime started,
        IReadOnlyList<ScoreRow> rows, List<(WarningRule Rule, WarningHit Hit)> hits, Dictionary<long, double> previous, CancellationToken ct)
    {
        var suppress = db.SuppressRowAudit;
        // A snapshot is derived data: one audit event says what ran, instead of one per stored figure.
        db.SuppressRowAudit = true;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var label = period.Label;
            var old = db.Set<AssessmentRun>().Where(r => r.Period == label);
            await db.Set<IndicatorValue>().IgnoreQueryFilters().Where(v => old.Any(r => r.Id == v.RunId)).ExecuteDeleteAsync(ct);
            await db.Set<StrengthWarning>().IgnoreQueryFilters().Where(w => old.Any(r => r.Id == w.RunId)).ExecuteDeleteAsync(ct);
            await db.Set<OrganizationScore>().IgnoreQueryFilters().Where(s => old.Any(r => r.Id == s.RunId)).ExecuteDeleteAsync(ct);
            await old.ExecuteDeleteAsync(ct);

            var run = new AssessmentRun
            {
                Period = label, PeriodKind = period.Kind, PeriodStart = period.Start, PeriodEnd = period.End, AsOf = asOf,
                RuleSetVersion = rules.Version, Organizations = rows.Count, Warnings = hits.Count,
                StartedAt = started, FinishedAt = started, StartedBy = startedBy,
            };
            db.Add(run);
            await db.SaveChangesAsync(ct);
            db.Record(AuditActions.Generate, nameof(AssessmentRun), run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { run.Period, run.RuleSetVersion, AsOf = asOf, run.Organizations, run.Warnings, run.StartedBy });

            const int batch = 5000;
            var pending = 0;
            async Task FlushAsync(bool force)
            {
                if (!force && pending < batch) return;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
            foreach (var r in rows)
            {
                var o = r.Organization;
                db.Add(new OrganizationScore
                {
                    RunId = run.Id, OrganizationId = o.Id, ParentId = o.ParentId, Path = o.Path, Depth = o.Depth, Kind = o.Kind, UnitType = o.UnitType,
                    Members = o.Members, SubtreeMembers = r.SubtreeMembers,
                    Political = r.Dimensions.GetValueOrDefault("political"), Development = r.Dimensions.GetValueOrDefault("development"),
                    Cohesion = r.Dimensions.GetValueOrDefault("cohesion"), Renewal = r.Dimensions.GetValueOrDefault("renewal"),
                    Total = r.Total, SiblingRank = r.SiblingRank, Siblings = r.Siblings, KindRank = r.KindRank, KindSize = r.KindSize,
                    PreviousTotal = previous.TryGetValue(o.Id, out var p) ? p : null,
                    Warnings = r.Warnings, SubtreeWarnings = r.SubtreeWarnings, HighWarnings = r.HighWarnings,
                });
                pending++;
                foreach (var f in r.Indicators)
                {
                    db.Add(new IndicatorValue
                    {
                        RunId = run.Id, OrganizationId = o.Id, Code = f.Code,
                        OwnNumerator = f.Own.Numerator, OwnDenominator = f.Own.Denominator,
                        Numerator = f.Subtree.Numerator, Denominator = f.Subtree.Denominator,
                        OwnScore = f.OwnScore, Score = f.Score ?? 0,
                    });
                    pending++;
                }
                await FlushAsync(false);
            }
            foreach (var (rule, hit) in hits)
            {
                db.Add(new StrengthWarning
                {
                    RunId = run.Id, OrganizationId = hit.OrganizationId, Code = rule.Code, Severity = rule.Severity, Situation = rule.Situation,
                    Measure = Math.Round(hit.Measure, 4), Threshold = rule.Threshold, Since = hit.Since, RaisedOn = asOf,
                });
                pending++;
                await FlushAsync(false);
            }
            await FlushAsync(true);
            var finished = db.Time.GetUtcNow().UtcDateTime;
            await db.Set<AssessmentRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, finished), ct);
            run.FinishedAt = finished;
            await tx.CommitAsync(ct);
            return run;
        }
        finally
        {
            db.SuppressRowAudit = suppress;
        }
    }
}
