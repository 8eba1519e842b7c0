using System.Text.Json;

namespace Bastion.Meetings;

/// <summary>
/// The quorum and majority thresholds of party meetings (DOMAIN §1) as versioned data with their sources. Every
/// threshold reads "strictly more than numerator/denominator of those who should attend (应到会) with voting rights".
/// </summary>
public sealed record VoteRuleSet
{
    public const string NationalResource = "votes.national.2018.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required VoteThreshold GeneralMeetingQuorum { get; init; }
    public required VoteThreshold MotionMajority { get; init; }
    public required VoteThreshold CommitteeQuorum { get; init; }
    public required VoteThreshold CommitteeMajority { get; init; }
    public required VoteThreshold ElectionQuorum { get; init; }
    public required VoteThreshold ElectionMajority { get; init; }

    private static readonly Lazy<VoteRuleSet> s_national = new(() => LoadResource(NationalResource));

    public static VoteRuleSet Load() => s_national.Value;

    public static VoteRuleSet LoadResource(string fileName)
    {
        using var stream = Shared.RuleSetResources.Open(fileName);
        return Parse(JsonSerializer.Deserialize<VoteRuleSet>(stream, Shared.RuleSetResources.Json));
    }

    public static VoteRuleSet Parse(string json) => Parse(JsonSerializer.Deserialize<VoteRuleSet>(json, Shared.RuleSetResources.Json));

    private static VoteRuleSet Parse(VoteRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The vote rule set is empty.");
        foreach (var (name, t) in new[]
                 {
                     ("generalMeetingQuorum", set.GeneralMeetingQuorum), ("motionMajority", set.MotionMajority),
                     ("committeeQuorum", set.CommitteeQuorum), ("committeeMajority", set.CommitteeMajority),
                     ("electionQuorum", set.ElectionQuorum), ("electionMajority", set.ElectionMajority),
                 })
        {
            if (t.Denominator <= 0 || t.Numerator <= 0 || t.Numerator >= t.Denominator)
                throw new InvalidOperationException($"Vote rule set {set.Version}, {name}: a threshold is a fraction strictly between 0 and 1.");
            if (t.Of != "shouldAttend")
                throw new InvalidOperationException($"Vote rule set {set.Version}, {name}: thresholds are counted against 'shouldAttend'.");
        }
        return set;
    }
}

/// <summary>"More than Numerator/Denominator of those who should attend".</summary>
public sealed record VoteThreshold
{
    public required int Numerator { get; init; }
    public required int Denominator { get; init; }
    /// <summary>What the fraction is taken of; always "shouldAttend" (应到会), never those present.</summary>
    public required string Of { get; init; }
    public required string Description { get; init; }
    public required string Source { get; init; }

    /// <summary>The least whole count that is strictly more than the fraction of <paramref name="shouldAttend"/>.</summary>
    public int LeastCountAbove(int shouldAttend) => (int)((long)shouldAttend * Numerator / Denominator) + 1;

    public bool IsMetBy(int count, int shouldAttend) => (long)count * Denominator > (long)shouldAttend * Numerator;
}
