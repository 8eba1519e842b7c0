using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Development;

/// <summary>延长预备期: the branch extends a probationary member's probation once, by 6–12 months (DZ §7, XZ §32).</summary>
public static class ExtendProbation
{
    public sealed record Command
    {
        public DateOnly? Date { get; init; }
        public int? Months { get; init; }
        public string? Notes { get; init; }
    }

    public static async Task<DevelopmentStep> HandleAsync(BastionDb db, long candidateId, Command command, DevelopmentRuleCatalogue? catalogue = null, CancellationToken ct = default)
    {
        var candidate = await db.Set<Candidate>().AsTracking().FirstOrDefaultAsync(c => c.Id == candidateId, ct) ?? throw new NotFoundException($"Candidate {candidateId}");
        var errors = new Dictionary<string, string[]>();
        if (command.Date is null) errors[nameof(Command.Date)] = ["Enter the date of the decision."];
        if (command.Months is null) errors[nameof(Command.Months)] = ["Enter the months of the extension."];
        if (string.IsNullOrWhiteSpace(command.Notes)) errors[nameof(Command.Notes)] = ["Give the reason for the extension."];
        else if (command.Notes.Trim().Length > DevelopmentRules.NotesMaxLength) errors[nameof(Command.Notes)] = [$"The notes are at most {DevelopmentRules.NotesMaxLength} characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        CandidateChecks.EnsureOpen(candidate);
        var date = command.Date!.Value;
        var rules = (catalogue ?? DevelopmentRuleCatalogue.Shipped).InForceOn(date);
        if (candidate.Status != CandidateStatus.Admitted || candidate.CurrentStep >= DevelopmentRules.ConversionApprovalStep)
            throw new DomainRuleException(DevelopmentRules.ProbationExtensionRule, "Only the probation of a probationary member not yet converted can be extended.");
        if (candidate.ProbationExtendedMonths is not null)
            throw new DomainRuleException(DevelopmentRules.ProbationExtensionRule,
                $"Probation can be extended only {rules.ProbationExtensionsAllowed.Value} time; it was already extended by {candidate.ProbationExtendedMonths} months "
                + $"({DevelopmentRules.Cite(rules, rules.ProbationExtensionsAllowed)}).");
        if (!DevelopmentRules.ExtensionMonthsAllowed(command.Months!.Value, rules))
            throw new DomainRuleException(DevelopmentRules.ProbationExtensionRule,
                $"Probation is extended by {rules.ProbationExtensionMonths.Value}–{rules.ProbationExtensionMonths.Max} months, not {command.Months} "
                + $"({DevelopmentRules.Cite(rules, rules.ProbationExtensionMonths)}).");
        CandidateChecks.EnsureDate(candidate, date, Clock.Today(db.Time));

        var steps = await db.Set<DevelopmentStep>().Where(s => s.CandidateId == candidate.Id && s.Kind == DevelopmentEventKind.Step)
            .Select(s => new { s.Number, s.Date }).ToListAsync(ct);
        candidate.ProbationExtendedMonths = command.Months;
        candidate.LastDate = date;
        (candidate.DueStep, candidate.DueOn) = CandidateChecks.Due(candidate, steps.Select(s => (s.Number, s.Date)).ToList(), rules);
        var step = new DevelopmentStep
        {
            CandidateId = candidate.Id, OrganizationId = candidate.OrganizationId, RegionId = candidate.RegionId, Number = candidate.CurrentStep,
            Kind = DevelopmentEventKind.ProbationExtended, Date = date, ExtensionMonths = command.Months, Notes = command.Notes!.Trim(),
            RuleSetVersion = rules.Version, RecordedBy = db.Scope.Actor, RecordedAt = Clock.UtcNow(db.Time),
        };
        db.Add(step);
        await db.SaveChangesAsync(ct);
        return step;
    }
}

/// <summary>
/// Ends a candidate's development: the applicant withdraws, the branch stops it, or a probationary member's
/// membership is cancelled (取消预备党员资格) — then the member leaves the roster.
/// </summary>
public static class CloseCandidate
{
    public sealed record Command
    {
        public DevelopmentEventKind? Outcome { get; init; }
        public DateOnly? Date { get; init; }
        public string? Notes { get; init; }
    }

    public static async Task<DevelopmentStep> HandleAsync(BastionDb db, long candidateId, Command command, DevelopmentRuleCatalogue? catalogue = null, CancellationToken ct = default)
    {
        var candidate = await db.Set<Candidate>().AsTracking().FirstOrDefaultAsync(c => c.Id == candidateId, ct) ?? throw new NotFoundException($"Candidate {candidateId}");
        var errors = new Dictionary<string, string[]>();
        if (command.Outcome is not (DevelopmentEventKind.Cancelled or DevelopmentEventKind.Withdrawn)) errors[nameof(Command.Outcome)] = ["Choose cancelled or withdrawn."];
        if (command.Date is null) errors[nameof(Command.Date)] = ["Enter the date."];
        if (string.IsNullOrWhiteSpace(command.Notes)) errors[nameof(Command.Notes)] = ["Give the reason."];
        else if (command.Notes.Trim().Length > DevelopmentRules.NotesMaxLength) errors[nameof(Command.Notes)] = [$"The notes are at most {DevelopmentRules.NotesMaxLength} characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        CandidateChecks.EnsureOpen(candidate);
        var date = command.Date!.Value;
        CandidateChecks.EnsureDate(candidate, date, Clock.Today(db.Time));
        if (command.Outcome == DevelopmentEventKind.Withdrawn && candidate.Status == CandidateStatus.Admitted)
            throw ValidationFailedException.For(nameof(Command.Outcome), "A probationary member does not withdraw from the pipeline; cancel the probationary membership instead.");
        var rules = (catalogue ?? DevelopmentRuleCatalogue.Shipped).InForceOn(date);

        if (candidate.MemberId is { } memberId && candidate.Status == CandidateStatus.Admitted)
        {
            var member = await db.Members.AsTracking().FirstAsync(m => m.Id == memberId, ct);
            member.Status = MemberStatus.Left;
        }
        candidate.Status = command.Outcome == DevelopmentEventKind.Withdrawn ? CandidateStatus.Withdrawn : CandidateStatus.Cancelled;
        candidate.LastDate = date;
        candidate.DueStep = null;
        candidate.DueOn = null;
        var step = new DevelopmentStep
        {
            CandidateId = candidate.Id, OrganizationId = candidate.OrganizationId, RegionId = candidate.RegionId, Number = candidate.CurrentStep,
            Kind = command.Outcome!.Value, Date = date, Notes = command.Notes!.Trim(), RuleSetVersion = rules.Version,
            RecordedBy = db.Scope.Actor, RecordedAt = Clock.UtcNow(db.Time),
        };
        db.Add(step);
        await db.SaveChangesAsync(ct);
        return step;
    }
}

/// <summary>Sets the yearly intake plan (发展党员计划) of an organization in scope.</summary>
public static class SetDevelopmentPlan
{
    public sealed record Command
    {
        public int? Year { get; init; }
        public int? Target { get; init; }
    }

    public static async Task<DevelopmentPlan> HandleAsync(BastionDb db, long organizationId, Command command, CancellationToken ct = default)
    {
        var org = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Id, o.RegionId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        var errors = new Dictionary<string, string[]>();
        if (command.Year is not (>= 2000 and <= 2100)) errors[nameof(Command.Year)] = ["Enter a year between 2000 and 2100."];
        if (command.Target is not (>= 0 and <= 1_000_000)) errors[nameof(Command.Target)] = ["Enter the planned number of new members (0 or more)."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var plan = await db.Set<DevelopmentPlan>().AsTracking().FirstOrDefaultAsync(p => p.OrganizationId == org.Id && p.Year == command.Year, ct);
        if (plan is null)
        {
            plan = new DevelopmentPlan { OrganizationId = org.Id, RegionId = org.RegionId, Year = command.Year!.Value };
            db.Add(plan);
        }
        plan.Target = command.Target!.Value;
        plan.UpdatedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

/// <summary>Records a member as the candidate's relative (亲属), so they cannot be chosen as introducer.</summary>
public static class AddCandidateRelative
{
    public static async Task<CandidateRelative> HandleAsync(BastionDb db, long candidateId, RegisterCandidate.RelativeInput input, CancellationToken ct = default)
    {
        var candidate = await db.Set<Candidate>().Where(c => c.Id == candidateId).Select(c => new { c.Id, c.OrganizationId, c.RegionId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Candidate {candidateId}");
        if (string.IsNullOrWhiteSpace(input.Relation) || input.Relation.Trim().Length > 20)
            throw ValidationFailedException.For(nameof(input.Relation), "Enter the relation (e.g. 父亲, 配偶), at most 20 characters.");
        if (!await db.Members.AnyAsync(m => m.Id == input.MemberId, ct))
            throw ValidationFailedException.For(nameof(input.MemberId), "The member is not in your scope.");
        if (await db.Set<CandidateRelative>().AnyAsync(r => r.CandidateId == candidate.Id && r.MemberId == input.MemberId, ct))
            throw ValidationFailedException.For(nameof(input.MemberId), "This relative is already recorded.");
        var relative = new CandidateRelative { CandidateId = candidate.Id, OrganizationId = candidate.OrganizationId, RegionId = candidate.RegionId, MemberId = input.MemberId, Relation = input.Relation.Trim() };
        db.Add(relative);
        await db.SaveChangesAsync(ct);
        return relative;
    }
}
