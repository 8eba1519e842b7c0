using System.Security.Claims;
using Bastion.Compliance;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Web.Pages.Strength;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/strength: the Organizational Strength Index (组织力指数, DESIGN §5) as stored by the last assessment of a
/// period — overview, children ranking, warnings, trend, one indicator down to its records, workbooks — and running an
/// assessment (administrators). Every read is of the snapshot and passes through the data scope.
/// </summary>
public static class StrengthApi
{
    public static IEndpointRouteBuilder MapStrengthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/strength").WithTags("Strength").RequireAuthorization(BastionPolicies.ReadOrganizations);
        api.MapGet("/rules", Rules).WithSummary("The index's rule set in force: dimensions, indicators (formula, worst→best scale, weight, source) and warning rules.");
        api.MapGet("/runs", Runs).WithSummary("The assessed periods, newest first, with the rule-set version each used.");
        api.MapPost("/runs", Run).RequireAuthorization(p => p.RequireRole(BastionRoles.SystemAdmin))
            .WithSummary("Assesses every organization for a period (body {\"period\":\"2026Q3\"}), replacing that period's snapshot. Administrators only.");
        api.MapGet("/organizations/{id:long}", Overview).WithSummary(
            "An organization's index in period=2026Q3 (default: the newest run): total and change, ranks, dimensions, every indicator (null figures: no data), its own warnings and the subtree's most severe.");
        api.MapGet("/organizations/{id:long}/children", Children).WithSummary("The children ranked by total, with dimension scores and warning counts.");
        api.MapGet("/organizations/{id:long}/warnings", Warnings).WithSummary("The subtree's warnings, most severe first (minSeverity=Low|Medium|High), paged.");
        api.MapGet("/organizations/{id:long}/trend", Trend).WithSummary("The totals and dimension scores over the assessed periods of one kind (default: quarters), oldest first.");
        api.MapGet("/organizations/{id:long}/indicators/{code}", Indicator).WithSummary(
            "One indicator: its rule, the organization's own and subtree figures, the children's (weakest first) and the records behind the own figure.");
        api.MapGet("/organizations/{id:long}/ranking.xlsx", RankingExport).WithSummary("The children ranked (subtree=true: every organization below, by kind) as a workbook.");
        api.MapGet("/organizations/{id:long}/warnings.xlsx", WarningsExport).WithSummary("The subtree's warnings (minSeverity filter) as a workbook.");
        return app;
    }

    public sealed record RunView(long Id, string Period, PeriodKind PeriodKind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly AsOf,
        string RuleSetVersion, int Organizations, int Warnings, DateTime StartedAt, DateTime FinishedAt, string StartedBy)
    {
        public static RunView Of(AssessmentRun r) => new(r.Id, r.Period, r.PeriodKind, r.PeriodStart, r.PeriodEnd, r.AsOf, r.RuleSetVersion,
            r.Organizations, r.Warnings, r.StartedAt, r.FinishedAt, r.StartedBy);
    }

    public sealed record IndicatorFigures(
        string Code, string Dimension, string Name, string NameEn, double Weight, bool HasData,
        double? OwnNumerator, double? OwnDenominator, double? OwnScore, double? Numerator, double? Denominator, double? Score);

    public sealed record WarningItem(
        long Id, long OrganizationId, string OrganizationName, string Code, string? Name, string? NameEn, WarningSeverity Severity,
        WeakSituation Situation, double Measure, double Threshold, DateOnly? Since, DateOnly RaisedOn, string Period)
    {
        public static WarningItem Of(WarningView w) => new(w.Id, w.OrganizationId, w.OrganizationName, w.Code, w.Rule?.Name, w.Rule?.NameEn,
            w.Severity, w.Situation, w.Measure, w.Threshold, w.Since, w.RaisedOn, w.Period);
    }

    public sealed record OverviewAnswer(
        RunView Run, ScoreView Score, double? Change, IReadOnlyList<IndicatorFigures> Indicators, int Children,
        IReadOnlyList<WarningItem> Warnings, IReadOnlyList<WarningItem> SubtreeWarnings, int SubtreeWarningCount);

    public sealed record IndicatorAnswer(
        RunView Run, IndicatorRule Rule, long OrganizationId, string OrganizationName, IndicatorFigures Figures,
        IReadOnlyList<IndicatorFigures> ChildFigures, IReadOnlyList<long> ChildIds, IReadOnlyList<IndicatorRecord> Records, bool RecordsTruncated, bool RecordsHidden);

    public sealed record RunBody(string? Period);

    private static Ok<StrengthRuleSet> Rules() => TypedResults.Ok(StrengthRuleSet.Load());

    private static async Task<Ok<List<RunView>>> Runs(BastionDb db, CancellationToken ct) =>
        TypedResults.Ok((await StrengthQueries.RunsAsync(db, ct)).Select(RunView.Of).ToList());

    private static async Task<Created<RunView>> Run(RunBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var period = Period.TryParse(body.Period)
            ?? throw ValidationFailedException.For("period", "Give a period as 2026Q3 (a quarter), 2026-07 (a month) or 2026 (a year).");
        var outcome = await RunAssessment.HandleAsync(db, period, user.Identity?.Name ?? "api", ct: ct);
        return TypedResults.Created($"/api/v1/strength/runs", RunView.Of(outcome.Run));
    }

    private static IndicatorFigures Figures(IndicatorRule rule, IndicatorValue? v) => new(
        rule.Code, rule.Dimension, rule.Name, rule.NameEn, rule.Weight, v is not null,
        v?.OwnNumerator, v?.OwnDenominator, v?.OwnScore, v?.Numerator, v?.Denominator, v?.Score);

    private static async Task<Results<Ok<OverviewAnswer>, NotFound>> Overview(long id, string? period, BastionDb db, CancellationToken ct)
    {
        if (await StrengthQueries.OverviewAsync(db, id, StrengthView.ParsePeriod(period), ct: ct) is not { } o) return TypedResults.NotFound();
        return TypedResults.Ok(new OverviewAnswer(
            RunView.Of(o.Run), o.Score, o.Score.Change, o.Indicators.Select(i => Figures(i.Rule, i.Value)).ToList(), o.Children.Count,
            o.Warnings.Select(WarningItem.Of).ToList(), o.SubtreeWarnings.Select(WarningItem.Of).ToList(), o.SubtreeWarningCount));
    }

    private static async Task<Results<Ok<List<ScoreView>>, NotFound>> Children(long id, string? period, BastionDb db, CancellationToken ct)
    {
        if (await RunAndScoreAsync(db, id, period, ct) is not { } run) return TypedResults.NotFound();
        return TypedResults.Ok(await StrengthQueries.ChildrenAsync(db, run.Id, id, ct));
    }

    private static async Task<Results<Ok<Page<WarningItem>>, NotFound>> Warnings(
        long id, string? period, WarningSeverity? minSeverity, int? page, int? pageSize, BastionDb db, CancellationToken ct)
    {
        if (await StrengthQueries.WarningsAsync(db, id, StrengthView.ParsePeriod(period), minSeverity, page, pageSize, ct: ct) is not { } p) return TypedResults.NotFound();
        return TypedResults.Ok(new Page<WarningItem>(p.Items.Select(WarningItem.Of).ToList(), p.PageNumber, p.PageSize, p.TotalCount));
    }

    private static async Task<Results<Ok<List<TrendPoint>>, NotFound>> Trend(long id, PeriodKind? kind, int? count, BastionDb db, CancellationToken ct)
    {
        if (await DashboardQueries.NameAsync(db, id, ct) is null) return TypedResults.NotFound();
        return TypedResults.Ok(await StrengthQueries.TrendAsync(db, id, kind ?? PeriodKind.Quarter, Math.Clamp(count ?? 12, 1, 40), ct));
    }

    private static async Task<Results<Ok<IndicatorAnswer>, NotFound>> Indicator(long id, string code, string? period, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var hidden = !MaySeeRecords(user);
        if (await StrengthQueries.IndicatorAsync(db, id, StrengthView.ParsePeriod(period), code, hidden ? 0 : 200, ct: ct) is not { } d) return TypedResults.NotFound();
        return TypedResults.Ok(new IndicatorAnswer(
            RunView.Of(d.Run), d.Rule, d.OrganizationId, d.OrganizationName, Figures(d.Rule, d.Value),
            d.Children.Select(c => Figures(d.Rule, c.Value)).ToList(), d.Children.Select(c => c.OrganizationId).ToList(),
            hidden ? [] : d.Records, !hidden && d.RecordsTruncated, hidden));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RankingExport(
        long id, string? period, bool? subtree, BastionDb db, IStringLocalizer<StrengthResource> text, IStringLocalizer<SharedResource> shared, CancellationToken ct)
    {
        if (await RunAndScoreAsync(db, id, period, ct) is not { } run) return TypedResults.NotFound();
        var rows = subtree == true
            ? await DashboardQueries.SubtreeAsync(db, run.Id, id, Workbook.MaxRows, ct)
            : (await StrengthQueries.ChildrenAsync(db, run.Id, id, ct)).Select(StrengthView.AsRow).ToList();
        var bytes = new StrengthView(text).ScoresWorkbook(StrengthRuleSet.Load(), rows, shared);
        return TypedResults.File(bytes, Workbook.ContentType, $"strength-ranking-{id}-{run.Period}.xlsx");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> WarningsExport(
        long id, string? period, WarningSeverity? minSeverity, BastionDb db, IStringLocalizer<StrengthResource> text, CancellationToken ct)
    {
        if (await RunAndScoreAsync(db, id, period, ct) is not { } run) return TypedResults.NotFound();
        var warnings = await DashboardQueries.WarningsAsync(db, run, id, minSeverity, Workbook.MaxRows, ct: ct);
        return TypedResults.File(new StrengthView(text).WarningsWorkbook(warnings), Workbook.ContentType, $"strength-warnings-{id}-{run.Period}.xlsx");
    }

    /// <summary>The run of the period when the organization is in scope and was assessed in it; null answers 404.</summary>
    private static async Task<AssessmentRun?> RunAndScoreAsync(BastionDb db, long id, string? period, CancellationToken ct)
    {
        var run = await StrengthQueries.RunAsync(db, StrengthView.ParsePeriod(period), ct);
        if (run is null) return null;
        return await StrengthQueries.ScoreAsync(db, run.Id, id, ct) is null ? null : run;
    }

    /// <summary>The records behind a figure name people and cases: those who may read the roster see them, members see the figures.</summary>
    public static bool MaySeeRecords(ClaimsPrincipal user) =>
        user.Role() is BastionRoles.SystemAdmin or BastionRoles.OrganizationDepartment or BastionRoles.BranchSecretary;
}
