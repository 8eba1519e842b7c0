using System.Globalization;
using Bastion.Coverage;
using Bastion.Organizations;

namespace Bastion.Generation;

/// <summary>The coverage register (全覆盖) and organization attributes of the demo tree: built from the generated organizations.</summary>
public sealed partial class DemoDataset
{
    private static readonly string[] SmallFirmSuffixes = ["商贸有限公司", "电子商务有限公司", "物流有限公司", "餐饮管理有限公司", "建材经营部", "农业专业合作社", "网络科技有限公司", "家政服务有限公司"];
    private static readonly string[] SocialUnitNames = ["老年人协会", "红白理事会", "慈善会", "青年创业协会", "养老服务中心", "社会工作服务站", "文化艺术团"];

    /// <summary>
    /// Units for every township/street committee and every county 两新 committee of the generated tree: each village,
    /// community and enterprise with its own branch (covered by it), small enterprises covered by the county's joint
    /// branches, some reached only by a party-building instructor, and some not covered at all (a few with ≥ 3 members).
    /// Call after <see cref="Build"/>; ids are left to the database. Enterprise credit codes pass the GB 32100 check,
    /// except about one in forty, which fails it as some early codes do.
    /// </summary>
    public List<Unit> BuildUnits()
    {
        var units = new List<Unit>();
        var byParent = Organizations.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var counties = Organizations.Where(o => o.Name.EndsWith("县委", StringComparison.Ordinal)).ToList();
        for (var c = 0; c < counties.Count; c++)
        {
            var county = counties[c];
            var division = CountyDivisionCode(c);
            foreach (var child in byParent[county.Id])
            {
                if (child.Name.EndsWith("镇党委", StringComparison.Ordinal) || child.Name.EndsWith("街道党工委", StringComparison.Ordinal))
                    TownshipUnits(units, child, byParent, division);
                else if (child.Name.Contains("非公有制经济组织和社会组织", StringComparison.Ordinal))
                    TwoNewUnits(units, child, byParent, division);
            }
        }
        return units;
    }

    /// <summary>
    /// Fills the attributes the structure findings read: unit type (from the shape each name was built with), GB/T 2260
    /// division codes per county, founding dates and committee terms — most current, some due soon, a few overdue.
    /// </summary>
    public void AssignOrganizationAttributes()
    {
        var countyIndex = -1;
        string? division = null;
        foreach (var org in Organizations.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            if (org.Name.EndsWith("县委", StringComparison.Ordinal)) division = CountyDivisionCode(++countyIndex);
            else if (org.Depth <= 1) division = null;
            org.DivisionCode = division;
            org.UnitType = UnitTypeOf(org);
            if (org.Kind == OrganizationKind.Group) continue;
            org.FoundedOn = _today.AddDays(-_rnd.Number(5 * 365, 50 * 365));
            var years = CommitteeTerm.DefaultYears(org.Kind, org.UnitType) ?? 3;
            // Most terms began within their length; about one in twelve is overdue by up to 18 months.
            var daysAgo = _rnd.Number(0, 11) == 0 ? years * 365 + _rnd.Number(10, 540) : _rnd.Number(30, years * 365 - 10);
            var start = _today.AddDays(-daysAgo);
            org.TermStartedOn = start < org.FoundedOn ? org.FoundedOn : start;
        }
    }

    private void TownshipUnits(List<Unit> units, Organization township, ILookup<long, Organization> byParent, string division)
    {
        foreach (var branch in byParent[township.Id])
        {
            var name = branch.Name;
            if (name.Contains("村党", StringComparison.Ordinal))
                units.Add(NewUnit(township, name[..name.IndexOf("村党", StringComparison.Ordinal)] + "村民委员会", UnitType.Rural, null,
                    _rnd.Number(600, 3000), _rnd.Number(20, 60), CoverageKind.OwnOrganization, branch));
            else if (name.EndsWith("社区党支部", StringComparison.Ordinal))
                units.Add(NewUnit(township, name.Replace("党支部", "居民委员会", StringComparison.Ordinal), UnitType.Community, null,
                    _rnd.Number(2000, 9000), _rnd.Number(20, 60), CoverageKind.OwnOrganization, branch));
            else if (UnitTypeOf(branch) == UnitType.PrivateEnterprise)
                units.Add(NewUnit(township, name.Replace("党支部", "", StringComparison.Ordinal), UnitType.PrivateEnterprise, EnterpriseCode(division),
                    _rnd.Number(30, 400), _rnd.Number(3, 25), CoverageKind.OwnOrganization, branch));
        }
        // Small firms in the township: an instructor for some, nothing yet for others.
        var town = township.Name.Replace("街道党工委", "", StringComparison.Ordinal).Replace("镇党委", "", StringComparison.Ordinal);
        for (var i = 0; i < _rnd.Number(3, 6); i++)
        {
            var members = _rnd.Number(0, 9) < 2 ? _rnd.Number(3, 5) : _rnd.Number(0, 2);
            var coverage = _rnd.Number(0, 2) == 0 ? CoverageKind.PartyWorkOnly : CoverageKind.NotCovered;
            units.Add(NewUnit(township, $"{town}{_faker.Company.CompanyName()}{_rnd.ArrayElement(SmallFirmSuffixes)}", UnitType.PrivateEnterprise, EnterpriseCode(division),
                _rnd.Number(3, 60), members, coverage, coverage == CoverageKind.PartyWorkOnly ? township : null));
        }
        if (_rnd.Number(0, 1) == 0)
        {
            var coverage = _rnd.Number(0, 1) == 0 ? CoverageKind.PartyWorkOnly : CoverageKind.NotCovered;
            units.Add(NewUnit(township, $"{town}{_rnd.ArrayElement(SocialUnitNames)}", UnitType.SocialOrganization, SocialCode(division),
                _rnd.Number(3, 30), _rnd.Number(0, 4), coverage, coverage == CoverageKind.PartyWorkOnly ? township : null));
        }
    }

    private void TwoNewUnits(List<Unit> units, Organization twoNew, ILookup<long, Organization> byParent, string division)
    {
        foreach (var branch in byParent[twoNew.Id])
        {
            if (branch.Kind == OrganizationKind.JointBranch)
            {
                // A joint branch brings together at most 5 small units (DOMAIN §2).
                var area = branch.Name.Replace("联合党支部", "", StringComparison.Ordinal);
                for (var i = 0; i < _rnd.Number(3, 5); i++)
                    units.Add(NewUnit(twoNew, $"{area}{_faker.Company.CompanyName()}{_rnd.ArrayElement(SmallFirmSuffixes)}", UnitType.PrivateEnterprise, EnterpriseCode(division),
                        _rnd.Number(5, 40), _rnd.Number(1, 2), CoverageKind.JointBranch, branch));
            }
            else if (UnitTypeOf(branch) == UnitType.SocialOrganization)
                units.Add(NewUnit(twoNew, branch.Name.Replace("党支部", "", StringComparison.Ordinal), UnitType.SocialOrganization, SocialCode(division),
                    _rnd.Number(10, 80), _rnd.Number(3, 9), CoverageKind.OwnOrganization, branch));
            else
                units.Add(NewUnit(twoNew, branch.Name.Replace("党支部", "", StringComparison.Ordinal), UnitType.PrivateEnterprise, EnterpriseCode(division),
                    _rnd.Number(50, 800), _rnd.Number(3, 25), CoverageKind.OwnOrganization, branch));
        }
        for (var i = 0; i < _rnd.Number(2, 4); i++)
            units.Add(NewUnit(twoNew, $"{_faker.Company.CompanyName()}{_rnd.ArrayElement(SmallFirmSuffixes)}", UnitType.PrivateEnterprise, EnterpriseCode(division),
                _rnd.Number(40, 200), _rnd.Number(3, 6), CoverageKind.NotCovered, null));
    }

    private Unit NewUnit(Organization owner, string name, UnitType type, string? code, int employees, int partyMembers, CoverageKind coverage, Organization? covering) => new()
    {
        OrganizationId = owner.Id, RegionId = owner.RegionId, Name = name.Length > 200 ? name[..200] : name, UnitType = type,
        CreditCode = code, CreditCodeWarning = code is not null && CreditCode.Check(code) != CreditCodeStatus.Valid,
        EmployeeCount = employees, PartyMemberCount = partyMembers, Coverage = coverage, CoveringOrganizationId = covering?.Id,
        CreatedAt = _now, UpdatedAt = _now,
    };

    /// <summary>91 (market regulator, enterprise) + division + 9-character organization code + check; one in forty gets a wrong check character.</summary>
    private string EnterpriseCode(string division) => Code("91", division);

    /// <summary>51 (civil affairs, social group) or 52 (private non-enterprise unit).</summary>
    private string SocialCode(string division) => Code(_rnd.Bool() ? "51" : "52", division);

    private string Code(string prefix, string division)
    {
        var body = prefix + division;
        for (var i = 0; i < 9; i++) body += CreditCode.Alphabet[i == 8 ? _rnd.Number(0, 9) : _rnd.Number(0, CreditCode.Alphabet.Length - 1)];
        var check = CreditCode.CheckCharacter(body);
        if (_rnd.Number(0, 39) == 0) check = CreditCode.Alphabet[(CreditCode.Alphabet.IndexOf(check, StringComparison.Ordinal) + 1) % CreditCode.Alphabet.Length];
        return body + check;
    }

    /// <summary>A GB/T 2260-shaped county code in a fictional province 35: city 01–12, county 21–40.</summary>
    private static string CountyDivisionCode(int countyIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"35{countyIndex / 20 + 1:00}{countyIndex % 20 + 21:00}");

    private static UnitType? UnitTypeOf(Organization org)
    {
        var n = org.Name;
        if (org.Kind == OrganizationKind.JointBranch) return UnitType.Joint;
        if (org.Kind == OrganizationKind.Group) return null;
        if (n.Contains("村党", StringComparison.Ordinal) || n.Contains("村第", StringComparison.Ordinal)) return UnitType.Rural;
        if (n.Contains("社区", StringComparison.Ordinal)) return UnitType.Community;
        if (n.Contains("机关", StringComparison.Ordinal) || n.EndsWith("县委", StringComparison.Ordinal) || n.EndsWith("市委", StringComparison.Ordinal)
            || n.EndsWith("省委", StringComparison.Ordinal) || n.EndsWith("镇党委", StringComparison.Ordinal) || n.EndsWith("街道党工委", StringComparison.Ordinal)) return UnitType.Organ;
        if (n.Contains('学', StringComparison.Ordinal) || n.Contains("教育", StringComparison.Ordinal)) return UnitType.School;
        if (n.Contains("城投", StringComparison.Ordinal) || n.Contains("供水", StringComparison.Ordinal) || n.Contains("农商银行", StringComparison.Ordinal)
            || n.Contains("国有企业", StringComparison.Ordinal)) return UnitType.StateEnterprise;
        if (SocialOrganizations.Any(s => n.Contains(s, StringComparison.Ordinal))) return UnitType.SocialOrganization;
        if (n.Contains("非公有制", StringComparison.Ordinal)) return UnitType.Other;
        return UnitType.PrivateEnterprise;
    }
}
