using Bastion.Appraisals;
using Bastion.Compliance;
using Bastion.Members;

namespace Bastion.UnitTests.Appraisals;

public sealed class AppraisalRulesTests
{
    private static readonly AppraisalRule Third = OrganizationalLifeRuleSet.Load().Appraisal;

    [Fact]
    public void RuleSet_ExcellentShare_IsOneThirdWithItsSource()
    {
        Assert.Equal((1, 3), (Third.ExcellentShareNumerator, Third.ExcellentShareDenominator));
        Assert.Contains("第十八条", Third.Source);
    }

    [Theory]
    [InlineData(3, 9, true)]
    [InlineData(4, 9, false)]
    [InlineData(1, 3, true)]
    [InlineData(1, 2, false)]
    [InlineData(0, 0, true)]
    [InlineData(3, 10, true)]
    [InlineData(4, 11, false)]
    public void ExcellentWithinShare_AtMostOneThirdOfThoseGraded(int excellent, int graded, bool allowed) =>
        Assert.Equal(allowed, AppraisalRules.ExcellentWithinShare(excellent, graded, Third));

    [Fact]
    public void MaxExcellent_RoundsDown() => Assert.Equal(3, AppraisalRules.MaxExcellent(11, Third));

    [Fact]
    public void MayBeGraded_WhenProbationary_IsFalse()
    {
        Assert.False(AppraisalRules.MayBeGraded(MemberCategory.Probationary));
        Assert.True(AppraisalRules.MayBeGraded(MemberCategory.Full));
    }

    [Fact]
    public void MayVote_ForOneselfOrAProbationaryMember_IsFalse()
    {
        Assert.False(AppraisalRules.MayVote(1, 1, MemberCategory.Full));
        Assert.False(AppraisalRules.MayVote(1, 2, MemberCategory.Probationary));
        Assert.True(AppraisalRules.MayVote(1, 2, MemberCategory.Full));
    }

    [Fact]
    public void YearMayOpen_WhenInTheFuture_IsFalse()
    {
        Assert.False(AppraisalRules.YearMayOpen(2027, new DateOnly(2026, 12, 31)));
        Assert.True(AppraisalRules.YearMayOpen(2026, new DateOnly(2026, 1, 1)));
    }
}
