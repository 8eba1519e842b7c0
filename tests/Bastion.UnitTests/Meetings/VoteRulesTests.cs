using Bastion.Meetings;
using Bastion.Members;

namespace Bastion.UnitTests.Meetings;

public sealed class VoteRulesTests
{
    [Fact]
    public void Decide_WhenTenShouldAttendSixPresentFiveYes_QuorumHoldsButMotionFails()
    {
        var outcome = VoteRules.Decide(VoteKind.Motion, shouldAttend: 10, present: 6, new VoteTally(5, 1, 0));

        Assert.True(outcome.QuorumHeld);
        Assert.False(outcome.Passed);
        Assert.Equal(6, outcome.PresentNeeded);
        Assert.Equal(6, outcome.YesNeeded);
        Assert.Equal(VoteRules.MotionMajorityRule, outcome.MajorityRule);
        Assert.Equal("votes.national.2018", outcome.RuleSetVersion);
    }

    [Fact]
    public void Decide_WhenTenShouldAttendSixPresentSixYes_Passes() =>
        Assert.True(VoteRules.Decide(VoteKind.Motion, 10, 6, new VoteTally(6, 0, 0)).Passed);

    [Fact]
    public void QuorumHeld_WhenExactlyHalfPresent_IsFalse()
    {
        Assert.False(VoteRules.QuorumHeld(VoteKind.Motion, shouldAttend: 10, present: 5));
        Assert.True(VoteRules.QuorumHeld(VoteKind.Motion, shouldAttend: 10, present: 6));
    }

    [Fact]
    public void QuorumHeld_WhenOddShouldAttend_NeedsMoreThanHalf()
    {
        Assert.False(VoteRules.QuorumHeld(VoteKind.Motion, 9, 4));
        Assert.True(VoteRules.QuorumHeld(VoteKind.Motion, 9, 5));
    }

    [Fact]
    public void Decide_WhenQuorumFails_NeverPasses()
    {
        // 5 of 10 present all vote yes: 5 is not more than half of 10 either, but the quorum alone already fails.
        var outcome = VoteRules.Decide(VoteKind.Motion, 10, 5, new VoteTally(5, 0, 0));
        Assert.False(outcome.QuorumHeld);
        Assert.False(outcome.Passed);
        // Three should attend, one present voting yes: no quorum, no pass.
        Assert.False(VoteRules.Decide(VoteKind.Motion, 3, 1, new VoteTally(1, 0, 0)).Passed);
    }

    [Fact]
    public void Decide_WhenMajorityOfPresentButNotOfShouldAttend_Fails()
    {
        // 20 should attend, 11 present, 10 yes: 10/11 of those present, but not more than 10 of 20.
        var outcome = VoteRules.Decide(VoteKind.Motion, 20, 11, new VoteTally(10, 1, 0));
        Assert.True(outcome.QuorumHeld);
        Assert.False(outcome.Passed);
    }

    [Fact]
    public void Decide_WhenNobodyShouldAttend_QuorumCannotHold() =>
        Assert.False(VoteRules.Decide(VoteKind.Motion, 0, 0, new VoteTally(0, 0, 0)).QuorumHeld);

    [Fact]
    public void CommitteeQuorum_WhenFiveMembersThreePresent_Holds()
    {
        Assert.True(VoteRules.QuorumHeld(VoteKind.CommitteeDecision, 5, 3));
        Assert.False(VoteRules.QuorumHeld(VoteKind.CommitteeDecision, 4, 2));
        var outcome = VoteRules.Decide(VoteKind.CommitteeDecision, 5, 3, new VoteTally(2, 1, 0));
        Assert.False(outcome.Passed);
        Assert.Equal(VoteRules.CommitteeQuorumRule, outcome.QuorumRule);
        Assert.True(VoteRules.Decide(VoteKind.CommitteeDecision, 5, 3, new VoteTally(3, 0, 0)).Passed);
    }

    [Fact]
    public void ElectionQuorum_WhenExactlyFourFifthsPresent_IsFalse()
    {
        Assert.False(VoteRules.QuorumHeld(VoteKind.Election, shouldAttend: 10, present: 8));
        Assert.True(VoteRules.QuorumHeld(VoteKind.Election, shouldAttend: 10, present: 9));
        Assert.False(VoteRules.QuorumHeld(VoteKind.Election, shouldAttend: 7, present: 5));
        Assert.True(VoteRules.QuorumHeld(VoteKind.Election, shouldAttend: 7, present: 6));
    }

    [Fact]
    public void Election_WhenYesIsHalfOfShouldAttend_IsNotElected()
    {
        var outcome = VoteRules.Decide(VoteKind.Election, 10, 9, new VoteTally(5, 4, 0));
        Assert.True(outcome.QuorumHeld);
        Assert.False(outcome.Passed);
        Assert.Equal(VoteRules.ElectionMajorityRule, outcome.MajorityRule);
        Assert.True(VoteRules.Decide(VoteKind.Election, 10, 9, new VoteTally(6, 3, 0)).Passed);
    }

    [Fact]
    public void Election_WhenMotionQuorumButNotFourFifths_IsVoid()
    {
        var outcome = VoteRules.Decide(VoteKind.Election, 10, 7, new VoteTally(7, 0, 0));
        Assert.False(outcome.QuorumHeld);
        Assert.False(outcome.Passed);
        Assert.Equal(9, outcome.PresentNeeded);
    }

    [Fact]
    public void CheckTally_WhenMoreVotesThanPresent_IsAnError()
    {
        Assert.NotNull(VoteRules.CheckTally(10, 6, new VoteTally(5, 1, 1)));
        Assert.NotNull(VoteRules.CheckTally(10, -1, new VoteTally(0, 0, 0)));
        Assert.Null(VoteRules.CheckTally(10, 6, new VoteTally(4, 1, 1)));
        Assert.Throws<ArgumentException>(() => VoteRules.Decide(VoteKind.Motion, 10, 6, new VoteTally(7, 0, 0)));
    }

    [Fact]
    public void HasVotingRights_WhenProbationary_IsFalseUntilFull()
    {
        var day = new DateOnly(2026, 6, 1);
        Assert.True(VoteRules.HasVotingRights(MemberCategory.Full, new DateOnly(2020, 1, 1), day));
        Assert.False(VoteRules.HasVotingRights(MemberCategory.Probationary, null, day));
        Assert.False(VoteRules.HasVotingRights(MemberCategory.Probationary, new DateOnly(2026, 6, 2), day));
    }

    [Fact]
    public void Parse_WhenThresholdIsNotAProperFraction_Fails()
    {
        var json = """
            {"id":"x","version":"x.1","effectiveFrom":"2020-01-01","title":"t","source":"s",
             "generalMeetingQuorum":{"numerator":2,"denominator":2,"of":"shouldAttend","description":"d","source":"s"},
             "motionMajority":{"numerator":1,"denominator":2,"of":"shouldAttend","description":"d","source":"s"},
             "committeeQuorum":{"numerator":1,"denominator":2,"of":"shouldAttend","description":"d","source":"s"},
             "committeeMajority":{"numerator":1,"denominator":2,"of":"shouldAttend","description":"d","source":"s"},
             "electionQuorum":{"numerator":4,"denominator":5,"of":"shouldAttend","description":"d","source":"s"},
             "electionMajority":{"numerator":1,"denominator":2,"of":"present","description":"d","source":"s"}}
            """;
        Assert.Throws<InvalidOperationException>(() => VoteRuleSet.Parse(json));
    }

    [Fact]
    public void Load_National_HasSourcesForEveryThreshold()
    {
        var set = VoteRuleSet.Load();
        Assert.Equal((4, 5), (set.ElectionQuorum.Numerator, set.ElectionQuorum.Denominator));
        Assert.Contains("第十一条", set.MotionMajority.Source);
        Assert.Contains("第十二条", set.CommitteeQuorum.Source);
    }
}
