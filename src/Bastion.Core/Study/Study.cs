namespace Bastion.Study;

/// <summary>
/// 学习资料: an article (Markdown), a video or audio link, or a document, with its credit hours (学时) and the least time
/// a member must spend on it for it to count. Published by an organization for its subtree; visible to the publisher's
/// subtree and to the organizations above it (see <see cref="StudyQueries.VisibleMaterials"/>).
/// </summary>
public class StudyMaterial
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    /// <summary>The publisher's tree path, for the visibility filter.</summary>
    public required string PublisherPath { get; set; }
    public long? CampaignId { get; set; }
    public required string Title { get; set; }
    public MaterialKind Kind { get; set; }
    /// <summary>Markdown text of an article, or a short description of the others.</summary>
    public string? Body { get; set; }
    /// <summary>http(s) address of a video or audio.</summary>
    public string? Url { get; set; }
    /// <summary>The uploaded document (Attachment id, owner "StudyMaterial").</summary>
    public long? AttachmentId { get; set; }
    public double CreditHours { get; set; }
    /// <summary>Length in minutes: reading time of an article, running time of a video or audio, as given for a document.</summary>
    public int LengthMinutes { get; set; }
    /// <summary>Least minutes of study for the material to count, from the length and the rule set.</summary>
    public int MinimumMinutes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum MaterialKind { Article = 1, Video = 2, Audio = 3, Document = 4 }

/// <summary>学习教育活动 (e.g. 党史学习教育): groups materials over a period; assigned down the tree through a cascade.</summary>
public class StudyCampaign
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string PublisherPath { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>The cascade assigning the campaign to organizations below; their members are the assignees.</summary>
    public long? CascadeId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// One member's study of one material, timed by the server from start to finish. It counts (and credits the material's
/// hours) only when the time reaches the material's minimum, and only once per member and material.
/// </summary>
public class StudyRecord : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    /// <summary>The member's organization when the record was made.</summary>
    public long OrganizationId { get; set; }
    public long MaterialId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Minutes { get; set; }
    public bool Counted { get; set; }
    /// <summary>Hours credited (0 unless counted).</summary>
    public double Hours { get; set; }
    public int Year { get; set; }
}

/// <summary>
/// 集中培训: an offline session whose attendance credits hours. Not limited by the data scope: an attendee's ledger names
/// the session even when an organization above held it (the attendance rows are scoped).
/// </summary>
public class TrainingSession
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long? CampaignId { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Location { get; set; }
    /// <summary>Hours each attendee is credited (8 a full day, 4 a half day by default).</summary>
    public double Hours { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public class TrainingAttendance : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public long MemberId { get; set; }
    /// <summary>The member's organization.</summary>
    public long OrganizationId { get; set; }
    public double Hours { get; set; }
    public int Year { get; set; }
}
