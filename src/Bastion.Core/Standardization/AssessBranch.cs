using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Standardization;

/// <summary>Who may assess: the organization department (or an administrator) of an organization above the branch.</summary>
public static class StandardizationAccess
{
    public const string InspectorNotAboveRule = "Standardization.InspectorNotAbove";

    /// <summary>
    /// The acting user must work above the branch (their scope strictly contains it, as the parent committee's or a higher
    /// organization department's does) with the organization-department or administrator role: a branch never assesses itself.
    /// </summary>
    public static void EnsureAbove(BastionDb db, string? actorRole, string branchPath)
    {
        var scope = db.Scope.Path;
        var above = TreePath.Contains(scope, branchPath) && scope != branchPath;
        if (!above || actorRole is not (BastionRoles.OrganizationDepartment or BastionRoles.SystemAdmin))
            throw new DomainRuleException(InspectorNotAboveRule,
                "A branch's standardization is assessed from above: by the organization department of the parent committee or a higher organization, not by the branch itself.");
    }

    /// <summary>Whether the user may assess the branch (for showing the forms).</summary>
    public static bool IsAbove(string scopePath, string? actorRole, string branchPath) =>
        TreePath.Contains(scopePath, branchPath) && scopePath != branchPath && actorRole is BastionRoles.OrganizationDepartment or BastionRoles.SystemAdmin;

    /// <summary>High-severity warnings on the organization in the newest strength assessment (count and period); two statements.</summary>
    public static async Task<(int Count, string? Period)> HighWarningsAsync(BastionDb db, long organizationId, StandardizationRuleSet rules, CancellationToken ct)
    {
        var run = await StrengthQueries.RunAsync(db, null, ct);
        if (run is null) return (0, null);
        var severity = rules.ModelBarredBySeverity;
        var count = await db.Set<StrengthWarning>().CountAsync(w => w.RunId == run.Id && w.OrganizationId == organizationId && w.Severity >= severity, ct);
        return (count, run.Period);
    }
}

/// <summary>
/// Starts (or re-starts) the standardization assessment of a branch for a year: every automatic item is decided from the
/// records as of the year's last day (today while the year is open), the inspection items wait for the inspector. A draft
/// of the same year is replaced; inspection entries already made in it are kept.
/// </summary>
public static class AssessBranch
{
    public const string YearInFutureRule = "Standardization.YearInFuture";
    public const string NotABranchRule = "Standardization.NotABranch";
    public const int FirstYear = 2000;

    public sealed record Command
    {
        public int? Year { get; init; }
    }

    public static async Task<StandardizationAssessment> HandleAsync(
        BastionDb db, string? actorRole, long organizationId, Command command, StandardizationRuleSet? rules = null, CancellationToken ct = default)
    {
        rules ??= StandardizationRuleSet.Load();
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Path, o.Kind, o.Status }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Organization {organizationId}");
        if (command.Year is not { } year || year < FirstYear)
            throw ValidationFailedException.For(nameof(Command.Year), $"Give the year to assess ({FirstYear} or later).");
        var today = Clock.Today(db.Time);
        if (year > today.Year)
            throw new DomainRuleException(YearInFutureRule, $"The year {year} has not started; a year can be assessed from its first day.");
        if (org.Kind is not (OrganizationKind.Branch or OrganizationKind.JointBranch) || org.Status != OrganizationStatus.Active)
            throw new DomainRuleException(NotABranchRule, "Standardization assesses active branches and joint branches (党支部); this organization is not one.");
        StandardizationAccess.EnsureAbove(db, actorRole, org.Path);

        var asOf = year < today.Year ? new DateOnly(year, 12, 31) : today;
        var facts = (await BranchFactsQuery.ForSubtreeAsync(db, org.Path, year, asOf, ct)).First(b => b.Id == org.Id).Facts;
        var (high, period) = await StandardizationAccess.HighWarningsAsync(db, org.Id, rules, ct);

        var old = await db.Set<StandardizationAssessment>().AsTracking().Include(a => a.Items)
            .FirstOrDefaultAsync(a => a.OrganizationId == org.Id && a.Year == year && a.Status == AssessmentStatus.Draft, ct);
        var assessment = Build(rules, facts, year, db.Scope.Actor, Clock.UtcNow(db.Time), old?.Items);
        assessment.HighWarnings = high;
        assessment.HighWarningsPeriod = period;
        if (old is not null) db.Remove(old);
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    /// <summary>A new draft with the automatic items decided from <paramref name="facts"/> (pure); inspection entries copied from <paramref name="keep"/>.</summary>
    public static StandardizationAssessment Build(
        StandardizationRuleSet rules, BranchFacts facts, int year, string actor, DateTime now, IEnumerable<StandardizationItem>? keep = null)
    {
        var kept = (keep ?? []).Where(i => i.Mode == ItemMode.Inspection && i.Met is not null).ToDictionary(i => i.Code);
        var assessment = new StandardizationAssessment
        {
            OrganizationId = facts.OrganizationId, Year = year, Status = AssessmentStatus.Draft, RuleSetVersion = rules.Version,
            AsOf = facts.AsOf, StartedBy = actor, StartedAt = now,
        };
        foreach (var item in rules.Items)
        {
            var row = new StandardizationItem
            {
                Code = item.Code, Dimension = item.Dimension, Mode = item.Mode, Points = item.Points, Threshold = item.Threshold,
            };
            if (item.Mode == ItemMode.Automatic)
            {
                var r = StandardizationRules.Decide(item, facts);
                row.Met = r.Met;
                row.Awarded = r.Met ? item.Points : 0;
                row.Measure = r.Measure;
                row.Numerator = r.Numerator;
                row.Denominator = r.Denominator;
                row.FigureSource = r.Source;
                row.Note = r.Note;
            }
            else if (kept.TryGetValue(item.Code, out var k))
            {
                row.Met = k.Met;
                row.Awarded = k.Met == true ? item.Points : 0;
                row.Note = k.Note;
                row.EvidenceId = k.EvidenceId;
                row.InspectedBy = k.InspectedBy;
                row.InspectedAt = k.InspectedAt;
            }
            assessment.Items.Add(row);
        }
        return assessment;
    }
}
