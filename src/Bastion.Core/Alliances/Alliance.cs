namespace Bastion.Alliances;

/// <summary>
/// A joint-building alliance (联建共建) of organizations anywhere in the tree. It is visible to a user when its lead
/// or any member organization is in the user's scope, so it is deliberately not <see cref="Data.IOrganizationOwned"/>:
/// the queries in <see cref="AllianceQueries"/> apply that rule explicitly.
/// </summary>
public class Alliance
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public AllianceType Type { get; set; }
    /// <summary>牵头组织</summary>
    public long LeadOrganizationId { get; set; }
    /// <summary>The lead organization's region.</summary>
    public long RegionId { get; set; }
    public DateOnly FoundedOn { get; set; }
    /// <summary>共建协议 in brief.</summary>
    public string? AgreementSummary { get; set; }
    public AllianceStatus Status { get; set; } = AllianceStatus.Active;
    public DateOnly? EndedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An organization taking part in an alliance (the lead is a member too).</summary>
public class AllianceMember
{
    public long Id { get; set; }
    public long AllianceId { get; set; }
    public long OrganizationId { get; set; }
    public DateOnly JoinedOn { get; set; }
    /// <summary>Its part in the alliance, e.g. "牵头单位", "技术支持".</summary>
    public string? Role { get; set; }
}

/// <summary>A joint activity (共建活动) held by the alliance.</summary>
public class AllianceActivity
{
    public long Id { get; set; }
    public long AllianceId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public int ParticipantCount { get; set; }
    public long OrganizingOrganizationId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The kind of joint building.</summary>
public enum AllianceType
{
    /// <summary>产业链</summary>
    IndustryChain = 1,
    /// <summary>供应链</summary>
    SupplyChain = 2,
    /// <summary>创新链</summary>
    InnovationChain = 3,
    /// <summary>产学研</summary>
    IndustryUniversityResearch = 4,
    /// <summary>大中小企业</summary>
    LargeAndSmallEnterprise = 5,
    /// <summary>村企</summary>
    VillageEnterprise = 6,
    /// <summary>社区共建</summary>
    Community = 7,
    Other = 99,
}

public enum AllianceStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>Alliance rules (pure).</summary>
public static class AllianceRules
{
    public const int MinimumMembers = 2;

    /// <summary>An alliance joins at least two organizations (the lead counted).</summary>
    public static bool HasEnoughMembers(IEnumerable<long> memberIds) => memberIds.Distinct().Count() >= MinimumMembers;

    /// <summary>The ids listed more than once.</summary>
    public static IReadOnlyList<long> Duplicates(IEnumerable<long> ids) =>
        ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    /// <summary>Activities are recorded after they happen.</summary>
    public static bool IsNotInFuture(DateOnly heldOn, DateOnly today) => heldOn <= today;

    /// <summary>A member may leave only while at least <see cref="MinimumMembers"/> remain and the lead stays.</summary>
    public static bool MayRemove(long organizationId, long leadOrganizationId, int memberCount) =>
        organizationId != leadOrganizationId && memberCount > MinimumMembers;

    /// <summary>The start of the statistics window: the last 12 months, today included.</summary>
    public static DateOnly ActivityWindowStart(DateOnly today) => today.AddMonths(-12).AddDays(1);
}
