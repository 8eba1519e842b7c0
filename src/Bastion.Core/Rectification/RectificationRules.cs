using System.Text.RegularExpressions;
using Bastion.Shared;
using Bastion.Strength;

namespace Bastion.Rectification;

/// <summary>The rules of a rectification case's life, pure. Each broken rule is named.</summary>
public static partial class RectificationRules
{
    public const int MaxText = 4000;
    public const int MaxShort = 500;
    public const int MaxName = 100;
    public const int MaxSteps = 50;
    public const int MaxWarningCodes = 10;

    /// <summary>An organization has at most one open case: identifying it again waits for the closing (销号).</summary>
    public const string OneOpenCaseRule = "Rectification.OneOpenCase";
    /// <summary>Identification and every step after it are done from above: the organization department (or an administrator) of an organization above.</summary>
    public const string ActorAboveRule = "Rectification.ActorAbove";
    /// <summary>A plan (一村一策) lists at least one measure (整改措施) with its due date.</summary>
    public const string PlanNeedsStepsRule = "Rectification.PlanNeedsSteps";
    /// <summary>Identified → Planned → Rectifying → Checked → Closed, none skipped; a failed check goes back to Rectifying.</summary>
    public const string StateOrderRule = "Rectification.StateOrder";
    /// <summary>What was done (completed measures, notes, checks, closing, the identification) is dated today or earlier.</summary>
    public const string DateNotInFutureRule = "Rectification.DateNotInFuture";
    /// <summary>Nothing is dated before the identification, and the closing not before the acceptance check.</summary>
    public const string DateOrderRule = "Rectification.DateOrder";
    /// <summary>A measure is completed once.</summary>
    public const string StepCompletedOnceRule = "Rectification.StepCompletedOnce";
    /// <summary>The acceptance check (验收) comes when every measure is completed.</summary>
    public const string CheckAfterStepsRule = "Rectification.CheckAfterSteps";
    /// <summary>Closing (销号) needs a passed acceptance check on record.</summary>
    public const string CloseNeedsPassedCheckRule = "Rectification.CloseNeedsPassedCheck";

    public static string Clean(string? text) =>
        new((text ?? "").Trim().Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());

    public static string? CleanOrNull(string? text) => Clean(text) is { Length: > 0 } t ? t : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,59}$")]
    private static partial Regex WarningCode();

    /// <summary>Warning codes as given (trimmed, lower-case, distinct), or the field's error.</summary>
    public static IReadOnlyList<string> WarningCodes(IEnumerable<string?>? codes, out string? error)
    {
        error = null;
        var list = (codes ?? []).Select(c => (c ?? "").Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (list.Count > MaxWarningCodes) error = $"At most {MaxWarningCodes} warning codes.";
        else if (list.FirstOrDefault(c => !WarningCode().IsMatch(c)) is { } bad)
            error = $"The warning code '{bad}' is not a code: lower-case letters, digits, '.', '_' and '-', at most 60.";
        return list;
    }

    public static bool ValidSituations(IReadOnlyCollection<WeakSituation> situations) =>
        situations.Count > 0 && situations.All(Enum.IsDefined);

    public static void EnsureDone(DateOnly date, DateOnly today, DateOnly identifiedOn, string what)
    {
        if (date > today)
            throw new DomainRuleException(DateNotInFutureRule, $"{what} is dated {date:yyyy-MM-dd}, in the future; record it once it has happened.");
        if (date < identifiedOn)
            throw new DomainRuleException(DateOrderRule, $"{what} is dated {date:yyyy-MM-dd}, before the identification on {identifiedOn:yyyy-MM-dd}.");
    }

    public static void EnsureState(RectificationCase c, RectificationState expected, string action)
    {
        if (c.State != expected)
            throw new DomainRuleException(StateOrderRule,
                $"The case is {c.State}; {action} comes when it is {expected} (Identified → Planned → Rectifying → Checked → Closed).");
    }

    public static void Plan(RectificationCase c, DateOnly today)
    {
        EnsureState(c, RectificationState.Identified, "the plan");
        c.State = RectificationState.Planned;
        c.PlannedOn = today;
    }

    public static void Start(RectificationCase c, DateOnly on, DateOnly today)
    {
        EnsureState(c, RectificationState.Planned, "starting the rectification");
        EnsureDone(on, today, c.IdentifiedOn, "The start of the rectification");
        c.State = RectificationState.Rectifying;
        c.RectifyingSince = on;
    }

    public static void CompleteStep(RectificationCase c, RectificationStep step, DateOnly on, DateOnly today)
    {
        EnsureState(c, RectificationState.Rectifying, "completing a measure");
        if (step.CompletedOn is not null)
            throw new DomainRuleException(StepCompletedOnceRule, $"Measure {step.Number} was completed on {step.CompletedOn:yyyy-MM-dd} already.");
        EnsureDone(on, today, c.IdentifiedOn, $"Completing measure {step.Number}");
        step.CompletedOn = on;
    }

    /// <summary>Records the check's outcome on the case: passed → Checked; failed → back to Rectifying.</summary>
    public static void Check(RectificationCase c, int openSteps, DateOnly on, bool passed, DateOnly today)
    {
        EnsureState(c, RectificationState.Rectifying, "the acceptance check (验收)");
        if (openSteps > 0)
            throw new DomainRuleException(CheckAfterStepsRule, $"{openSteps} measure(s) of the plan are not completed; the acceptance check comes after every measure is done.");
        EnsureDone(on, today, c.IdentifiedOn, "The acceptance check");
        c.CheckedOn = on;
        if (passed)
        {
            c.State = RectificationState.Checked;
            c.HasPassedCheck = true;
        }
        else
        {
            c.State = RectificationState.Rectifying;
            c.HasPassedCheck = false;
        }
    }

    public static void Close(RectificationCase c, DateOnly on, DateOnly today)
    {
        if (c.State == RectificationState.Closed)
            throw new DomainRuleException(StateOrderRule, $"The case was closed on {c.ClosedOn:yyyy-MM-dd} already.");
        if (!c.HasPassedCheck || c.State != RectificationState.Checked)
            throw new DomainRuleException(CloseNeedsPassedCheckRule,
                "A case is closed (销号) only after a passed acceptance check (验收) is on record; record the check first.");
        EnsureDone(on, today, c.IdentifiedOn, "The closing");
        if (c.CheckedOn is { } checkedOn && on < checkedOn)
            throw new DomainRuleException(DateOrderRule, $"The closing is dated {on:yyyy-MM-dd}, before the acceptance check on {checkedOn:yyyy-MM-dd}.");
        c.State = RectificationState.Closed;
        c.ClosedOn = on;
    }

    /// <summary>A measure is overdue when it is not completed and its due date has passed, while the case is open.</summary>
    public static bool IsOverdue(RectificationStep s, RectificationState state, DateOnly today) =>
        s.CompletedOn is null && s.DueOn < today && state != RectificationState.Closed;
}
