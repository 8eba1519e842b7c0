using Bastion.Organizations;

namespace Bastion.Cascades;

/// <summary>
/// Something an organization sends down its tree for every target organization to act on by a date: a directive
/// (决策部署) or a study assignment. One row per cascade; one <see cref="CascadeTarget"/> per target organization.
/// Visible to the issuer's subtree and to every target (see <see cref="CascadeQueries.Visible"/>).
/// </summary>
public class Cascade
{
    public long Id { get; set; }
    public long IssuerOrganizationId { get; set; }
    public CascadeSubject Subject { get; set; }
    /// <summary>Title shown in inboxes and roll-ups (the subject's own title).</summary>
    public required string Title { get; set; }
    /// <summary>The default due date of every target.</summary>
    public DateOnly DueOn { get; set; }
    public TargetMode Mode { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum CascadeSubject
{
    /// <summary>决策部署落实</summary>
    Directive = 1,
    /// <summary>学习任务</summary>
    Study = 2,
}

/// <summary>How the targets were chosen.</summary>
public enum TargetMode
{
    /// <summary>Every active organization below the issuer (party groups excepted).</summary>
    Subtree = 1,
    /// <summary>Organizations below the issuer of the chosen kinds and/or unit types.</summary>
    Filter = 2,
    /// <summary>A hand-picked list of organizations below the issuer.</summary>
    List = 3,
}

/// <summary>
/// One organization's copy of a cascade, with its own due date and state. A target may pass the cascade further down:
/// the rows it creates point at it through <see cref="ParentTargetId"/> and carry its instructions.
/// </summary>
public class CascadeTarget : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long CascadeId { get; set; }
    /// <summary>The target organization.</summary>
    public long OrganizationId { get; set; }
    /// <summary>The target organization's region (distribution key).</summary>
    public long RegionId { get; set; }
    /// <summary>The organization that assigned this target: the issuer, or the target that passed it down.</summary>
    public long AssignedByOrganizationId { get; set; }
    public long? ParentTargetId { get; set; }
    /// <summary>Instructions added by whoever passed it down (null for the issuer's own targets).</summary>
    public string? Instructions { get; set; }
    public DateOnly DueOn { get; set; }
    public TargetState State { get; set; } = TargetState.NotStarted;
    /// <summary>Latest reported progress, 0–100.</summary>
    public int Percent { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    /// <summary>Why the last submission was returned.</summary>
    public string? ReturnReason { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: two people acting on the same target at once cannot both win.</summary>
    public int Version { get; set; }
}

public enum TargetState
{
    /// <summary>未开始</summary>
    NotStarted = 1,
    /// <summary>已签收</summary>
    Acknowledged = 2,
    /// <summary>落实中</summary>
    InProgress = 3,
    /// <summary>已报送 (awaiting the assigner's acceptance)</summary>
    Submitted = 4,
    /// <summary>已办结</summary>
    Completed = 5,
    /// <summary>已退回 (open again with the reason)</summary>
    Returned = 6,
}

/// <summary>The timeline of a target: acknowledgements, progress reports, submissions, acceptances, returns, passes down.</summary>
public class CascadeTargetEvent : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long TargetId { get; set; }
    /// <summary>The target's organization (scope).</summary>
    public long OrganizationId { get; set; }
    public TargetEventKind Kind { get; set; }
    public int? Percent { get; set; }
    /// <summary>A figure the assigner asked for (e.g. members reached), when it asked for one.</summary>
    public decimal? Number { get; set; }
    public string? Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum TargetEventKind
{
    Acknowledged = 1,
    Progress = 2,
    Submitted = 3,
    Accepted = 4,
    Returned = 5,
    PassedDown = 6,
    /// <summary>An overdue escalation was sent.</summary>
    Escalated = 7,
}

/// <summary>Which organizations a cascade targets; the ids, kinds and unit types are read for their mode only.</summary>
public sealed record TargetSelection
{
    public TargetMode? Mode { get; init; }
    public IReadOnlyList<OrganizationKind>? Kinds { get; init; }
    public IReadOnlyList<UnitType>? UnitTypes { get; init; }
    public IReadOnlyList<long>? OrganizationIds { get; init; }
}
