using Bastion.Organizations;

namespace Bastion.Coverage;

/// <summary>
/// A unit (单位) in the coverage register (全覆盖): an enterprise, social organization, village, community …
/// It belongs to the organization responsible for it — the township/street committee or the organization covering it.
/// </summary>
public class Unit : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The responsible organization; the data scope follows it.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public required string Name { get; set; }
    public UnitType UnitType { get; set; }
    /// <summary>统一社会信用代码 (GB 32100), upper case; optional (villages and communities often have none recorded).</summary>
    public string? CreditCode { get; set; }
    /// <summary>The credit code fails the GB 32100 check: kept, and shown as a warning (early codes exist that fail it).</summary>
    public bool CreditCodeWarning { get; set; }
    /// <summary>职工人数 (or residents, for villages and communities); null when unknown.</summary>
    public int? EmployeeCount { get; set; }
    /// <summary>党员人数 working in the unit.</summary>
    public int PartyMemberCount { get; set; }
    public CoverageKind Coverage { get; set; }
    /// <summary>The organization covering the unit (its own, the joint branch, or the instructor's), if any.</summary>
    public long? CoveringOrganizationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>How party organization and party work reach a unit.</summary>
public enum CoverageKind
{
    /// <summary>单独建立党组织</summary>
    OwnOrganization = 1,
    /// <summary>联合建立党组织</summary>
    JointBranch = 2,
    /// <summary>选派党建指导员 (party work only, no organization)</summary>
    PartyWorkOnly = 3,
    /// <summary>未覆盖</summary>
    NotCovered = 4,
}

/// <summary>Coverage rules (全覆盖).</summary>
public static class CoverageRules
{
    /// <summary>A unit with at least 3 full members should form its own branch (DOMAIN §2).</summary>
    public const int OwnBranchFromMembers = 3;

    /// <summary>组织覆盖: an organization (own or joint) covers the unit.</summary>
    public static bool HasOrganization(CoverageKind kind) => kind is CoverageKind.OwnOrganization or CoverageKind.JointBranch;

    /// <summary>工作覆盖: an organization or at least party work reaches the unit.</summary>
    public static bool HasPartyWork(CoverageKind kind) => kind is not CoverageKind.NotCovered;

    /// <summary>The share as a fraction 0–1; 0 when there is nothing to count.</summary>
    public static decimal Rate(int part, int total) => total == 0 ? 0m : Math.Round((decimal)part / total, 4, MidpointRounding.AwayFromZero);
}
