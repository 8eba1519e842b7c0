namespace Bastion.Development;

/// <summary>
/// The 25 steps of member development in 5 stages (DOMAIN §3) and the named rules that guard them. Pure: every
/// number comes from the <see cref="DevelopmentRuleSet"/> in force on the step's date.
/// </summary>
public static class DevelopmentRules
{
    public const int FirstStep = 1;
    public const int LastStep = 25;
    public const int NotesMaxLength = 1000;

    // ---- the named rules -----------------------------------------------------------------------------------------
    /// <summary>Steps are recorded in order, none skipped (DOMAIN §3).</summary>
    public const string StepOrderRule = "Development.StepOrder";
    /// <summary>A step is not dated before the step before it.</summary>
    public const string DateOrderRule = "Development.DateOrder";
    /// <summary>A step is not dated in the future.</summary>
    public const string NotInFutureRule = "Development.NotInFuture";
    /// <summary>At least 18 years old on the day of application (DZ §1, XZ §5).</summary>
    public const string MinimumAgeRule = "Development.MinimumAge";
    /// <summary>Talk within 1 month of the application (XZ §7): a late talk is recorded but flagged.</summary>
    public const string TalkWithinRule = "Development.TalkWithinOneMonth";
    /// <summary>1–2 cultivation contacts, full members (XZ §10).</summary>
    public const string CultivationContactsRule = "Development.CultivationContacts";
    /// <summary>The branch reviews an activist every half-year (XZ §12); no gap longer than that before ⑦.</summary>
    public const string ActivistReviewsRule = "Development.ActivistReviews";
    /// <summary>At least 1 year as activist before becoming a development target (XZ §13).</summary>
    public const string ActivistPeriodRule = "Development.ActivistPeriod";
    /// <summary>A public notice (公示) of at least 5 working days, ended before ⑦ (default).</summary>
    public const string PublicNoticeRule = "Development.PublicNotice";
    /// <summary>Two introducers who are full members (DZ §5).</summary>
    public const string IntroducersRule = "Development.Introducers";
    /// <summary>A recorded relative of the candidate may not introduce them.</summary>
    public const string IntroducerNotRelativeRule = "Development.IntroducerNotRelative";
    /// <summary>⑩ is recorded only when the political review passed (XZ §16).</summary>
    public const string PoliticalReviewRule = "Development.PoliticalReviewPassed";
    /// <summary>Training of at least 24 学时 or 3 days (XZ §17).</summary>
    public const string TrainingRule = "Development.Training";
    /// <summary>⑮ and ㉓ reference a recorded vote of the candidate's branch general meeting, on the step's date.</summary>
    public const string BranchResolutionRule = "Development.BranchResolution";
    /// <summary>The upper committee approves admission within 3 months of ⑮, at most 6 when extended (XZ §25).</summary>
    public const string ApprovalWithinRule = "Development.ApprovalWithin";
    /// <summary>Probation is 1 year from the admission meeting (DZ §7): conversion is not discussed before it ends.</summary>
    public const string ProbationPeriodRule = "Development.ProbationPeriod";
    /// <summary>Probation may be extended once, by 6–12 months (DZ §7, XZ §32).</summary>
    public const string ProbationExtensionRule = "Development.ProbationExtension";
    /// <summary>The upper committee approves conversion within 3 months of ㉓ (XZ §33).</summary>
    public const string ConversionApprovalWithinRule = "Development.ConversionApprovalWithin";
    /// <summary>④ ⑧ ⑬ ⑯ ⑰ ⑱ ㉔ belong to the upper committee: done by its organization department, not the branch.</summary>
    public const string UpperCommitteeStepRule = "Development.UpperCommitteeStep";
    /// <summary>Nothing more is recorded for a candidate who was cancelled, withdrew, or whose file is complete.</summary>
    public const string CandidateOpenRule = "Development.CandidateOpen";

    /// <summary>The steps done by the upper committee (上级党委) or its organization department.</summary>
    public static readonly IReadOnlySet<int> UpperCommitteeSteps = new HashSet<int> { 4, 8, 13, 16, 17, 18, 24 };

    /// <summary>Steps that may be recorded more than once in a row: ⑥ (each half-yearly review) and ㉑.</summary>
    public static readonly IReadOnlySet<int> RepeatableSteps = new HashSet<int> { 6, 21 };

    public const int TalkStep = 2, ActivistStep = 3, ContactsStep = 5, ReviewStep = 6, TargetStep = 7, IntroducersStep = 9,
        PoliticalReviewStep = 10, TrainingStep = 11, AdmissionMeetingStep = 15, UpperTalkStep = 16, ApprovalStep = 17,
        ConversionMeetingStep = 23, ConversionApprovalStep = 24, ArchiveStep = 25;

    public static bool IsUpperCommitteeStep(int step) => UpperCommitteeSteps.Contains(step);

    public static bool IsStep(int step) => step is >= FirstStep and <= LastStep;

    /// <summary>The stage (1–5) a step belongs to.</summary>
    public static int StageOf(int step) => step switch
    {
        <= 2 => 1,
        <= 6 => 2,
        <= 11 => 3,
        <= 18 => 4,
        _ => 5,
    };

    /// <summary>The steps that may be recorded after <paramref name="current"/>.</summary>
    public static IReadOnlyList<int> NextSteps(int current) => current >= LastStep
        ? []
        : RepeatableSteps.Contains(current) ? [current, current + 1] : [current + 1];

    /// <summary>The step the candidate is at: stage 1 starts at ①, and the one after the last recorded.</summary>
    public static int NextStep(int current) => Math.Min(current + 1, LastStep);

    /// <summary>At least the minimum age on the day of application (the birthday itself counts).</summary>
    public static bool IsOldEnough(DateOnly birthDate, DateOnly appliedOn, DevelopmentRuleSet rules) =>
        birthDate.AddYears(rules.MinimumAgeYears.Value) <= appliedOn;

    public static DateOnly TalkDueOn(DateOnly appliedOn, DevelopmentRuleSet rules) => appliedOn.AddMonths(rules.TalkWithinMonths.Value);

    public static bool TalkIsLate(DateOnly appliedOn, DateOnly talkOn, DevelopmentRuleSet rules) => talkOn > TalkDueOn(appliedOn, rules);

    /// <summary>
    /// The first date by which a review was missing: walking from the activist date through the reviews to
    /// <paramref name="until"/>, no gap may exceed the review interval. Null when the reviews are complete.
    /// </summary>
    public static DateOnly? MissingReviewDue(DateOnly activistOn, IEnumerable<DateOnly> reviews, DateOnly until, DevelopmentRuleSet rules)
    {
        var last = activistOn;
        foreach (var r in reviews.Where(r => r <= until).Order())
        {
            var due = last.AddMonths(rules.ActivistReviewMonths.Value);
            if (r > due) return due;
            last = r;
        }
        var finalDue = last.AddMonths(rules.ActivistReviewMonths.Value);
        return until > finalDue ? finalDue : null;
    }

    public static DateOnly EarliestTargetOn(DateOnly activistOn, DevelopmentRuleSet rules) => activistOn.AddMonths(rules.ActivistPeriodMonths.Value);

    /// <summary>Monday to Friday from <paramref name="from"/> to <paramref name="to"/>, both included (no holiday calendar).</summary>
    public static int WorkingDays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n++;
        return n;
    }

    public static bool TrainingIsEnough(int? hours, int? days, DevelopmentRuleSet rules) =>
        (hours ?? 0) >= rules.TrainingHours.Value || (days ?? 0) >= rules.TrainingDays.Value;

    /// <summary>The last day the upper committee may approve admission: 3 months after ⑮, or the extended maximum.</summary>
    public static DateOnly ApprovalDeadline(DateOnly admissionMeetingOn, bool extended, DevelopmentRuleSet rules) =>
        admissionMeetingOn.AddMonths(extended ? rules.ApprovalWithinMonths.Max ?? rules.ApprovalWithinMonths.Value : rules.ApprovalWithinMonths.Value);

    /// <summary>The day probation ends: 1 year from the admission meeting, plus any extension (预备期满之日).</summary>
    public static DateOnly ProbationEndsOn(DateOnly admissionMeetingOn, int? extensionMonths, DevelopmentRuleSet rules) =>
        admissionMeetingOn.AddMonths(rules.ProbationMonths.Value + (extensionMonths ?? 0));

    public static bool ExtensionMonthsAllowed(int months, DevelopmentRuleSet rules) =>
        months >= rules.ProbationExtensionMonths.Value && months <= (rules.ProbationExtensionMonths.Max ?? rules.ProbationExtensionMonths.Value);

    public static DateOnly ConversionApprovalDeadline(DateOnly conversionMeetingOn, DevelopmentRuleSet rules) =>
        conversionMeetingOn.AddMonths(rules.ConversionApprovalWithinMonths.Value);

    /// <summary>Where a rule's number comes from, for the refusal message.</summary>
    public static string Cite(DevelopmentRuleSet rules, RuleNumber n) => $"{n.Source}; {rules.Version}";
}
