using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using Bogus;

namespace Bastion.Generation;

/// <summary>
/// Builds a realistic, deterministic organization tree with its members in memory (no I/O), so the same
/// rows can be loaded by <see cref="DemoLoader"/> or by any other loader for comparison.
/// A county has ~400 organizations and ~8,000 members; a city is 20 counties; a province 12 cities.
/// </summary>
public sealed partial class DemoDataset
{
    public List<Organization> Organizations { get; } = [];
    public List<Member> Members { get; } = [];
    public List<Coverage.Unit> Units { get; private set; } = [];
    public (List<Alliances.Alliance> Alliances, List<Alliances.AllianceMember> Members, List<Alliances.AllianceActivity> Activities) Alliances { get; private set; } = ([], [], []);

    /// <summary>Well-known organizations the demo accounts are bound to.</summary>
    public Organization Root => Organizations[0];
    public Organization FirstCounty { get; private set; } = null!;
    public Organization FirstVillageBranch { get; private set; } = null!;
    public Organization SecondVillageBranch { get; private set; } = null!;

    private readonly Randomizer _rnd;
    private readonly Faker _faker;
    private readonly PiiProtector _pii;
    private readonly DateOnly _today;
    private readonly DateTime _now;
    private long _nextOrgId;
    private long _nextMemberId;
    private int _residentSequence;

    private DemoDataset(int seed, PiiProtector pii, DateTime now, long firstOrgId, long firstMemberId)
    {
        _rnd = new Randomizer(seed);
        _faker = new Faker("zh_CN") { Random = _rnd };
        _pii = pii;
        _now = now;
        _today = DateOnly.FromDateTime(now);
        _nextOrgId = firstOrgId;
        _nextMemberId = firstMemberId;
    }

    public static DemoDataset Build(ScaleProfile scale, int seed, PiiProtector pii, DateTime now, long firstOrgId = 1, long firstMemberId = 1)
    {
        var d = new DemoDataset(seed, pii, now, firstOrgId, firstMemberId);
        var province = d.Org(null, "江北省委", OrganizationKind.Committee);
        for (var c = 0; c < scale.Cities; c++)
        {
            var cityName = Pick(CityNames, c);
            var city = d.Org(province, $"{cityName}市委", OrganizationKind.Committee);
            var organs = d.Org(city, $"{cityName}市直机关工委", OrganizationKind.Committee);
            foreach (var bureau in Bureaus.Take(d._rnd.Number(12, 18)))
                d.Branch(organs, $"{cityName}市{bureau}机关党支部", UnitShape.Organ);
            for (var k = 0; k < scale.CountiesPerCity; k++)
                d.County(city, c * scale.CountiesPerCity + k);
        }
        d.AssignOrganizationAttributes();
        d.AssignMemberDetails(seed);
        d.BuildDues(seed);
        d.BuildMovement(seed);
        d.BuildVillages(seed);
        d.BuildService(seed);
        d.Units = d.BuildUnits();
        d.Alliances = d.BuildAlliances();
        d.Positions = d.BuildPositions();
        d.Appraisals = d.BuildAppraisals(seed);
        d.Requests = d.BuildRequests([d.FirstCounty]);
        d.Households = d.BuildHouseholds();
        d.BuildMeetings();
        d.BuildDevelopment(seed);
        return d;
    }

    private enum UnitShape { Village, Community, Enterprise, School, Organ, SocialOrganization, StateEnterprise }

    private void County(Organization city, int index)
    {
        var name = Pick(CountyNames, index);
        var county = Org(city, $"{name}县委", OrganizationKind.Committee);
        FirstCounty ??= county;

        var organs = Org(county, $"{name}县直机关工委", OrganizationKind.Committee);
        foreach (var bureau in Bureaus.Take(_rnd.Number(18, 25)))
            Branch(organs, $"{name}县{bureau}机关党支部", UnitShape.Organ);

        var townships = _rnd.Number(9, 11);
        for (var t = 0; t < townships; t++)
        {
            var isStreet = t < 2;
            var town = Pick(TownNames, index * 11 + t);
            var township = Org(county, isStreet ? $"{town}街道党工委" : $"{town}镇党委", OrganizationKind.Committee);
            Branch(township, isStreet ? $"{town}街道机关党支部" : $"{town}镇机关党支部", UnitShape.Organ);
            var places = isStreet ? _rnd.Number(6, 9) : _rnd.Number(12, 17);
            for (var p = 0; p < places; p++)
            {
                var place = Pick(PlaceNames, index * 257 + t * 19 + p);
                if (isStreet)
                    Branch(township, $"{place}社区党支部", UnitShape.Community);
                else if (_rnd.Number(0, 9) == 0)
                {
                    var general = Org(township, $"{place}村党总支", OrganizationKind.GeneralBranch);
                    for (var s = 1; s <= _rnd.Number(2, 3); s++)
                        Branch(general, $"{place}村第{Ordinal(s)}党支部", UnitShape.Village);
                }
                else
                {
                    var branch = Branch(township, $"{place}村党支部", UnitShape.Village);
                    if (FirstVillageBranch is null) FirstVillageBranch = branch;
                    else SecondVillageBranch ??= branch;
                }
            }
            for (var e = 0; e < _rnd.Number(1, 3); e++)
                Branch(township, $"{_faker.Company.CompanyName()}党支部", UnitShape.Enterprise);
            Branch(township, $"{town}{(isStreet ? "小学" : "镇中心学校")}党支部", UnitShape.School);
        }

        var education = Org(county, $"{name}县教育系统党委", OrganizationKind.Committee);
        for (var s = 1; s <= _rnd.Number(8, 12); s++)
            Branch(education, s <= 3 ? $"{name}县第{Ordinal(s)}中学党支部" : $"{name}县{Pick(PlaceNames, index * 31 + s)}小学党支部", UnitShape.School);

        var soe = Org(county, $"{name}县国有企业党委", OrganizationKind.Committee);
        var group = Org(soe, $"{name}县城投集团党总支", OrganizationKind.GeneralBranch);
        for (var s = 1; s <= 3; s++) Branch(group, $"{name}县城投集团第{Ordinal(s)}党支部", UnitShape.StateEnterprise);
        Branch(soe, $"{name}县供水公司党支部", UnitShape.StateEnterprise);
        Branch(soe, $"{name}县农商银行党支部", UnitShape.StateEnterprise);

        var twoNew = Org(county, $"{name}县非公有制经济组织和社会组织党委", OrganizationKind.Committee);
        for (var e = 0; e < _rnd.Number(10, 16); e++)
            Branch(twoNew, $"{_faker.Company.CompanyName()}党支部", UnitShape.Enterprise);
        for (var j = 1; j <= 2; j++)
            Org(twoNew, $"{name}县{Pick(PlaceNames, index * 7 + j)}商圈联合党支部", OrganizationKind.JointBranch, members: _rnd.Number(6, 12));
        foreach (var social in SocialOrganizations.Take(_rnd.Number(3, 5)))
            Branch(twoNew, $"{name}县{social}党支部", UnitShape.SocialOrganization);
    }

    private Organization Branch(Organization parent, string name, UnitShape shape)
    {
        var (min, max) = shape switch
        {
            UnitShape.Village => (12, 55),
            UnitShape.Community => (20, 60),
            UnitShape.Enterprise => (3, 25),
            UnitShape.School => (10, 40),
            UnitShape.Organ => (8, 35),
            UnitShape.SocialOrganization => (3, 9),
            _ => (15, 45),
        };
        var branch = Org(parent, name, OrganizationKind.Branch, members: _rnd.Number(min, max));
        // Larger branches split their members into party groups (党小组).
        if (shape is UnitShape.Village or UnitShape.Community && _rnd.Number(0, 2) == 0)
            for (var g = 1; g <= _rnd.Number(2, 3); g++)
                Org(branch, $"第{Ordinal(g)}党小组", OrganizationKind.Group);
        return branch;
    }

    private Organization Org(Organization? parent, string name, OrganizationKind kind, int members = 0)
    {
        var org = new Organization { Id = _nextOrgId++, Name = name, Kind = kind, CreatedAt = _now };
        org.PlaceUnder(parent);
        Organizations.Add(org);
        for (var i = 0; i < members; i++) Members.Add(NewMember(org));
        return org;
    }

    private Member NewMember(Organization org)
    {
        var gender = _rnd.Number(0, 99) < 72 ? Gender.Male : Gender.Female;
        var birth = _today.AddDays(-_rnd.Number(20 * 365, 85 * 365));
        var adult = birth.AddYears(18);
        var joined = adult.AddDays(_rnd.Number(0, Math.Max(1, _today.DayNumber - adult.DayNumber - 1)));
        var probationary = _rnd.Number(0, 99) < 3;
        if (probationary) joined = _today.AddDays(-_rnd.Number(10, 360));
        if (joined <= adult) joined = adult.AddDays(1);
        // Probation lasts a year from admission (DOMAIN §3): anyone admitted within the last year is still probationary.
        if (joined.AddYears(1) > _today) probationary = true;
        // Each number is unique by construction: the counter runs through the sequence digits, then the area code.
        // The sequence's last digit is odd for men and even for women (GB 11643).
        var n = _residentSequence++;
        var sequence = n % 500 * 2 + (gender == Gender.Male ? 1 : 0);
        var area = "3" + (n / 500 % 100000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
        var residentId = ResidentId.Compose(area, birth, sequence);
        return new Member
        {
            Id = _nextMemberId++,
            OrganizationId = org.Id,
            RegionId = org.RegionId,
            Name = ChineseName(gender),
            Gender = gender,
            BirthDate = birth,
            ResidentIdCipher = _pii.Encrypt(residentId),
            ResidentIdHash = _pii.LookupHash(residentId),
            ResidentIdMasked = ResidentId.Mask(residentId),
            Category = probationary ? MemberCategory.Probationary : MemberCategory.Full,
            JoinedOn = joined,
            FullOn = probationary ? null : joined.AddYears(1),
            CreatedAt = _now,
        };
    }

    private string ChineseName(Gender gender) => ChineseName(_rnd, gender);

    /// <summary>A name drawn from <paramref name="rnd"/> (parts built after the tree use their own sequence).</summary>
    private static string ChineseName(Randomizer rnd, Gender gender)
    {
        var given = gender == Gender.Male ? MaleGiven : FemaleGiven;
        var first = rnd.ArrayElement(given);
        return rnd.ArrayElement(Surnames) + (rnd.Number(0, 3) == 0 ? first : first + rnd.ArrayElement(given));
    }

    private static string Pick(string[] names, int index) =>
        index < names.Length ? names[index] : names[index % names.Length] + Ordinal(index / names.Length + 1);

    private static string Ordinal(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九", 10 => "十",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡"];
    private static readonly string[] MaleGiven =
        ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇",
         "浩", "凯", "健", "俊", "帆", "建国", "志强", "国庆", "海", "峰", "林", "东", "文", "亮", "成", "德", "兵", "春", "晨", "博"];
    private static readonly string[] FemaleGiven =
        ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "玲", "桂英", "丹", "萍", "红", "琳", "燕", "慧", "莉", "颖", "婷",
         "雪", "倩", "洁", "梅", "琴", "云", "兰", "凤", "佳", "欣", "月", "晶", "璐", "薇", "怡", "玉", "蓉", "悦", "晓", "彤"];
    private static readonly string[] CityNames = ["清河", "临川", "沧澜", "北原", "望海", "青州", "云阳", "安澜", "东陵", "西平", "南溪", "凤台"];
    private static readonly string[] CountyNames =
        ["安平", "永宁", "长乐", "兴隆", "太和", "福山", "景川", "宁远", "广德", "顺义", "和平", "丰泽", "崇文", "德化", "昌乐",
         "华容", "嘉禾", "宜阳", "信丰", "瑞安"];
    private static readonly string[] TownNames =
        ["城关", "东城", "西关", "柳林", "桃园", "新集", "白马", "石桥", "黄庄", "高岭", "李家", "红旗", "大王", "清泉", "马坊",
         "杨柳", "沙河", "龙门", "金山", "青山", "双井", "南营", "北寨"];
    private static readonly string[] PlaceNames =
        ["东风", "前进", "胜利", "幸福", "团结", "和平", "光明", "红星", "新华", "建设", "朝阳", "丰收", "向阳", "永安", "太平",
         "长青", "兴旺", "富民", "五里铺", "三官庙", "王家庄", "李家屯", "张庄", "刘集", "陈楼", "杨湾", "赵庄", "周家", "吴店",
         "郭村", "孙桥", "马营", "朱坡", "胡寨", "何湾", "高庄", "林场", "罗营", "梁庄", "宋楼", "唐庄", "韩屯", "冯庄", "邓湾",
         "曹营", "彭集", "曾家", "肖庄", "田湾", "董庄", "袁集", "潘庄", "于庄", "蒋湾", "蔡庄", "柳树", "槐树", "枣林", "杏园"];
    private static readonly string[] Bureaus =
        ["组织部", "宣传部", "财政局", "教育局", "公安局", "民政局", "人社局", "自然资源局", "住建局", "交通运输局", "水利局",
         "农业农村局", "商务局", "文旅局", "卫健委", "应急管理局", "审计局", "市场监管局", "统计局", "医保局", "信访局",
         "退役军人事务局", "生态环境局", "司法局", "发改局"];
    private static readonly string[] SocialOrganizations = ["律师协会", "个体劳动者协会", "物流协会", "社会工作服务中心", "志愿者协会"];
}
