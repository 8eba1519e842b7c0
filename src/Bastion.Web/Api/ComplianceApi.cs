using Bastion.Compliance;
using Bastion.Data;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/compliance: 组织生活落实情况 — obligations from the organizational-life rule set against the meetings held,
/// per organization and rolled up the subtree; due-soon, overdue and silent branches (DOMAIN §1, §8).
/// </summary>
public static class ComplianceApi
{
    /// <summary>Overdue items listed in one answer; <see cref="ComplianceAnswer.OverdueCount"/> gives them all.</summary>
    public const int MaxOverdueItems = 500;

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/compliance").WithTags("Compliance").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/rules", Rules).WithSummary("The organizational-life rule set in force: each obligation with its period, minimum and source.");
        api.MapGet("/organizations/{id:long}", Report).WithSummary(
            "Compliance of the subtree for period=2026 (a year, the default is this year), 2026Q2 or 2026-05: totals and per meeting kind, the organization's own obligations with their missing periods, the rows below it (kind and unitType filters, worst first, paged), due-soon and overdue obligations, silent branches.");
        api.MapGet("/organizations/{id:long}/export.xlsx", Export).WithSummary("The rows of the same view (same filters, worst first) as a workbook.");
        return app;
    }

    public sealed record ComplianceAnswer(
        long OrganizationId, string OrganizationName, string Period, DateOnly Today, string RuleSetVersion,
        Tally Total, IReadOnlyDictionary<MeetingKind, Tally> ByKind, IReadOnlyList<ObligationResult> Obligations,
        Page<ComplianceRow> Rows, IReadOnlyList<ObligationItem> DueSoon, IReadOnlyList<ObligationItem> Overdue, int OverdueCount,
        IReadOnlyList<SilentBranch> Silent);

    private static Ok<OrganizationalLifeRuleSet> Rules() => TypedResults.Ok(OrganizationalLifeRuleSet.Load());

    private static async Task<Results<Ok<ComplianceAnswer>, NotFound>> Report(
        long id, string? period, OrganizationKind? kind, UnitType? unitType, int? page, int? pageSize, BastionDb db, CancellationToken ct)
    {
        if (await ComplianceQueries.ReportAsync(db, id, ParsePeriod(period, db), ct) is not { } report) return TypedResults.NotFound();
        var root = report.Root;
        var rows = ComplianceView.Rows(report, new ComplianceFilter(kind, unitType));
        var overdue = report.Result.Overdue;
        return TypedResults.Ok(new ComplianceAnswer(
            report.OrganizationId, report.OrganizationName, report.Range, report.Today, report.RuleSetVersion,
            root.Subtree, root.SubtreeByKind, root.Obligations, ComplianceView.Paged(rows, page, pageSize),
            report.Result.DueSoon, overdue.Take(MaxOverdueItems).ToList(), overdue.Count, report.Result.Silent));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(
        long id, string? period, OrganizationKind? kind, UnitType? unitType, BastionDb db, CancellationToken ct)
    {
        if (await ComplianceQueries.ReportAsync(db, id, ParsePeriod(period, db), ct) is not { } report) return TypedResults.NotFound();
        var rows = ComplianceView.Rows(report, new ComplianceFilter(kind, unitType));
        return TypedResults.File(ComplianceView.Export(rows, OrganizationalLifeRuleSet.Load()), ComplianceView.ContentType, $"组织生活落实情况-{report.Range}.xlsx");
    }

    /// <summary>"2026", "2026Q2" or "2026-05"; empty means the current year.</summary>
    internal static Period ParsePeriod(string? period, BastionDb db) =>
        string.IsNullOrWhiteSpace(period)
            ? Period.Of(PeriodKind.Year, Clock.Today(db.Time))
            : Period.TryParse(period) ?? throw ValidationFailedException.For("period", "Give a year (2026), a quarter (2026Q2) or a month (2026-05).");
}
