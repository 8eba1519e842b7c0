using Bastion.Data;
using Bastion.Strength;

namespace Bastion.Rectification;

/// <summary>
/// 整顿案例: one rectification of a weak and lax organization (软弱涣散基层党组织, DOMAIN §8), from identification (认定)
/// through the plan (一村一策), rectification (整顿) and the acceptance check (验收) to closing (销号). Owned by the
/// organization rectified, so the data scope shows it to that organization's subtree and everyone above; the use cases
/// admit only users acting from above (<see cref="RectificationAccess"/>).
/// </summary>
public class RectificationCase : IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The organization identified as weak and lax.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public RectificationState State { get; set; } = RectificationState.Identified;
    /// <summary>The year of the screening (排查) the identification belongs to.</summary>
    public int Year { get; set; }
    public DateOnly IdentifiedOn { get; set; }
    /// <summary>The situations found, one bit per <see cref="WeakSituation"/> value (bit n for value n), so the ledger filters in SQL.</summary>
    public long SituationMask { get; set; }
    /// <summary>认定理由</summary>
    public required string Reason { get; set; }
    /// <summary>The warning codes the identification came from (e.g. "silent-branch"), comma-separated; null when none.</summary>
    public string? WarningCodes { get; set; }
    public required string IdentifiedBy { get; set; }

    // ---- the plan (一村一策 / 一支一策) ----
    public string? PlanText { get; set; }
    /// <summary>包联县级领导: name and post.</summary>
    public string? LeaderName { get; set; }
    public string? LeaderPost { get; set; }
    /// <summary>第一书记 (villages).</summary>
    public string? FirstSecretary { get; set; }
    /// <summary>工作队: the names of the work team (villages).</summary>
    public string? WorkTeam { get; set; }
    /// <summary>结对帮扶单位</summary>
    public string? PairedUnit { get; set; }
    public DateOnly? TargetOn { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? RectifyingSince { get; set; }

    // ---- the last acceptance check and closing ----
    public DateOnly? CheckedOn { get; set; }
    /// <summary>Whether a passed acceptance check (验收) is on record.</summary>
    public bool HasPassedCheck { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>销号 evidence in words; a file may come with it.</summary>
    public string? ClosingEvidence { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpen => State != RectificationState.Closed;

    public IReadOnlyList<WeakSituation> Situations => SituationBits.Situations(SituationMask);
}

public enum RectificationState
{
    /// <summary>已认定</summary>
    Identified = 1,
    /// <summary>已制定方案</summary>
    Planned = 2,
    /// <summary>整顿中</summary>
    Rectifying = 3,
    /// <summary>已验收</summary>
    Checked = 4,
    /// <summary>已销号</summary>
    Closed = 5,
}

/// <summary>整改措施: one measure of the plan, due on a date, completed with a date and a note.</summary>
public class RectificationStep : IOrganizationOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long OrganizationId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletionNote { get; set; }
}

/// <summary>整顿进展: a dated note of progress, with an optional evidence file (an <see cref="Attachments.Attachment"/> owned by the note).</summary>
public class RectificationNote : IOrganizationOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long OrganizationId { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>验收: one acceptance check. A failed check sends the case back to rectification; closing needs a passed one.</summary>
public class RectificationCheck : IOrganizationOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long OrganizationId { get; set; }
    public DateOnly CheckedOn { get; set; }
    /// <summary>验收主体: who checked (e.g. 县委组织部验收组).</summary>
    public required string Body { get; set; }
    public bool Passed { get; set; }
    public required string Opinion { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>One entry of the case's timeline: what was done, on which day, by whom.</summary>
public class RectificationEvent : IOrganizationOwned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long OrganizationId { get; set; }
    public RectificationEventKind Kind { get; set; }
    public DateOnly On { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string Actor { get; set; }
    public string? Text { get; set; }
}

public enum RectificationEventKind
{
    Identified = 1,
    Planned = 2,
    Started = 3,
    StepAdded = 4,
    StepCompleted = 5,
    Note = 6,
    CheckPassed = 7,
    CheckFailed = 8,
    Closed = 9,
}

/// <summary>Situations as bits of <see cref="RectificationCase.SituationMask"/>.</summary>
public static class SituationBits
{
    public static long Bit(WeakSituation s) => 1L << (int)s;

    public static long Mask(IEnumerable<WeakSituation> situations) => situations.Aggregate(0L, (m, s) => m | Bit(s));

    public static IReadOnlyList<WeakSituation> Situations(long mask) =>
        Enum.GetValues<WeakSituation>().Where(s => (mask & Bit(s)) != 0).ToList();
}
