using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion.Shared;

namespace Bastion.Strength;

/// <summary>
/// The Organizational Strength Index (组织力指数) as a versioned rule set (DESIGN §4–5): the four dimensions with their
/// weights, every indicator (dimension, formula, the worst→best scale that turns its raw value into 0–100, weight, source)
/// and every warning rule (threshold, severity, the DOMAIN §8 situation it points to). Each assessment records the version.
/// </summary>
public sealed record StrengthRuleSet
{
    public const string NationalResource = "strength.national.2026.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<DimensionRule> Dimensions { get; init; }
    public required IReadOnlyList<IndicatorRule> Indicators { get; init; }
    public required IReadOnlyList<WarningRule> Warnings { get; init; }

    private static readonly JsonSerializerOptions Options = new(RuleSetResources.Json) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lazy<StrengthRuleSet> s_national = new(() =>
    {
        using var stream = RuleSetResources.Open(NationalResource);
        return Check(JsonSerializer.Deserialize<StrengthRuleSet>(stream, Options));
    });

    public static StrengthRuleSet Load() => s_national.Value;

    public static StrengthRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<StrengthRuleSet>(json, Options));

    public IndicatorRule Indicator(string code) =>
        Indicators.FirstOrDefault(i => i.Code == code) ?? throw new KeyNotFoundException($"Strength rule set {Version} has no indicator '{code}'.");

    public WarningRule Warning(string code) =>
        Warnings.FirstOrDefault(w => w.Code == code) ?? throw new KeyNotFoundException($"Strength rule set {Version} has no warning '{code}'.");

    public DimensionRule Dimension(string code) => Dimensions.First(d => d.Code == code);

    private static StrengthRuleSet Check(StrengthRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The strength rule set is empty.");
        if (set.Dimensions.Count == 0 || set.Dimensions.Any(d => d.Weight <= 0))
            throw new InvalidOperationException($"Strength rule set {set.Version}: every dimension needs a positive weight.");
        foreach (var i in set.Indicators)
        {
            if (set.Dimensions.All(d => d.Code != i.Dimension))
                throw new InvalidOperationException($"Strength rule set {set.Version}: indicator '{i.Code}' names the unknown dimension '{i.Dimension}'.");
            if (i.Weight <= 0) throw new InvalidOperationException($"Strength rule set {set.Version}: indicator '{i.Code}' needs a positive weight.");
            if (i.Worst == i.Best) throw new InvalidOperationException($"Strength rule set {set.Version}: indicator '{i.Code}' has the same worst and best value.");
        }
        var twice = set.Indicators.Select(i => i.Code).Concat(set.Warnings.Select(w => w.Code)).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"Strength rule set {set.Version} defines '{twice.Key}' twice.");
        return set;
    }
}

public sealed record DimensionRule(string Code, string Name, string NameEn, double Weight);

/// <summary>
/// One indicator. Its raw value is numerator / denominator over recorded work; the score is the raw value placed on the
/// line from <see cref="Worst"/> (0) to <see cref="Best"/> (100) and clamped, so a lower-is-better indicator simply has
/// Worst above Best. A denominator of 0 means "no data": the indicator takes no part in the scores.
/// </summary>
public sealed record IndicatorRule
{
    public required string Code { get; init; }
    public required string Dimension { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Formula { get; init; }
    public required string FormulaEn { get; init; }
    public required double Worst { get; init; }
    public required double Best { get; init; }
    public required double Weight { get; init; }
    public required string Source { get; init; }

    public bool HigherIsBetter => Best > Worst;

    /// <summary>The 0–100 score of a raw value (rounded to 2 decimals).</summary>
    public double Score(double value) => Math.Round(100 * Math.Clamp((value - Worst) / (Best - Worst), 0, 1), 2);
}

public enum WarningSeverity
{
    /// <summary>提示</summary>
    Low = 1,
    /// <summary>预警</summary>
    Medium = 2,
    /// <summary>严重</summary>
    High = 3,
}

/// <summary>A warning rule (预警规则): its threshold (days, months, a rate or a count, as its description says).</summary>
public sealed record WarningRule
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required WarningSeverity Severity { get; init; }
    public required WeakSituation Situation { get; init; }
    public required double Threshold { get; init; }
    /// <summary>The smallest sample the rule needs (e.g. ratings), where it matters.</summary>
    public int? Minimum { get; init; }
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    public required string Source { get; init; }
}
