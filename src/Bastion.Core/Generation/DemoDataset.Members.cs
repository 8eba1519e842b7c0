using Bastion.Dues;
using Bastion.Members;
using Bastion.Organizations;
using Bogus;

namespace Bastion.Generation;

/// <summary>Member details (ethnicity, education, occupation, phone) and a year of dues in the first demo county.</summary>
public sealed partial class DemoDataset
{
    public List<MemberDuesBase> DuesBases { get; private set; } = [];
    public List<DuesPayment> DuesPayments { get; private set; } = [];

    private static readonly string[] MinorityEthnicities = ["壮族", "回族", "满族", "苗族", "土家族", "彝族", "蒙古族", "藏族", "维吾尔族", "畲族"];

    /// <summary>
    /// Fills the optional record fields from each member's age and the unit type of their organization. Uses its own
    /// random sequence (from the seed), so the organizations and members drawn before are unchanged.
    /// </summary>
    private void AssignMemberDetails(int seed)
    {
        var rnd = new Randomizer(seed ^ 0x5EED);
        var unitTypes = Organizations.ToDictionary(o => o.Id, o => o.UnitType);
        foreach (var m in Members)
        {
            var age = _today.Year - m.BirthDate.Year;
            var type = unitTypes.GetValueOrDefault(m.OrganizationId);
            m.Ethnicity = rnd.Number(0, 99) < 92 ? "汉族" : rnd.ArrayElement(MinorityEthnicities);
            m.Education = (type, age) switch
            {
                (UnitType.Rural, _) => rnd.Number(0, 9) < 6 ? Education.JuniorHighOrBelow : rnd.Number(0, 1) == 0 ? Education.HighSchool : Education.College,
                (UnitType.Organ or UnitType.PublicInstitution or UnitType.School, < 45) => rnd.Number(0, 9) < 3 ? Education.Postgraduate : Education.Bachelor,
                (_, < 40) => rnd.Number(0, 9) < 6 ? Education.Bachelor : Education.College,
                (_, < 60) => rnd.ArrayElement(new[] { Education.College, Education.Bachelor, Education.Vocational, Education.HighSchool }),
                _ => rnd.ArrayElement(new[] { Education.HighSchool, Education.Vocational, Education.JuniorHighOrBelow }),
            };
            m.Occupation = age >= 62 ? "离退休人员" : type switch
            {
                UnitType.Rural => rnd.Number(0, 9) < 8 ? "农民" : "村干部",
                UnitType.Community => "社区工作者",
                UnitType.Organ => "机关工作人员",
                UnitType.PublicInstitution => "事业单位工作人员",
                UnitType.School => "教师",
                UnitType.StateEnterprise => "国有企业职工",
                UnitType.PrivateEnterprise => rnd.Number(0, 9) < 2 ? "企业经营管理人员" : "企业职工",
                UnitType.SocialOrganization => "社会组织从业人员",
                _ => "其他职业",
            };
            // Most members have a mobile number on record; older ones less often.
            if (rnd.Number(0, 99) < (age >= 70 ? 60 : 95))
            {
                var phone = "1" + rnd.ArrayElement(new[] { "35", "38", "39", "50", "58", "77", "86", "88", "91" }) + rnd.Number(0, 99_999_999).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
                m.PhoneCipher = _pii.Encrypt(phone);
                m.PhoneMasked = MemberRules.MaskPhone(phone);
            }
        }
    }

    /// <summary>
    /// Dues in the townships of the demo secretaries' branches: each active member's declared category, and payments
    /// for the last twelve months (the rest of the county has no dues history, which keeps the first start quick).
    /// Most pay every month; about 1 in 12 is a few months behind and about 1 in 40 has paid nothing for over six
    /// months (the arrears list and the lapse warning show them). Amounts follow the rule set. Ids from the database.
    /// </summary>
    private void BuildDues(int seed)
    {
        var rnd = new Randomizer(seed ^ 0xD0E5);
        var rules = DuesRuleSet.Load();
        var townships = new[] { FirstVillageBranch, SecondVillageBranch }.OfType<Organization>()
            .Select(b => Organizations.First(o => o.Id == b.ParentId).Path).Distinct().ToList();
        var inCounty = Organizations.Where(o => townships.Any(t => o.Path.StartsWith(t, StringComparison.Ordinal))).ToDictionary(o => o.Id, o => o.UnitType);
        var lastMonth = DuesMonths.MonthOf(_today).AddMonths(-1);
        foreach (var m in Members.Where(m => m.Status == MemberStatus.Active && inCounty.ContainsKey(m.OrganizationId)))
        {
            var (category, @base) = m.Occupation switch
            {
                "农民" => (DuesCategory.Farmer, (decimal?)null),
                "离退休人员" => (DuesCategory.Retired, (decimal?)rnd.Number(25, 70) * 100),
                _ => (DuesCategory.Employed, (decimal?)rnd.Number(28, 120) * 100),
            };
            DuesBases.Add(new MemberDuesBase { MemberId = m.Id, Category = category, Base = @base, DeclaredOn = lastMonth.AddMonths(-11) });
            var amount = DuesCalculator.Quote(rules, category, @base).MonthlyAmount;
            var roll = rnd.Number(0, 119);
            var unpaidRecent = roll < 3 ? rnd.Number(7, 12) : roll < 13 ? rnd.Number(1, 4) : 0;
            for (var k = 11; k >= unpaidRecent; k--)
            {
                var month = lastMonth.AddMonths(-k);
                if (month < new DateOnly(m.JoinedOn.Year, m.JoinedOn.Month, 1)) continue;
                DuesPayments.Add(new DuesPayment
                {
                    MemberId = m.Id, OrganizationId = m.OrganizationId, RegionId = m.RegionId, Month = month, Amount = amount,
                    PaidOn = month.AddMonths(1).AddDays(rnd.Number(0, 20)), RecordedBy = "demo", RecordedAt = _now,
                });
            }
        }
    }
}
