using Bastion.Data;

namespace Bastion.Discipline;

/// <summary>
/// A misconduct report (问题线索举报). <see cref="OrganizationId"/> is the receiving organization: the lowest
/// organization above every organization concerned (see <see cref="MisconductRouting"/>), so the data scope shows the
/// report to discipline staff there and above, and never to the organization concerned. Dates are days only
/// (<see cref="DateOnly"/>): nothing finer than the day is kept about when someone reported.
/// </summary>
public class MisconductReport : IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>受理机构: the receiving organization.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public required string TrackingCode { get; set; }
    /// <summary>SHA-256 of the reporter's secret; the secret itself is shown once and never stored.</summary>
    public required string SecretHash { get; set; }
    public MisconductCategory Category { get; set; }
    /// <summary>被反映的党组织: the organization the report is about.</summary>
    public long ConcernedOrganizationId { get; set; }
    /// <summary>被反映人: the member the report names, when the name matched one.</summary>
    public long? ConcernedMemberId { get; set; }
    /// <summary>The name as the reporter wrote it.</summary>
    public string? ConcernedPersonName { get; set; }
    /// <summary>What happened, in the reporter's words.</summary>
    public required string Account { get; set; }
    /// <summary>When it happened, as the reporter put it ("2026年3月", "去年春节前后").</summary>
    public string? HappenedWhen { get; set; }
    public bool IsAnonymous { get; set; }
    /// <summary>A named reporter's name and contact, AES-GCM encrypted; null for an anonymous report.</summary>
    public byte[]? ReporterCipher { get; set; }
    public string? ReporterMasked { get; set; }
    public MisconductStatus Status { get; set; } = MisconductStatus.Received;
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The date by which the report must be accepted or declined.</summary>
    public DateOnly DecideDueOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    /// <summary>初核 deadline, set on acceptance.</summary>
    public DateOnly? CheckDueOn { get; set; }
    public DateOnly? DisposedOn { get; set; }
    /// <summary>处置方式 after the preliminary check.</summary>
    public MisconductDisposition? Disposition { get; set; }
    /// <summary>办结 deadline, set on disposition.</summary>
    public DateOnly? CloseDueOn { get; set; }
    public MisconductOutcome? Outcome { get; set; }
    /// <summary>What the reporter reads on the tracking page: the reason for declining or the closing statement.</summary>
    public string? PublicStatement { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public required string RuleSetVersion { get; set; }
    public DateOnly UpdatedOn { get; set; }

    public bool IsOpen => Status is MisconductStatus.Received or MisconductStatus.UnderCheck or MisconductStatus.Disposed;

    /// <summary>The date the current step is due, or null when nothing is pending.</summary>
    public DateOnly? CurrentDueOn => Status switch
    {
        MisconductStatus.Received => DecideDueOn,
        MisconductStatus.UnderCheck => CheckDueOn,
        MisconductStatus.Disposed => CloseDueOn,
        _ => null,
    };
}

/// <summary>The categories of the eight-point rules and the "four winds" (四风), with the grassroots' own concerns.</summary>
public enum MisconductCategory
{
    /// <summary>违反中央八项规定精神</summary>
    EightPointRules = 1,
    /// <summary>形式主义</summary>
    Formalism = 2,
    /// <summary>官僚主义</summary>
    Bureaucratism = 3,
    /// <summary>享乐主义</summary>
    Hedonism = 4,
    /// <summary>奢靡之风</summary>
    Extravagance = 5,
    /// <summary>群众身边的不正之风和腐败问题</summary>
    CorruptionNearTheMasses = 6,
    /// <summary>形式主义、官僚主义加重基层负担</summary>
    BurdenOnTheGrassroots = 7,
    Other = 8,
}

public enum MisconductStatus
{
    /// <summary>待受理</summary>
    Received = 1,
    /// <summary>不予受理</summary>
    Declined = 2,
    /// <summary>已受理、初核中</summary>
    UnderCheck = 3,
    /// <summary>已处置、待办结</summary>
    Disposed = 4,
    /// <summary>已办结</summary>
    Closed = 5,
}

/// <summary>问题线索处置方式 (the four ways of handling a lead).</summary>
public enum MisconductDisposition
{
    /// <summary>谈话函询</summary>
    TalkOrLetter = 1,
    /// <summary>初步核实 → 立案审查</summary>
    Investigation = 2,
    /// <summary>暂存待查</summary>
    Shelved = 3,
    /// <summary>予以了结</summary>
    Concluded = 4,
}

public enum MisconductOutcome
{
    /// <summary>属实</summary>
    Substantiated = 1,
    /// <summary>部分属实</summary>
    PartlySubstantiated = 2,
    /// <summary>不属实</summary>
    NotSubstantiated = 3,
}

/// <summary>One step of a report's handling. Handler notes are never shown to the reporter; supplements come from the reporter.</summary>
public class MisconductReportEvent
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public MisconductEventKind Kind { get; set; }
    public DateOnly On { get; set; }
    /// <summary>The handler's display name; null for the reporter and the system.</summary>
    public string? HandlerName { get; set; }
    public string? Text { get; set; }
}

public enum MisconductEventKind
{
    Received = 1,
    Supplemented = 2,
    Accepted = 3,
    Declined = 4,
    CheckNote = 5,
    Disposed = 6,
    Closed = 7,
}
