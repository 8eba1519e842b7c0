using Bastion.Data;

namespace Bastion.Requests;

/// <summary>
/// A request (诉求) from a citizen or an enterprise. <see cref="OrganizationId"/> is the organization whose queue it is
/// in (its grid's organization, the one chosen, or the one a hand-over moved it to); an overdue request also shows in
/// the queue of <see cref="EscalatedToOrganizationId"/>, an ancestor, which the data scope already covers.
/// </summary>
public class ServiceRequest : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    /// <summary>The public tracking code: unguessable, short enough to type (see <see cref="TrackingCode"/>).</summary>
    public required string TrackingCode { get; set; }
    public required string CategoryCode { get; set; }
    public required string Description { get; set; }
    public string? AddressText { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? GridId { get; set; }
    /// <summary>The requester's contact (name, phone or e-mail), AES-GCM encrypted; null when none was given.</summary>
    public byte[]? ContactCipher { get; set; }
    public string? ContactMasked { get; set; }
    public RequestSource Source { get; set; }
    public ServiceRequestStatus Status { get; set; } = ServiceRequestStatus.Received;

    /// <summary>首问责任人: the user who took the request and owns it until another owner accepts a hand-over.</summary>
    public long? OwnerUserId { get; set; }
    public long? PendingHandoverToUserId { get; set; }
    public string? PendingHandoverReason { get; set; }
    public DateTime? PendingHandoverAt { get; set; }

    /// <summary>帮办代办: handled on behalf of the requester by <see cref="AgentMemberId"/>.</summary>
    public bool IsAgencyHandling { get; set; }
    public long? AgentMemberId { get; set; }

    /// <summary>The rule-set version that set the deadlines.</summary>
    public required string RuleSetVersion { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime FirstResponseDueAt { get; set; }
    public DateTime ResolutionDueAt { get; set; }
    public DateTime? FirstRespondedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>The answer the requester sees on the tracking page.</summary>
    public string? PublicAnswer { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTime? RatedAt { get; set; }
    public int ReopenCount { get; set; }
    /// <summary>How many levels up the tree the request has been escalated (0: not escalated).</summary>
    public int EscalationLevel { get; set; }
    public long? EscalatedToOrganizationId { get; set; }
    public DateTime? EscalatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpen => Status is ServiceRequestStatus.Received or ServiceRequestStatus.InProgress;
}

public enum ServiceRequestStatus
{
    /// <summary>待受理: in the queue, nobody has taken it.</summary>
    Received = 1,
    /// <summary>办理中: taken (or reopened), being handled.</summary>
    InProgress = 2,
    /// <summary>已答复: answered; the requester may rate or reopen it.</summary>
    Answered = 3,
    /// <summary>已办结</summary>
    Closed = 4,
}

public enum RequestSource
{
    /// <summary>The public intake page.</summary>
    Web = 1,
    /// <summary>An Open311 GeoReport v2 client.</summary>
    Open311 = 2,
    /// <summary>Recorded by staff (phone call, visit).</summary>
    Staff = 3,
}

/// <summary>One step of the request's timeline. Staff-only events never reach the tracking page.</summary>
public class RequestEvent
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public RequestEventKind Kind { get; set; }
    public DateTime At { get; set; }
    /// <summary>The acting user; null for the requester and the system.</summary>
    public long? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    /// <summary>The other user of a hand-over.</summary>
    public long? OtherUserId { get; set; }
    public long? OrganizationId { get; set; }
    public string? Text { get; set; }
    /// <summary>Shown on the public tracking page (with <see cref="Text"/>, never the actor).</summary>
    public bool IsPublic { get; set; }
}

public enum RequestEventKind
{
    Received = 1,
    Taken = 2,
    HandoverRequested = 3,
    HandoverAccepted = 4,
    HandoverDeclined = 5,
    Replied = 6,
    Note = 7,
    AgencyStarted = 8,
    AgencyStepDone = 9,
    Rated = 10,
    Reopened = 11,
    Closed = 12,
    Escalated = 13,
    Reminded = 14,
}

/// <summary>One step of a procedure handled on behalf of the requester (帮办代办).</summary>
public class AgencyStep
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int Sequence { get; set; }
    public required string Name { get; set; }
    public DateTime? DoneAt { get; set; }
    public long? DoneByUserId { get; set; }
    public string? Note { get; set; }
}
