using Bastion.Shared;

namespace Bastion.Development;

/// <summary>What every change to a candidate's file checks first, and what is due next.</summary>
internal static class CandidateChecks
{
    /// <summary>An open file: in the pipeline or on probation; a converted member's file stays open only for archiving (㉕).</summary>
    public static void EnsureOpen(Candidate candidate, bool archiving = false)
    {
        var open = candidate.Status is CandidateStatus.Active or CandidateStatus.Admitted || (archiving && candidate.Status == CandidateStatus.Converted);
        if (!open || candidate.CurrentStep >= DevelopmentRules.LastStep)
            throw new DomainRuleException(DevelopmentRules.CandidateOpenRule,
                $"The file of {candidate.Name} is closed ({candidate.Status}, step {candidate.CurrentStep}); nothing more is recorded in it.");
    }

    public static void EnsureDate(Candidate candidate, DateOnly date, DateOnly today)
    {
        if (date > today)
            throw new DomainRuleException(DevelopmentRules.NotInFutureRule, $"The date {date:yyyy-MM-dd} lies in the future; steps are recorded once done.");
        if (date < candidate.LastDate)
            throw new DomainRuleException(DevelopmentRules.DateOrderRule,
                $"The date {date:yyyy-MM-dd} is before the last recorded step of {candidate.LastDate:yyyy-MM-dd}; steps are dated in order.");
    }

    /// <summary>
    /// The next time-bound step and its deadline: the talk (②) within a month, the half-yearly review (⑥) while an
    /// activist, approval (⑰) after the admission meeting, the conversion meeting (㉓) when probation ends, and
    /// conversion approval (㉔).
    /// </summary>
    public static (int? Step, DateOnly? On) Due(Candidate candidate, IReadOnlyList<(int Number, DateOnly Date)> steps, DevelopmentRuleSet rules)
    {
        DateOnly? Last(params int[] numbers) => steps.Where(s => numbers.Contains(s.Number)).Select(s => (DateOnly?)s.Date).Max();
        if (candidate.Status is not (CandidateStatus.Active or CandidateStatus.Admitted)) return (null, null);
        return candidate.CurrentStep switch
        {
            1 => (DevelopmentRules.TalkStep, DevelopmentRules.TalkDueOn(candidate.AppliedOn, rules)),
            >= 3 and <= 6 when Last(DevelopmentRules.ActivistStep, DevelopmentRules.ReviewStep) is { } last =>
                (DevelopmentRules.ReviewStep, last.AddMonths(rules.ActivistReviewMonths.Value)),
            15 or 16 when Last(DevelopmentRules.AdmissionMeetingStep) is { } m =>
                (DevelopmentRules.ApprovalStep, DevelopmentRules.ApprovalDeadline(m, false, rules)),
            >= 17 and <= 22 when Last(DevelopmentRules.AdmissionMeetingStep) is { } m =>
                (DevelopmentRules.ConversionMeetingStep, DevelopmentRules.ProbationEndsOn(m, candidate.ProbationExtendedMonths, rules)),
            23 when Last(DevelopmentRules.ConversionMeetingStep) is { } m =>
                (DevelopmentRules.ConversionApprovalStep, DevelopmentRules.ConversionApprovalDeadline(m, rules)),
            _ => (null, null),
        };
    }
}
