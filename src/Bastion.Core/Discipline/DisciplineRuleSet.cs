using System.Text.Json;
using Bastion.Shared;

namespace Bastion.Discipline;

/// <summary>
/// The deadlines of a misconduct report's handling and the reporting categories, as a versioned rule set (DESIGN §4).
/// Each report records the version that set its deadlines.
/// </summary>
public sealed record DisciplineRuleSet
{
    public const string NationalResource = "discipline.national.2020.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
    /// <summary>Days from receipt to the decision to accept or decline.</summary>
    public required int DecideDays { get; init; }
    public required string DecideDescription { get; init; }
    public required string DecideSource { get; init; }
    /// <summary>Days from acceptance to the end of the preliminary check (初核) and the disposition.</summary>
    public required int CheckDays { get; init; }
    public required string CheckDescription { get; init; }
    public required string CheckSource { get; init; }
    /// <summary>Days from the disposition to closing with the outcome.</summary>
    public required int CloseDays { get; init; }
    public required string CloseDescription { get; init; }
    public required string CloseSource { get; init; }
    public required int RemindBeforeDays { get; init; }
    public required string RemindDescription { get; init; }
    public required string RemindSource { get; init; }
    public required IReadOnlyList<MisconductCategoryRule> Categories { get; init; }

    private static readonly Lazy<DisciplineRuleSet> s_national = new(() =>
    {
        using var stream = RuleSetResources.Open(NationalResource);
        return Check(JsonSerializer.Deserialize<DisciplineRuleSet>(stream, Options));
    });

    private static readonly JsonSerializerOptions Options = new(RuleSetResources.Json)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static DisciplineRuleSet Load() => s_national.Value;

    public static DisciplineRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<DisciplineRuleSet>(json, Options));

    public MisconductCategoryRule For(MisconductCategory category) => Categories.First(c => c.Category == category);

    private static DisciplineRuleSet Check(DisciplineRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The discipline rule set is empty.");
        if (set.DecideDays <= 0 || set.CheckDays <= 0 || set.CloseDays <= 0 || set.RemindBeforeDays <= 0)
            throw new InvalidOperationException($"Discipline rule set {set.Version}: every number of days must be positive.");
        var missing = Enum.GetValues<MisconductCategory>().Except(set.Categories.Select(c => c.Category)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"Discipline rule set {set.Version} does not name the categories {string.Join(", ", missing)}.");
        if (set.Categories.Select(c => c.Category).Distinct().Count() != set.Categories.Count)
            throw new InvalidOperationException($"Discipline rule set {set.Version} lists a category twice.");
        return set;
    }
}

public sealed record MisconductCategoryRule
{
    public required MisconductCategory Category { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Source { get; init; }

    public string DisplayName(bool english) => english ? NameEn : Name;
}
