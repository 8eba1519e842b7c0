using Bastion.Coverage;

namespace Bastion.Organizations;

/// <summary>The Chinese names workbooks use for organization and unit attributes (the UI has its own resources).</summary>
public static class ChineseNames
{
    public static readonly IReadOnlyDictionary<OrganizationKind, string> Kinds = new Dictionary<OrganizationKind, string>
    {
        [OrganizationKind.Committee] = "党委", [OrganizationKind.GeneralBranch] = "党总支", [OrganizationKind.Branch] = "党支部",
        [OrganizationKind.JointBranch] = "联合党支部", [OrganizationKind.Group] = "党小组",
    };

    public static readonly IReadOnlyDictionary<UnitType, string> UnitTypes = new Dictionary<UnitType, string>
    {
        [UnitType.Rural] = "农村", [UnitType.Community] = "社区", [UnitType.Organ] = "机关", [UnitType.PublicInstitution] = "事业单位",
        [UnitType.StateEnterprise] = "国有企业", [UnitType.PrivateEnterprise] = "非公企业", [UnitType.SocialOrganization] = "社会组织",
        [UnitType.School] = "学校", [UnitType.Joint] = "联合支部", [UnitType.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<CoverageKind, string> Coverage = new Dictionary<CoverageKind, string>
    {
        [CoverageKind.OwnOrganization] = "单独建立党组织", [CoverageKind.JointBranch] = "联合建立党组织",
        [CoverageKind.PartyWorkOnly] = "选派党建指导员", [CoverageKind.NotCovered] = "未覆盖",
    };

    public static string Status(OrganizationStatus s) => s == OrganizationStatus.Active ? "正常" : "已撤销";
}
