using Bastion.Members;

namespace Bastion.Meetings;

/// <summary>What is put to a vote, which decides the thresholds that apply.</summary>
public enum VoteKind
{
    /// <summary>A motion of the 支部党员大会 (ZBTL §11).</summary>
    Motion = 1,
    /// <summary>A decision of the 支委会 (ZBTL §12).</summary>
    CommitteeDecision = 2,
    /// <summary>An election (选举, XJ): the 4/5 attendance rule.</summary>
    Election = 3,
}

/// <summary>The yes/no/abstain count of one vote, among members with voting rights.</summary>
public sealed record VoteTally(int Yes, int No, int Abstain)
{
    public int Cast => Yes + No + Abstain;
}

/// <summary>The outcome of one vote, with the rules that decided it and the counts each needed.</summary>
public sealed record VoteOutcome
{
    public required VoteKind Kind { get; init; }
    /// <summary>应到会 with voting rights (full members only; committee members for a 支委会).</summary>
    public required int ShouldAttend { get; init; }
    /// <summary>Those with voting rights present.</summary>
    public required int Present { get; init; }
    public required VoteTally Tally { get; init; }
    public required bool QuorumHeld { get; init; }
    public required bool Passed { get; init; }
    public required string QuorumRule { get; init; }
    public required string MajorityRule { get; init; }
    /// <summary>The least number present for the quorum.</summary>
    public required int PresentNeeded { get; init; }
    /// <summary>The least number of yes votes to pass.</summary>
    public required int YesNeeded { get; init; }
    public required string RuleSetVersion { get; init; }
}

/// <summary>
/// Quorum and majority of party meetings (DOMAIN §1), pure and named so other modules (e.g. admission votes of the
/// member-development pipeline) reuse them. Thresholds come from <see cref="VoteRuleSet"/>; every majority is
/// counted against those who should attend (应到会), never against those present.
/// </summary>
public static class VoteRules
{
    /// <summary>支部党员大会: more than half of the voting members who should attend are present (ZBTL §11).</summary>
    public const string GeneralMeetingQuorumRule = "Votes.GeneralMeetingQuorum";
    /// <summary>A motion passes with yes votes from more than half of 应到会 with voting rights (ZBTL §11).</summary>
    public const string MotionMajorityRule = "Votes.MotionMajority";
    /// <summary>支委会: more than half of the committee members present (ZBTL §12).</summary>
    public const string CommitteeQuorumRule = "Votes.CommitteeQuorum";
    /// <summary>A committee decision passes with more than half of the committee members agreeing (ZBTL §12).</summary>
    public const string CommitteeMajorityRule = "Votes.CommitteeMajority";
    /// <summary>Election: voters present exceed 4/5 of those who should attend (XJ).</summary>
    public const string ElectionQuorumRule = "Votes.ElectionQuorum";
    /// <summary>Election: elected with yes votes from more than half of those who should attend (XJ).</summary>
    public const string ElectionMajorityRule = "Votes.ElectionMajority";
    /// <summary>Only full members (正式党员) vote; probationary members do not (XJ §5, DZ).</summary>
    public const string VotingRightsRule = "Votes.FullMembersOnly";
    /// <summary>The counts of a vote are consistent: nobody votes twice, no one votes who is not present.</summary>
    public const string ConsistentTallyRule = "Votes.ConsistentTally";

    /// <summary>Whether a member of this category votes (and counts in 应到会 with voting rights) on <paramref name="on"/>.</summary>
    public static bool HasVotingRights(MemberCategory category, DateOnly? fullOn, DateOnly on) =>
        fullOn is { } f ? f <= on : category == MemberCategory.Full;

    public static bool QuorumHeld(VoteKind kind, int shouldAttend, int present, VoteRuleSet? rules = null) =>
        Quorum(kind, rules ?? VoteRuleSet.Load()).IsMetBy(present, shouldAttend);

    public static bool Passes(VoteKind kind, int shouldAttend, int yes, VoteRuleSet? rules = null) =>
        Majority(kind, rules ?? VoteRuleSet.Load()).IsMetBy(yes, shouldAttend);

    /// <summary>
    /// Decides a vote. A vote without quorum never passes. Throws <see cref="ArgumentException"/> when the counts
    /// are inconsistent (see <see cref="CheckTally"/>); use cases check first and answer with a message.
    /// </summary>
    public static VoteOutcome Decide(VoteKind kind, int shouldAttend, int present, VoteTally tally, VoteRuleSet? rules = null)
    {
        var error = CheckTally(shouldAttend, present, tally);
        if (error is not null) throw new ArgumentException(error);
        var set = rules ?? VoteRuleSet.Load();
        var quorum = Quorum(kind, set);
        var majority = Majority(kind, set);
        var quorumHeld = quorum.IsMetBy(present, shouldAttend);
        return new VoteOutcome
        {
            Kind = kind, ShouldAttend = shouldAttend, Present = present, Tally = tally,
            QuorumHeld = quorumHeld,
            Passed = quorumHeld && majority.IsMetBy(tally.Yes, shouldAttend),
            QuorumRule = QuorumRuleName(kind), MajorityRule = MajorityRuleName(kind),
            PresentNeeded = quorum.LeastCountAbove(shouldAttend), YesNeeded = majority.LeastCountAbove(shouldAttend),
            RuleSetVersion = set.Version,
        };
    }

    /// <summary>Null when the counts can be true; otherwise what is wrong with them.</summary>
    public static string? CheckTally(int shouldAttend, int present, VoteTally tally)
    {
        if (shouldAttend < 0 || present < 0 || tally.Yes < 0 || tally.No < 0 || tally.Abstain < 0)
            return "Counts cannot be negative.";
        if (tally.Cast > present)
            return $"{tally.Cast} votes were cast but only {present} members with voting rights were present.";
        return null;
    }

    public static string QuorumRuleName(VoteKind kind) => kind switch
    {
        VoteKind.Motion => GeneralMeetingQuorumRule,
        VoteKind.CommitteeDecision => CommitteeQuorumRule,
        VoteKind.Election => ElectionQuorumRule,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string MajorityRuleName(VoteKind kind) => kind switch
    {
        VoteKind.Motion => MotionMajorityRule,
        VoteKind.CommitteeDecision => CommitteeMajorityRule,
        VoteKind.Election => ElectionMajorityRule,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static VoteThreshold Quorum(VoteKind kind, VoteRuleSet set) => kind switch
    {
        VoteKind.Motion => set.GeneralMeetingQuorum,
        VoteKind.CommitteeDecision => set.CommitteeQuorum,
        VoteKind.Election => set.ElectionQuorum,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static VoteThreshold Majority(VoteKind kind, VoteRuleSet set) => kind switch
    {
        VoteKind.Motion => set.MotionMajority,
        VoteKind.CommitteeDecision => set.CommitteeMajority,
        VoteKind.Election => set.ElectionMajority,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
