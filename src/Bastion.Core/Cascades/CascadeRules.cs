using System.Linq.Expressions;

namespace Bastion.Cascades;

/// <summary>The state machine of a cascade target and the buckets the roll-up counts.</summary>
public static class CascadeRules
{
    public const string WrongStateRule = "Cascades.WrongState";
    public const string NotAssignerRule = "Cascades.NotAssigner";
    public const string DueAfterParentRule = "Cascades.DueAfterParent";
    public const string NoTargetsRule = "Cascades.NoTargets";
    /// <summary>A study assignment's target state follows from its members' study (see Study.StudyTargets); nobody sets it.</summary>
    public const string DerivedStateRule = "Cascades.DerivedState";

    /// <summary>Open: the target still owes something (not submitted, not completed).</summary>
    public static bool IsOpen(TargetState state) => state is not (TargetState.Submitted or TargetState.Completed);

    /// <summary>Overdue: still open after its due date.</summary>
    public static bool IsOverdue(TargetState state, DateOnly dueOn, DateOnly today) => IsOpen(state) && dueOn < today;

    public static bool MayAcknowledge(TargetState state) => state == TargetState.NotStarted;

    /// <summary>Progress may be reported while open; a report also acknowledges.</summary>
    public static bool MayReportProgress(TargetState state) => IsOpen(state);

    public static bool MaySubmit(TargetState state) => IsOpen(state);

    /// <summary>Only a submission awaits the assigner's decision.</summary>
    public static bool MayDecide(TargetState state) => state == TargetState.Submitted;

    /// <summary>A target passes the cascade down while it is still open.</summary>
    public static bool MayPassDown(TargetState state) => IsOpen(state);

    public static bool IsValidPercent(int percent) => percent is >= 0 and <= 100;

    /// <summary>
    /// The exclusive bucket a target falls in on <paramref name="today"/>: completed, submitted (awaiting acceptance),
    /// overdue (open past its date), not started, or in progress (acknowledged, reporting, or returned).
    /// </summary>
    public static RollUpBucket Bucket(TargetState state, DateOnly dueOn, DateOnly today) => state switch
    {
        TargetState.Completed => RollUpBucket.Completed,
        TargetState.Submitted => RollUpBucket.Submitted,
        _ when dueOn < today => RollUpBucket.Overdue,
        TargetState.NotStarted => RollUpBucket.NotStarted,
        _ => RollUpBucket.InProgress,
    };

    /// <summary><see cref="IsOverdue"/> as a query expression (the same rule, for SQL).</summary>
    public static Expression<Func<CascadeTarget, bool>> Overdue(DateOnly today) =>
        t => t.State != TargetState.Submitted && t.State != TargetState.Completed && t.DueOn < today;
}

public enum RollUpBucket { Completed = 1, Submitted = 2, Overdue = 3, NotStarted = 4, InProgress = 5 }
