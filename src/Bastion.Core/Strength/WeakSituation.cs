namespace Bastion.Strength;

/// <summary>
/// The situations that make a grassroots organization weak and lax (软弱涣散基层党组织, DOMAIN §8): the ten standard
/// ones and the common local additions. A warning points to the situation it signals; an identification lists those that apply.
/// </summary>
public enum WeakSituation
{
    /// <summary>班子不健全、书记长期缺职、工作处于停滞状态</summary>
    CommitteeIncomplete = 1,
    /// <summary>书记不胜任现职、工作不在状态</summary>
    SecretaryUnfit = 2,
    /// <summary>班子不团结、内耗严重</summary>
    CommitteeDisunited = 3,
    /// <summary>组织制度形同虚设、不开展组织活动</summary>
    NoActivities = 4,
    /// <summary>换届选举拉票贿选问题突出</summary>
    VoteBuying = 5,
    /// <summary>宗族宗教和黑恶势力干扰渗透</summary>
    Infiltration = 6,
    /// <summary>村务财务公开和民主管理混乱</summary>
    AffairsNotOpen = 7,
    /// <summary>社会治安问题和信访矛盾纠纷集中</summary>
    PublicOrderProblems = 8,
    /// <summary>无正常办公和服务场所</summary>
    NoFacilities = 9,
    /// <summary>服务意识差、服务能力弱，群众意见较大</summary>
    PoorService = 10,
    /// <summary>村霸 (local addition)</summary>
    VillageBully = 11,
    /// <summary>小微权力腐败 (local addition)</summary>
    PettyCorruption = 12,
    /// <summary>集体经济空壳 (local addition)</summary>
    NoCollectiveIncome = 13,
}
