using Bastion.Data;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

/// <summary>
/// Copies an organization's strength index (组织力指数) for the review year into its report: the yearly assessment
/// ("2026") when there is one, else the newest assessment of that year; its total, four dimension scores, sibling rank
/// and its own warnings. The copy is what the reviewers saw, so a later re-run of the assessment does not touch it.
/// </summary>
public static class IndexSnapshot
{
    /// <summary>The run the review of <paramref name="year"/> takes its figures from, or null when the year has none.</summary>
    public static async Task<AssessmentRun?> RunForYearAsync(BastionDb db, int year, CancellationToken ct = default)
    {
        var label = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var runs = db.Set<AssessmentRun>().AsNoTracking();
        return await runs.FirstOrDefaultAsync(r => r.Period == label, ct)
            ?? await runs.Where(r => r.PeriodStart.Year == year)
                .OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.FinishedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Fills the report's index fields and adds its warning copies (the caller saves). Two or three queries.</summary>
    internal static async Task AttachAsync(BastionDb db, SecretaryReport report, int year, CancellationToken ct)
    {
        report.IndexAttached = true;
        var run = await RunForYearAsync(db, year, ct);
        // The submitter was authorized as the organization's secretary; read its figures whatever the account's scope.
        var score = run is null ? null : await db.Set<OrganizationScore>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.RunId == run.Id && s.OrganizationId == report.OrganizationId, ct);
        if (run is null || score is null)
        {
            report.IndexPeriod = null;
            report.IndexAsOf = null;
            report.IndexRuleSetVersion = null;
            return;
        }
        report.IndexPeriod = run.Period;
        report.IndexAsOf = run.AsOf;
        report.IndexRuleSetVersion = run.RuleSetVersion;
        report.Total = score.Total;
        report.Political = score.Political;
        report.Development = score.Development;
        report.Cohesion = score.Cohesion;
        report.Renewal = score.Renewal;
        report.SiblingRank = score.SiblingRank;
        report.Siblings = score.Siblings;
        report.SubtreeWarnings = score.SubtreeWarnings;

        var rules = StrengthRuleSet.Load();
        var warnings = await db.Set<StrengthWarning>().IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.RunId == run.Id && w.OrganizationId == report.OrganizationId)
            .OrderByDescending(w => w.Severity).ThenBy(w => w.Code).ToListAsync(ct);
        db.Set<SecretaryReportWarning>().AddRange(warnings.Select(w =>
        {
            var rule = rules.Warnings.FirstOrDefault(r => r.Code == w.Code);
            return new SecretaryReportWarning
            {
                ReportId = report.Id, OrganizationId = report.OrganizationId, Code = w.Code, Name = rule?.Name ?? w.Code, NameEn = rule?.NameEn ?? w.Code,
                Severity = w.Severity, Situation = w.Situation, Measure = w.Measure, Threshold = w.Threshold, Since = w.Since,
            };
        }));
    }
}
