using Bastion.Alliances;
using Bastion.Organizations;

namespace Bastion.Generation;

/// <summary>Joint-building alliances (联建共建) in the first demo county, built from the generated organizations.</summary>
public sealed partial class DemoDataset
{
    /// <summary>
    /// A few realistic alliances in <see cref="FirstCounty"/>: village–enterprise, 产学研 with the county's schools,
    /// a street community alliance and a large-and-small-enterprise one led by the state-owned group, each with a
    /// history of joint activities over the last 18 months. Call after <see cref="Build"/>. Deterministic (does not draw
    /// from the generator's random sequence). Ids are assigned here, starting at 1, so child rows can refer to them:
    /// the loader must move the PostgreSQL sequences of Alliances, AllianceMembers and AllianceActivities afterwards.
    /// An alliance whose organizations the scale profile did not generate is left out.
    /// </summary>
    public (List<Alliance> Alliances, List<AllianceMember> Members, List<AllianceActivity> Activities) BuildAlliances()
    {
        var alliances = new List<Alliance>();
        var members = new List<AllianceMember>();
        var activities = new List<AllianceActivity>();
        var county = FirstCounty;
        var inCounty = Organizations.Where(o => o.Path.StartsWith(county.Path, StringComparison.Ordinal) && o.Id != county.Id).ToList();
        Organization? Find(Func<Organization, bool> match, int skip = 0) => inCounty.Where(match).Skip(skip).FirstOrDefault();
        bool Named(Organization o, string end) => o.Name.EndsWith(end, StringComparison.Ordinal);
        var twoNew = Find(o => o.Name.Contains("非公有制经济组织和社会组织党委", StringComparison.Ordinal));
        bool Enterprise(Organization o) => twoNew is not null && o.ParentId == twoNew.Id && o.Kind == OrganizationKind.Branch
            && o.UnitType == UnitType.PrivateEnterprise;

        void Add(string name, AllianceType type, int foundedMonthsAgo, string agreement, (Organization? Org, string Role)[] parts, (string Title, string Summary, int Participants)[] events)
        {
            if (parts.Any(p => p.Org is null)) return;
            var founded = _today.AddMonths(-foundedMonthsAgo);
            var alliance = new Alliance
            {
                Id = alliances.Count + 1, Name = name, Type = type, LeadOrganizationId = parts[0].Org!.Id, RegionId = parts[0].Org!.RegionId,
                FoundedOn = founded, AgreementSummary = agreement, CreatedAt = _now,
            };
            alliances.Add(alliance);
            foreach (var (org, role) in parts)
                members.Add(new AllianceMember { Id = members.Count + 1, AllianceId = alliance.Id, OrganizationId = org!.Id, JoinedOn = founded, Role = role });
            for (var i = 0; i < events.Length; i++)
            {
                // Spread over the alliance's life, latest a few weeks ago; organizers take turns.
                var heldOn = _today.AddDays(-(20 + i * Math.Max(25, foundedMonthsAgo * 30 / (events.Length + 1))));
                if (heldOn < founded) heldOn = founded;
                activities.Add(new AllianceActivity
                {
                    Id = activities.Count + 1, AllianceId = alliance.Id, HeldOn = heldOn, Title = events[i].Title, Summary = events[i].Summary,
                    ParticipantCount = events[i].Participants, OrganizingOrganizationId = parts[i % parts.Length].Org!.Id, CreatedAt = _now,
                });
            }
        }

        var village = FirstVillageBranch is { } v && v.Path.StartsWith(county.Path, StringComparison.Ordinal) ? v : Find(o => Named(o, "村党支部"));
        Add($"{village?.Name.Replace("党支部", "", StringComparison.Ordinal)}·村企联建", AllianceType.VillageEnterprise, 20,
            "企业吸纳村民就业、收购农产品，村集体提供场地与劳务；双方党员结对，每季度开展一次联合主题党日。",
            [(village, "牵头村"), (Find(Enterprise), "结对企业"), (Find(o => Named(o, "农商银行党支部")), "金融支持")],
            [("村企联建签约暨联合主题党日", "签订共建协议，明确用工、收购和帮扶事项。", 36),
             ("农产品产销对接会", "企业与种植大户对接，落实订单收购。", 42),
             ("党员助农直播带货", "企业电商团队帮助村里直播销售农产品。", 18),
             ("“整村授信”金融服务进村", "农商银行为农户集中评级授信。", 55),
             ("联合主题党日：重温入党誓词", "村企党员共同学习、结对走访困难户。", 30)]);

        Add($"{county.Name.Replace("县委", "", StringComparison.Ordinal)}县产学研党建联盟", AllianceType.IndustryUniversityResearch, 14,
            "学校与企业共建实践基地，企业技术骨干进校园授课，教师参与企业技术攻关。",
            [(Find(o => Named(o, "第一中学党支部")), "牵头学校"), (Find(o => Named(o, "第二中学党支部")), "成员学校"),
             (Find(Enterprise, 1), "实践基地"), (Find(o => Named(o, "科技局机关党支部") || Named(o, "教育局机关党支部")), "业务指导")],
            [("产学研党建联盟成立大会", "签订共建协议，为实践基地授牌。", 60),
             ("企业开放日：走进生产一线", "师生参观企业车间，技术骨干讲解工艺。", 85),
             ("科技创新辅导讲座", "企业工程师进校园开展科技创新辅导。", 120),
             ("联合党课：科技自立自强", "学校与企业党员共上一堂党课。", 46)]);

        var community = Find(o => Named(o, "社区党支部"));
        var street = community is null ? null : Organizations.FirstOrDefault(o => o.Id == community.ParentId);
        Add($"{community?.Name.Replace("党支部", "", StringComparison.Ordinal)}共建联盟", AllianceType.Community, 10,
            "驻区单位认领服务项目，党员到社区报到，共同开展便民服务和环境整治。",
            [(community, "牵头社区"), (street is null ? null : Find(o => o.ParentId == street.Id && Named(o, "机关党支部")), "街道机关"),
             (street is null ? null : Find(o => o.ParentId == street.Id && Named(o, "小学党支部")), "驻区学校"), (Find(o => Named(o, "供水公司党支部")), "驻区单位")],
            [("在职党员进社区报到", "驻区单位党员到社区报到并认领服务岗位。", 64),
             ("便民服务日", "义诊、水电维修、法律咨询进小区。", 48),
             ("老旧小区环境整治", "党员志愿者清理楼道、修补供水管网。", 37)]);

        Add($"{county.Name.Replace("县委", "", StringComparison.Ordinal)}县大中小企业党建联盟", AllianceType.LargeAndSmallEnterprise, 8,
            "国有企业带动中小企业：共享供应链资源、联合培训党务干部。",
            [(Find(o => Named(o, "城投集团第一党支部")), "牵头企业"), (Find(Enterprise, 2), "成员企业"), (Find(Enterprise, 3), "成员企业")],
            [("党务干部联合培训", "集中培训党务工作者，交流党建经验。", 28),
             ("供应链对接座谈会", "中小企业与集团对接采购需求。", 22)]);

        return (alliances, members, activities);
    }
}
