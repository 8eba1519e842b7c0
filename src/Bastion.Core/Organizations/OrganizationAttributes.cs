using System.Globalization;

namespace Bastion.Organizations;

/// <summary>单位类型: the kind of unit an organization is built in.</summary>
public enum UnitType
{
    /// <summary>农村</summary>
    Rural = 1,
    /// <summary>社区</summary>
    Community = 2,
    /// <summary>机关</summary>
    Organ = 3,
    /// <summary>事业单位</summary>
    PublicInstitution = 4,
    /// <summary>国有企业</summary>
    StateEnterprise = 5,
    /// <summary>非公企业</summary>
    PrivateEnterprise = 6,
    /// <summary>社会组织</summary>
    SocialOrganization = 7,
    /// <summary>学校</summary>
    School = 8,
    /// <summary>联合支部 (several small units together)</summary>
    Joint = 9,
    /// <summary>其他</summary>
    Other = 10,
}

/// <summary>新产业、新业态、新模式 ("三新").</summary>
[Flags]
public enum NewBusinessTags
{
    None = 0,
    /// <summary>新产业</summary>
    NewIndustry = 1,
    /// <summary>新业态</summary>
    NewBusinessForm = 2,
    /// <summary>新模式</summary>
    NewModel = 4,
}

/// <summary>行政区划代码 (GB/T 2260): six digits, province (2) + city (2) + county (2) (DOMAIN §10).</summary>
public static class DivisionCode
{
    /// <summary>Six ASCII digits whose province part is 11–82 (the GB/T 2260 province range).</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 6) return false;
        foreach (var c in code)
            if (c is < '0' or > '9') return false;
        var province = int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture);
        return province is >= 11 and <= 82;
    }
}

/// <summary>Committee terms (任期) and the next election (换届) (DOMAIN §2: RQ, DZ §31).</summary>
public static class CommitteeTerm
{
    /// <summary>基层党委 and village/community organizations: 5 years.</summary>
    public const int CommitteeYears = 5;
    /// <summary>总支 and 支部: 3 years.</summary>
    public const int BranchYears = 3;

    /// <summary>The term length the rules give an organization of this kind in this kind of unit; null for a Group (no committee).</summary>
    public static int? DefaultYears(OrganizationKind kind, UnitType? unitType) => kind switch
    {
        OrganizationKind.Group => null,
        OrganizationKind.Committee => CommitteeYears,
        _ when unitType is UnitType.Rural or UnitType.Community => CommitteeYears,
        _ => BranchYears,
    };

    /// <summary>The recorded length, else the rule's default.</summary>
    public static int? EffectiveYears(OrganizationKind kind, UnitType? unitType, int? recordedYears) =>
        recordedYears ?? DefaultYears(kind, unitType);

    /// <summary>When the next election is due: term start + term length; null when either is unknown.</summary>
    public static DateOnly? NextElectionOn(DateOnly? termStartedOn, int? years) =>
        termStartedOn is { } start && years is > 0 ? start.AddYears(years.Value) : null;

    /// <summary>Whole months by which the election is overdue on <paramref name="today"/>; 0 when due today or later.</summary>
    public static int MonthsOverdue(DateOnly dueOn, DateOnly today)
    {
        if (today <= dueOn) return 0;
        var months = (today.Year - dueOn.Year) * 12 + today.Month - dueOn.Month;
        if (dueOn.AddMonths(months) > today) months--;
        return months;
    }
}
