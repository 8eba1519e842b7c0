using Bastion.Shared;

namespace Bastion.Dues;

/// <summary>What a member pays a month, and the rule that says so.</summary>
public sealed record DuesQuote
{
    public required DuesCategory Category { get; init; }
    /// <summary>The base the rate was applied to (monthly pay or pension), null for flat categories.</summary>
    public required decimal? Base { get; init; }
    /// <summary>Yuan a month, rounded to the fen (half away from zero).</summary>
    public required decimal MonthlyAmount { get; init; }
    /// <summary>The rate of the tier applied, null for flat categories.</summary>
    public decimal? Rate { get; init; }
    public required string Rule { get; init; }
    public required string RuleEn { get; init; }
    public required string Source { get; init; }
    public required string RuleSetVersion { get; init; }
}

/// <summary>Pure dues arithmetic over a <see cref="DuesRuleSet"/> (DOMAIN §7).</summary>
public static class DuesCalculator
{
    /// <summary>The largest base accepted: far above any real pay, small enough that no arithmetic overflows.</summary>
    public const decimal MaximumBase = 100_000_000m;

    /// <summary>Quotes from the category's code as typed in a form or query ("employed", "low-income" …).</summary>
    public static DuesQuote Quote(DuesRuleSet ruleSet, string? category, decimal? @base)
    {
        var parsed = DuesCategories.TryParse(category)
            ?? throw ValidationFailedException.For("category", string.IsNullOrWhiteSpace(category)
                ? "A category is required."
                : $"Unknown category; use one of: {string.Join(", ", DuesCategories.All.Select(c => c.Code()))}.");
        return Quote(ruleSet, parsed, @base);
    }

    public static DuesQuote Quote(DuesRuleSet ruleSet, DuesCategory category, decimal? @base)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var rule = ruleSet.For(category);
        if (rule.Flat is { } flat)
        {
            return new DuesQuote
            {
                Category = category, Base = null, MonthlyAmount = flat.Amount,
                Rule = flat.Description, RuleEn = flat.DescriptionEn, Source = flat.Source, RuleSetVersion = ruleSet.Version,
            };
        }

        if (@base is not { } amount) throw ValidationFailedException.For("base", "The monthly pay or pension is required for this category.");
        if (amount < 0) throw ValidationFailedException.For("base", "The monthly pay or pension cannot be negative.");
        if (amount > MaximumBase) throw ValidationFailedException.For("base", "The monthly pay or pension is too large.");

        var tier = rule.Tiers!.First(t => t.UpTo is null || amount <= t.UpTo);
        return new DuesQuote
        {
            Category = category, Base = amount, Rate = tier.Rate,
            MonthlyAmount = Math.Round(amount * tier.Rate, 2, MidpointRounding.AwayFromZero),
            Rule = tier.Description, RuleEn = tier.DescriptionEn, Source = tier.Source, RuleSetVersion = ruleSet.Version,
        };
    }
}
