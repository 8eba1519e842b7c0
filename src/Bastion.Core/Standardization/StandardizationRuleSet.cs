using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion.Shared;
using Bastion.Strength;

namespace Bastion.Standardization;

/// <summary>
/// The branch standardization checklist (标准化规范化建设, DOMAIN §9) as a versioned rule set (DESIGN §4): the scoring
/// dimensions with their points, every item (points, automatic or by inspection, threshold, source, whether it is a local
/// default) and the category lines. Each assessment records the version it was scored with.
/// </summary>
public sealed record StandardizationRuleSet
{
    public const string NationalResource = "standardization.national.2026.json";

    /// <summary>The automatic checks the assessment knows how to decide from recorded data; an automatic item names one.</summary>
    public static readonly IReadOnlyList<string> AutomaticChecks =
    [
        "secretary-in-post", "committee-formed", "term-not-overdue", "organizational-life", "recent-activity",
        "study-hours", "dues-paid", "development-pipeline",
    ];

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
    /// <summary>From this total a branch is standard (规范); below it weak (后进/软弱涣散).</summary>
    public required int StandardFrom { get; init; }
    /// <summary>From this total a branch is a model (示范).</summary>
    public required int ModelFrom { get; init; }
    public required string ThresholdsSource { get; init; }
    /// <summary>A warning of this severity (or above) in the newest strength assessment bars the model category.</summary>
    public required WarningSeverity ModelBarredBySeverity { get; init; }
    public required string ModelBarSource { get; init; }
    public required IReadOnlyList<StandardizationDimension> Dimensions { get; init; }
    public required IReadOnlyList<ChecklistItem> Items { get; init; }

    public int MaxTotal => Dimensions.Sum(d => d.Points);

    private static readonly JsonSerializerOptions Options = new(RuleSetResources.Json) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lazy<StandardizationRuleSet> s_national = new(() =>
    {
        using var stream = RuleSetResources.Open(NationalResource);
        return Check(JsonSerializer.Deserialize<StandardizationRuleSet>(stream, Options));
    });

    public static StandardizationRuleSet Load() => s_national.Value;

    public static StandardizationRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<StandardizationRuleSet>(json, Options));

    public ChecklistItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    public StandardizationDimension? Dimension(string code) => Dimensions.FirstOrDefault(d => d.Code == code);

    private static StandardizationRuleSet Check(StandardizationRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The standardization rule set is empty.");
        if (set.Dimensions.Count == 0 || set.Dimensions.Any(d => d.Points <= 0))
            throw new InvalidOperationException($"Standardization rule set {set.Version}: every dimension needs positive points.");
        if (set.StandardFrom <= 0 || set.ModelFrom <= set.StandardFrom || set.ModelFrom > set.Dimensions.Sum(d => d.Points))
            throw new InvalidOperationException($"Standardization rule set {set.Version}: the category lines must satisfy 0 < standard < model ≤ the maximum total.");
        var twice = set.Items.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"Standardization rule set {set.Version} defines the item '{twice.Key}' twice.");
        foreach (var i in set.Items)
        {
            if (set.Dimensions.All(d => d.Code != i.Dimension))
                throw new InvalidOperationException($"Standardization rule set {set.Version}: item '{i.Code}' names the unknown dimension '{i.Dimension}'.");
            if (i.Points <= 0) throw new InvalidOperationException($"Standardization rule set {set.Version}: item '{i.Code}' needs positive points.");
            if (i.Mode == ItemMode.Automatic && !AutomaticChecks.Contains(i.Code))
                throw new InvalidOperationException($"Standardization rule set {set.Version}: no automatic check decides '{i.Code}'; make it an inspection item.");
        }
        foreach (var d in set.Dimensions)
        {
            var sum = set.Items.Where(i => i.Dimension == d.Code).Sum(i => i.Points);
            if (sum != d.Points)
                throw new InvalidOperationException($"Standardization rule set {set.Version}: the items of '{d.Code}' give {sum} points, the dimension {d.Points}.");
        }
        return set;
    }
}

public sealed record StandardizationDimension(string Code, string Name, string NameEn, int Points)
{
    public string DisplayName(bool english) => english ? NameEn : Name;
}

/// <summary>How a checklist item is decided.</summary>
public enum ItemMode
{
    /// <summary>自动: computed from recorded data at the time of the assessment.</summary>
    Automatic = 1,
    /// <summary>检查: an upper-level inspector ticks it with a note (and optional evidence).</summary>
    Inspection = 2,
}

/// <summary>One checklist item. Every item is met (all its points) or not (none).</summary>
public sealed record ChecklistItem
{
    public required string Code { get; init; }
    public required string Dimension { get; init; }
    public required ItemMode Mode { get; init; }
    public required int Points { get; init; }
    /// <summary>The automatic check's threshold (a share, a number of days or people), where it has one.</summary>
    public double? Threshold { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    public required string Source { get; init; }
    /// <summary>A number or item chosen locally rather than taken from a regulation.</summary>
    public required bool LocalDefault { get; init; }

    public string DisplayName(bool english) => english ? NameEn : Name;
    public string DisplayDescription(bool english) => english ? DescriptionEn : Description;
}
