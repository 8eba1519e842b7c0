using Bastion.Cascades;

namespace Bastion.Directives;

/// <summary>
/// 决策部署: a decision an organization sends down for implementation (落实), carried by a <see cref="Cascade"/>.
/// Visible where its cascade is (the issuer's subtree and every target).
/// </summary>
public class Directive
{
    public long Id { get; set; }
    public long CascadeId { get; set; }
    public long IssuerOrganizationId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; always rendered through <see cref="Content.SafeMarkdown"/>.</summary>
    public required string Body { get; set; }
    /// <summary>The source document (文件名称及文号), e.g. "县委〔2026〕12号".</summary>
    public string? SourceDocument { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>What each target must report (free text).</summary>
    public required string ReportRequirements { get; set; }
    /// <summary>When set, a figure with this label is required with each submission (e.g. "参学党员人数").</summary>
    public string? NumberLabel { get; set; }
    /// <summary>A submission must carry at least one evidence file.</summary>
    public bool RequiresEvidence { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>督导: a supervision visit or check of one directive target, with findings and the rectification required.</summary>
public class SupervisionRecord : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long DirectiveId { get; set; }
    public long TargetId { get; set; }
    /// <summary>The supervised (target) organization.</summary>
    public long OrganizationId { get; set; }
    public SupervisionKind Kind { get; set; }
    public DateOnly CheckedOn { get; set; }
    public required string Supervisors { get; set; }
    public required string Findings { get; set; }
    /// <summary>Rectification (整改) required by this date; null when none is required.</summary>
    public DateOnly? RectifyBy { get; set; }
    public string? FollowUp { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum SupervisionKind
{
    /// <summary>实地督导</summary>
    Visit = 1,
    /// <summary>书面检查</summary>
    DocumentCheck = 2,
    /// <summary>暗访</summary>
    Unannounced = 3,
}

/// <summary>问责: an accountability action taken over one directive target, with its basis.</summary>
public class AccountabilityAction : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long DirectiveId { get; set; }
    public long TargetId { get; set; }
    public long OrganizationId { get; set; }
    public AccountabilityKind Kind { get; set; }
    /// <summary>Who is held accountable (a person or the organization), as written in the decision.</summary>
    public required string Subject { get; set; }
    /// <summary>依据: the rule or finding the action rests on.</summary>
    public required string Basis { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum AccountabilityKind
{
    /// <summary>提醒谈话</summary>
    ReminderTalk = 1,
    /// <summary>诫勉</summary>
    Admonishment = 2,
    /// <summary>通报批评</summary>
    CirculatedCriticism = 3,
    /// <summary>责令书面检查</summary>
    WrittenSelfCriticism = 4,
    /// <summary>组织处理</summary>
    OrganizationalHandling = 5,
    /// <summary>纪律处分 (decided by the discipline organs; recorded here)</summary>
    DisciplinarySanction = 6,
}

/// <summary>
/// 一岗双责: a committee member's party-building duties alongside their main duties, for one position held. The
/// secretary's list names them first responsible person (第一责任人).
/// </summary>
public class ResponsibilityList : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PositionId { get; set; }
    public int Year { get; set; }
    /// <summary>本职工作: the main duties of the post.</summary>
    public required string MainDuties { get; set; }
    /// <summary>党建责任: the party-building duties.</summary>
    public required string PartyBuildingDuties { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
