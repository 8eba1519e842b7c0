using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion.Meetings;

namespace Bastion.Compliance;

/// <summary>
/// The frequencies of organizational life (组织生活: 三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话; DOMAIN §1) as
/// versioned data with their sources (DESIGN §4). The compliance engine derives every obligation from it.
/// </summary>
public sealed record OrganizationalLifeRuleSet
{
    public const string NationalResource = "organizational-life.national.2019.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    /// <summary>A branch with no recorded activity for more than this many days is a silent branch (沉默支部).</summary>
    public required int SilentDays { get; init; }
    public required string SilentDescription { get; init; }
    public required string SilentSource { get; init; }
    /// <summary>An open period ending within this many days is "due soon" and reminded.</summary>
    public required int DueSoonDays { get; init; }
    public required string DueSoonSource { get; init; }
    /// <summary>A missed period is reminded once while it closed at most this many days ago.</summary>
    public required int OverdueReminderDays { get; init; }
    public required string OverdueReminderSource { get; init; }
    public required IReadOnlyList<ObligationRule> Obligations { get; init; }
    /// <summary>民主评议党员 (JYGL §18): the share of 优秀 among those graded.</summary>
    public required AppraisalRule Appraisal { get; init; }

    private static readonly Lazy<OrganizationalLifeRuleSet> s_national = new(() => LoadResource(NationalResource));

    /// <summary>The national default rule set shipped with Bastion, parsed once.</summary>
    public static OrganizationalLifeRuleSet Load() => s_national.Value;

    public static OrganizationalLifeRuleSet LoadResource(string fileName)
    {
        using var stream = Shared.RuleSetResources.Open(fileName);
        return Check(JsonSerializer.Deserialize<OrganizationalLifeRuleSet>(stream, Shared.RuleSetResources.Json));
    }

    public static OrganizationalLifeRuleSet Parse(string json) =>
        Check(JsonSerializer.Deserialize<OrganizationalLifeRuleSet>(json, Shared.RuleSetResources.Json));

    public ObligationRule? For(MeetingKind kind) => Obligations.FirstOrDefault(o => o.Kind == kind);

    /// <summary>A malformed rule set fails loudly instead of reporting wrong obligations.</summary>
    private static OrganizationalLifeRuleSet Check(OrganizationalLifeRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The organizational-life rule set is empty.");
        if (set is not { SilentDays: > 0, DueSoonDays: >= 0, OverdueReminderDays: >= 0 })
            throw new InvalidOperationException($"Organizational-life rule set {set.Version}: the day limits must be positive.");
        if (set.Appraisal is not { ExcellentShareNumerator: > 0, ExcellentShareDenominator: > 0 } a || a.ExcellentShareNumerator > a.ExcellentShareDenominator)
            throw new InvalidOperationException($"Organizational-life rule set {set.Version}: the excellent share is a fraction between 0 and 1.");
        if (set.Obligations.Count == 0) throw new InvalidOperationException($"Organizational-life rule set {set.Version}: no obligations.");
        foreach (var rule in set.Obligations)
        {
            var where = $"Organizational-life rule set {set.Version}, obligation '{rule.Kind}'";
            if (!Enum.IsDefined(rule.Kind) || rule.Kind == MeetingKind.Other) throw new InvalidOperationException($"{where}: unknown meeting kind.");
            if (!Enum.IsDefined(rule.AppliesTo)) throw new InvalidOperationException($"{where}: unknown organization type.");
            if (!Enum.IsDefined(rule.Period)) throw new InvalidOperationException($"{where}: unknown period.");
            if (rule.Minimum < 1) throw new InvalidOperationException($"{where}: the minimum is at least 1.");
            if (string.IsNullOrWhiteSpace(rule.Source)) throw new InvalidOperationException($"{where}: every rule names its source.");
        }
        var twice = set.Obligations.GroupBy(o => o.Kind).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"Organizational-life rule set {set.Version}: '{twice.Key}' appears twice.");
        return set;
    }
}

/// <summary>One obligation: at least <see cref="Minimum"/> held meetings of <see cref="Kind"/> per <see cref="Period"/>.</summary>
public sealed record ObligationRule
{
    [JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
    public required MeetingKind Kind { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<ObligationHolder>))]
    public required ObligationHolder AppliesTo { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<PeriodKind>))]
    public required PeriodKind Period { get; init; }
    public required int Minimum { get; init; }
    /// <summary>True for a common local default rather than a national rule (DOMAIN §1 "*default*").</summary>
    public required bool IsDefault { get; init; }
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    public required string Source { get; init; }
}

/// <summary>The appraisal's grading limit: at most Numerator/Denominator of those graded may be 优秀.</summary>
public sealed record AppraisalRule
{
    public required int ExcellentShareNumerator { get; init; }
    public required int ExcellentShareDenominator { get; init; }
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    public required string Source { get; init; }
}

/// <summary>Which organizations owe an obligation.</summary>
public enum ObligationHolder
{
    /// <summary>党支部 and 联合党支部.</summary>
    Branch = 1,
    /// <summary>A branch whose committee (支委会) is formed: at least 3 people hold current committee positions.</summary>
    BranchWithCommittee = 2,
    /// <summary>党小组</summary>
    Group = 3,
}
