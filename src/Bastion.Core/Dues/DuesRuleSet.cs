using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bastion.Dues;

/// <summary>
/// The dues tiers (党费交纳标准) as versioned data (DESIGN §4): read from an embedded JSON rule set, each rule with its
/// source, so a quote can say which rule of which version it applied.
/// </summary>
public sealed record DuesRuleSet
{
    public const string NationalResource = "dues.national.2008.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required DuesPaymentRules Payment { get; init; }
    public required IReadOnlyList<DuesCategoryRule> Categories { get; init; }

    private static readonly Lazy<DuesRuleSet> s_national = new(() => LoadResource(NationalResource));

    /// <summary>The national default rule set shipped with Bastion, parsed once.</summary>
    public static DuesRuleSet Load() => s_national.Value;

    public DuesCategoryRule For(DuesCategory category) =>
        Categories.FirstOrDefault(c => c.Category == category.Code())
        ?? throw new InvalidOperationException($"Dues rule set {Version} has no rule for category '{category.Code()}'.");

    public static DuesRuleSet LoadResource(string fileName)
    {
        using var stream = Shared.RuleSetResources.Open(fileName);
        return Parse(stream);
    }

    private static readonly JsonSerializerOptions s_json = Shared.RuleSetResources.Json;

    /// <summary>Parses and checks a rule set; a malformed one fails loudly rather than quoting wrong amounts.</summary>
    public static DuesRuleSet Parse(Stream json) => Check(JsonSerializer.Deserialize<DuesRuleSet>(json, s_json));

    public static DuesRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<DuesRuleSet>(json, s_json));

    private static DuesRuleSet Check(DuesRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The dues rule set is empty.");
        if (set.Payment is not { BackPaymentLimitMonths: > 0, LapseAfterUnpaidMonths: > 0 })
            throw new InvalidOperationException($"Dues rule set {set.Version}: the payment limits must be positive numbers of months.");
        foreach (var rule in set.Categories)
        {
            var where = $"Dues rule set {set.Version}, category '{rule.Category}'";
            if (DuesCategories.TryParse(rule.Category) is null) throw new InvalidOperationException($"{where}: unknown category.");
            if ((rule.Tiers is { Count: > 0 }) == (rule.Flat is not null)) throw new InvalidOperationException($"{where}: needs either tiers or a flat amount.");
            if (rule.Tiers is { Count: > 0 } tiers)
            {
                if (!rule.BaseRequired) throw new InvalidOperationException($"{where}: tiers need a base.");
                for (var i = 0; i < tiers.Count; i++)
                {
                    var last = i == tiers.Count - 1;
                    if (last != (tiers[i].UpTo is null)) throw new InvalidOperationException($"{where}: only the last tier is unbounded.");
                    if (i > 0 && !last && tiers[i].UpTo <= tiers[i - 1].UpTo) throw new InvalidOperationException($"{where}: tiers must ascend.");
                    if (tiers[i].Rate is <= 0 or >= 1) throw new InvalidOperationException($"{where}: a rate is a fraction between 0 and 1.");
                }
            }
            if (rule.Flat is { } flat && !(flat.Minimum <= flat.Amount && flat.Amount <= flat.Maximum))
                throw new InvalidOperationException($"{where}: the flat amount lies outside its range.");
        }
        foreach (var category in DuesCategories.All) set.For(category);
        return set;
    }
}

public sealed record DuesCategoryRule
{
    /// <summary>The category's code, as in <see cref="DuesCategories.Code"/>.</summary>
    public required string Category { get; init; }
    public required bool BaseRequired { get; init; }
    public string? BaseDescription { get; init; }
    public IReadOnlyList<DuesTier>? Tiers { get; init; }
    public DuesFlatRule? Flat { get; init; }
}

/// <summary>One rate band: applies to a base up to <see cref="UpTo"/> inclusive (null: no upper bound); the rate applies to the whole base.</summary>
public sealed record DuesTier
{
    public decimal? UpTo { get; init; }
    public required decimal Rate { get; init; }
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    public required string Source { get; init; }
}

/// <summary>A fixed monthly amount in yuan, with the range the regulation allows.</summary>
public sealed record DuesFlatRule
{
    public required decimal Amount { get; init; }
    public required decimal Minimum { get; init; }
    public required decimal Maximum { get; init; }
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    public required string Source { get; init; }
}

/// <summary>When dues may be paid late, and when not paying means leaving the party.</summary>
public sealed record DuesPaymentRules
{
    /// <summary>补交: a month may be paid at most this many months after it.</summary>
    public required int BackPaymentLimitMonths { get; init; }
    public required string BackPaymentDescription { get; init; }
    public required string BackPaymentSource { get; init; }
    /// <summary>自行脱党: this many consecutive unpaid months without good reason.</summary>
    public required int LapseAfterUnpaidMonths { get; init; }
    public required string LapseDescription { get; init; }
    public required string LapseSource { get; init; }
}
