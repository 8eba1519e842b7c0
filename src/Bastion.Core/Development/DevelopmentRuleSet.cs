using System.Text.Json;

namespace Bastion.Development;

/// <summary>One number of the development rules, with what it means and where it comes from.</summary>
public sealed record RuleNumber
{
    public required int Value { get; init; }
    /// <summary>The upper bound when the rule is a range (e.g. 1–2 contacts, 6–12 months of extension).</summary>
    public int? Max { get; init; }
    public required string Unit { get; init; }
    /// <summary>A common local default rather than national law (DOMAIN: "ship them as editable defaults").</summary>
    public bool IsDefault { get; init; }
    public required string Description { get; init; }
    public required string Source { get; init; }
}

/// <summary>
/// The numbers of member development (发展党员, DOMAIN §3) as a versioned rule set. A step is checked against the
/// version in force on its own date, and that version is recorded on the step, so a revision applies to new steps only.
/// </summary>
public sealed record DevelopmentRuleSet
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required RuleNumber MinimumAgeYears { get; init; }
    public required RuleNumber TalkWithinMonths { get; init; }
    public required RuleNumber CultivationContacts { get; init; }
    public required RuleNumber ActivistReviewMonths { get; init; }
    public required RuleNumber ActivistPeriodMonths { get; init; }
    public required RuleNumber PublicNoticeWorkingDays { get; init; }
    public required RuleNumber Introducers { get; init; }
    public required RuleNumber TrainingHours { get; init; }
    public required RuleNumber TrainingDays { get; init; }
    public required RuleNumber ApprovalWithinMonths { get; init; }
    public required RuleNumber ProbationMonths { get; init; }
    public required RuleNumber ProbationExtensionMonths { get; init; }
    public required RuleNumber ProbationExtensionsAllowed { get; init; }
    public required RuleNumber ConversionApprovalWithinMonths { get; init; }
    public required RuleNumber DormantBranchYears { get; init; }

    public static DevelopmentRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<DevelopmentRuleSet>(json, Shared.RuleSetResources.Json));

    public static DevelopmentRuleSet LoadResource(string fileName)
    {
        using var stream = Shared.RuleSetResources.Open(fileName);
        return Check(JsonSerializer.Deserialize<DevelopmentRuleSet>(stream, Shared.RuleSetResources.Json));
    }

    private static DevelopmentRuleSet Check(DevelopmentRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The development rule set is empty.");
        foreach (var (name, n) in set.Numbers())
        {
            if (n.Value < 0 || n.Max < n.Value)
                throw new InvalidOperationException($"Development rule set {set.Version}, {name}: the value must be ≥ 0 and not above its maximum.");
            if (string.IsNullOrWhiteSpace(n.Source))
                throw new InvalidOperationException($"Development rule set {set.Version}, {name}: every number needs its source.");
        }
        if (set.Introducers.Value < 1 || set.CultivationContacts.Value < 1)
            throw new InvalidOperationException($"Development rule set {set.Version}: at least one introducer and one cultivation contact.");
        return set;
    }

    /// <summary>Every number with its JSON name, for display and checks.</summary>
    public IEnumerable<(string Name, RuleNumber Number)> Numbers() =>
    [
        ("minimumAgeYears", MinimumAgeYears), ("talkWithinMonths", TalkWithinMonths), ("cultivationContacts", CultivationContacts),
        ("activistReviewMonths", ActivistReviewMonths), ("activistPeriodMonths", ActivistPeriodMonths),
        ("publicNoticeWorkingDays", PublicNoticeWorkingDays), ("introducers", Introducers), ("trainingHours", TrainingHours),
        ("trainingDays", TrainingDays), ("approvalWithinMonths", ApprovalWithinMonths), ("probationMonths", ProbationMonths),
        ("probationExtensionMonths", ProbationExtensionMonths), ("probationExtensionsAllowed", ProbationExtensionsAllowed),
        ("conversionApprovalWithinMonths", ConversionApprovalWithinMonths), ("dormantBranchYears", DormantBranchYears),
    ];
}

/// <summary>The versions of the development rule set, each in force from its date until the next one's.</summary>
public sealed class DevelopmentRuleCatalogue
{
    /// <summary>The rule sets shipped with Bastion (embedded Rules/development.*.json).</summary>
    public static readonly string[] ShippedResources = ["development.national.2014.json"];

    private static readonly Lazy<DevelopmentRuleCatalogue> s_shipped =
        new(() => new DevelopmentRuleCatalogue(ShippedResources.Select(DevelopmentRuleSet.LoadResource)));

    private readonly List<DevelopmentRuleSet> _versions;

    public DevelopmentRuleCatalogue(IEnumerable<DevelopmentRuleSet> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToList();
        if (_versions.Count == 0) throw new InvalidOperationException("A development rule catalogue needs at least one version.");
        if (_versions.Select(v => v.EffectiveFrom).Distinct().Count() != _versions.Count)
            throw new InvalidOperationException("Two development rule set versions take effect on the same day.");
    }

    public static DevelopmentRuleCatalogue Shipped => s_shipped.Value;

    public IReadOnlyList<DevelopmentRuleSet> Versions => _versions;

    /// <summary>
    /// The version in force on <paramref name="date"/>. A date before the first version (a file older than the 2014
    /// rules) is checked against the first version, the oldest rules Bastion knows.
    /// </summary>
    public DevelopmentRuleSet InForceOn(DateOnly date) => _versions.LastOrDefault(v => v.EffectiveFrom <= date) ?? _versions[0];

    public DevelopmentRuleSet? ByVersion(string version) => _versions.FirstOrDefault(v => v.Version == version);
}
