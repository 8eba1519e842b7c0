using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Standardization;

/// <summary>
/// Confirms a draft: every inspection item must be filled; the total, the category and the rule-set version are stored
/// and the assessment enters the branch's category history. When a confirmed assessment of the same year exists, the new
/// one supersedes it, with a reason; the old one stays in the history as superseded.
/// </summary>
public static class ConfirmAssessment
{
    public const string InspectionIncompleteRule = "Standardization.InspectionIncomplete";
    public const string SupersedeNeedsReasonRule = "Standardization.SupersedeNeedsReason";
    public const int ReasonMaxLength = 500;

    public sealed record Command
    {
        /// <summary>The branch is identified as weak and lax (软弱涣散) this year: its category is weak whatever its total.</summary>
        public bool IdentifiedWeak { get; init; }
        /// <summary>Why it replaces the year's confirmed assessment (required then).</summary>
        public string? Reason { get; init; }
    }

    public static async Task<StandardizationAssessment> HandleAsync(
        BastionDb db, string? actorRole, long assessmentId, Command command, StandardizationRuleSet? rules = null, CancellationToken ct = default)
    {
        var assessment = await db.Set<StandardizationAssessment>().AsTracking().Include(a => a.Items)
            .FirstOrDefaultAsync(a => a.Id == assessmentId, ct) ?? throw new NotFoundException($"Standardization assessment {assessmentId}");
        var path = await db.Organizations.Where(o => o.Id == assessment.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        StandardizationAccess.EnsureAbove(db, actorRole, path);
        if (assessment.Status != AssessmentStatus.Draft)
            throw new DomainRuleException(InspectItem.NotDraftRule, "This assessment is already confirmed.");
        var open = assessment.Items.Where(i => i.Met is null).Select(i => i.Code).ToList();
        if (open.Count > 0)
            throw new DomainRuleException(InspectionIncompleteRule, $"Every inspection item must be filled before confirming; still open: {string.Join(", ", open)}.");
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is { Length: > ReasonMaxLength }) throw ValidationFailedException.For(nameof(Command.Reason), $"At most {ReasonMaxLength} characters.");

        var previous = await db.Set<StandardizationAssessment>().AsTracking()
            .Where(a => a.OrganizationId == assessment.OrganizationId && a.Year == assessment.Year && a.Status == AssessmentStatus.Confirmed)
            .ToListAsync(ct);
        if (previous.Count > 0 && reason is null)
            throw new DomainRuleException(SupersedeNeedsReasonRule,
                $"The year {assessment.Year} already has a confirmed assessment; give the reason this one replaces it.");

        rules = rules is not null && rules.Version == assessment.RuleSetVersion ? rules : StandardizationRuleSet.Load();
        var (high, period) = await StandardizationAccess.HighWarningsAsync(db, assessment.OrganizationId, rules, ct);
        var total = assessment.Items.Sum(i => i.Awarded);
        // Weak and lax when the inspector says so, or when the organization has an open rectification case (认定 in the ledger).
        var identifiedWeak = command.IdentifiedWeak
            || await db.Set<Rectification.RectificationCase>().AnyAsync(c => c.OrganizationId == assessment.OrganizationId && c.State != Rectification.RectificationState.Closed, ct);
        var (category, barred) = StandardizationRules.Categorize(total, rules, high > 0, identifiedWeak);
        assessment.Total = total;
        assessment.Category = category;
        assessment.ModelBarred = barred;
        assessment.IdentifiedWeak = identifiedWeak;
        assessment.HighWarnings = high;
        assessment.HighWarningsPeriod = period;
        assessment.Status = AssessmentStatus.Confirmed;
        assessment.ConfirmedBy = db.Scope.Actor;
        assessment.ConfirmedAt = Clock.UtcNow(db.Time);
        assessment.SupersedeReason = previous.Count > 0 ? reason : null;
        foreach (var p in previous)
        {
            p.Status = AssessmentStatus.Superseded;
            p.SupersededById = assessment.Id;
        }
        await db.SaveChangesAsync(ct);
        return assessment;
    }
}
