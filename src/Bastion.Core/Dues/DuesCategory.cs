namespace Bastion.Dues;

/// <summary>Who a member is for the purpose of dues (党费): decides the base and the rate.</summary>
public enum DuesCategory
{
    /// <summary>在职党员: a share of regular monthly pay after tax.</summary>
    Employed = 1,
    /// <summary>离退休党员: a share of the monthly pension.</summary>
    Retired = 2,
    /// <summary>农民党员: a flat amount.</summary>
    Farmer = 3,
    /// <summary>学生党员: a flat amount.</summary>
    Student = 4,
    /// <summary>下岗失业党员: a flat amount.</summary>
    Unemployed = 5,
    /// <summary>领取最低生活保障金（低保）的党员: a flat amount.</summary>
    LowIncome = 6,
}

/// <summary>The names categories go by in the rule set, the API and forms ("employed", "low-income" …).</summary>
public static class DuesCategories
{
    public static IReadOnlyList<DuesCategory> All { get; } = Enum.GetValues<DuesCategory>();

    public static string Code(this DuesCategory category) => category switch
    {
        DuesCategory.Employed => "employed",
        DuesCategory.Retired => "retired",
        DuesCategory.Farmer => "farmer",
        DuesCategory.Student => "student",
        DuesCategory.Unemployed => "unemployed",
        DuesCategory.LowIncome => "low-income",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static DuesCategory? TryParse(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        foreach (var c in All)
            if (string.Equals(c.Code(), trimmed, StringComparison.OrdinalIgnoreCase)) return c;
        return null;
    }
}
