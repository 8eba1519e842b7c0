using System.Text.Json;

namespace Bastion.Study;

/// <summary>
/// Education rules (DOMAIN §4) as a versioned rule set: yearly hours (32; 56 for secretaries and committee members),
/// day and half-day credit, and how long a material must be studied to count (from its length), each with its source.
/// </summary>
public sealed record StudyRuleSet
{
    public const string NationalResource = "study.national.2019.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required double AnnualHours { get; init; }
    public required string AnnualHoursSource { get; init; }
    public required double LeaderAnnualHours { get; init; }
    public required string LeaderAnnualHoursSource { get; init; }
    public required double FullDayHours { get; init; }
    public required double HalfDayHours { get; init; }
    public required string DayHoursSource { get; init; }
    public required int ReadingCharactersPerMinute { get; init; }
    public required decimal MinimumShareOfLength { get; init; }
    public required string MinimumSource { get; init; }
    /// <summary>
    /// Share of an assigned organization's active members (its subtree's) who must have completed every material of the
    /// campaign for its study target to be completed, in (0, 1].
    /// </summary>
    public required decimal CompletionShare { get; init; }
    public required string CompletionShareSource { get; init; }

    private static readonly Lazy<StudyRuleSet> s_national = new(() => LoadResource(NationalResource));

    public static StudyRuleSet Load() => s_national.Value;

    public static StudyRuleSet LoadResource(string fileName)
    {
        using var stream = Shared.RuleSetResources.Open(fileName);
        return Check(JsonSerializer.Deserialize<StudyRuleSet>(stream, Shared.RuleSetResources.Json));
    }

    public static StudyRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<StudyRuleSet>(json, Shared.RuleSetResources.Json));

    private static StudyRuleSet Check(StudyRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The study rule set is empty.");
        if (set.AnnualHours <= 0 || set.LeaderAnnualHours < set.AnnualHours)
            throw new InvalidOperationException($"Study rule set {set.Version}: yearly hours must be positive, the leaders' no lower than everyone's.");
        if (set.ReadingCharactersPerMinute <= 0) throw new InvalidOperationException($"Study rule set {set.Version}: reading speed must be positive.");
        if (set.MinimumShareOfLength is <= 0 or > 1) throw new InvalidOperationException($"Study rule set {set.Version}: the minimum share must be in (0, 1].");
        if (set.CompletionShare is <= 0 or > 1) throw new InvalidOperationException($"Study rule set {set.Version}: the completion share must be in (0, 1].");
        return set;
    }

    /// <summary>Whether <paramref name="done"/> of <paramref name="members"/> active members reach the completion share (never with no members).</summary>
    public bool IsCompleted(int done, int members) => members > 0 && done >= (int)Math.Ceiling(members * CompletionShare - 1e-9m);

    /// <summary>Length of an article in minutes at the rule's reading speed (at least 1).</summary>
    public int ReadingMinutes(int characters) => Math.Max(1, (int)Math.Ceiling(characters / (double)ReadingCharactersPerMinute));

    /// <summary>The least time a material of this length must be studied to count (at least 1 minute).</summary>
    public int MinimumMinutes(int lengthMinutes) => Math.Max(1, (int)Math.Ceiling(lengthMinutes * (double)MinimumShareOfLength));

    /// <summary>The yearly target of a member: the leaders' figure for secretaries and committee members.</summary>
    public double TargetHours(bool isLeader) => isLeader ? LeaderAnnualHours : AnnualHours;

    /// <summary>
    /// Hours projected for the whole year at the pace so far: hours × days in year ÷ days elapsed (through
    /// <paramref name="today"/>).
    /// </summary>
    public static double Projection(double hoursSoFar, DateOnly today)
    {
        var start = new DateOnly(today.Year, 1, 1);
        var days = DateTime.IsLeapYear(today.Year) ? 366 : 365;
        var elapsed = today.DayNumber - start.DayNumber + 1;
        return Math.Round(hoursSoFar * days / elapsed, 1);
    }
}
