using Bastion.Cascades;

namespace Bastion.UnitTests.Cascades;

public sealed class CascadeRulesTests
{
    private static readonly DateOnly Due = new(2026, 6, 30);

    [Theory]
    [InlineData(TargetState.Completed, 1, RollUpBucket.Completed)]
    [InlineData(TargetState.Submitted, 1, RollUpBucket.Submitted)]
    [InlineData(TargetState.NotStarted, 1, RollUpBucket.Overdue)]
    [InlineData(TargetState.Returned, 1, RollUpBucket.Overdue)]
    [InlineData(TargetState.NotStarted, 0, RollUpBucket.NotStarted)]
    [InlineData(TargetState.Acknowledged, 0, RollUpBucket.InProgress)]
    [InlineData(TargetState.Returned, 0, RollUpBucket.InProgress)]
    public void Bucket_OnTheDueDateAndTheDayAfter_IsExclusive(TargetState state, int daysAfterDue, RollUpBucket expected) =>
        Assert.Equal(expected, CascadeRules.Bucket(state, Due, Due.AddDays(daysAfterDue)));

    [Fact]
    public void OverdueExpression_AgreesWithTheRule()
    {
        var compiled = CascadeRules.Overdue(Due.AddDays(1)).Compile();
        foreach (var state in Enum.GetValues<TargetState>())
            Assert.Equal(CascadeRules.IsOverdue(state, Due, Due.AddDays(1)), compiled(new CascadeTarget { State = state, DueOn = Due }));
    }

    [Fact]
    public void Transitions_OnlySubmittedIsDecided_AndClosedTargetsTakeNoReports()
    {
        Assert.True(CascadeRules.MayDecide(TargetState.Submitted));
        Assert.False(CascadeRules.MayDecide(TargetState.InProgress));
        Assert.False(CascadeRules.MayReportProgress(TargetState.Completed));
        Assert.True(CascadeRules.MayReportProgress(TargetState.Returned));
        Assert.False(CascadeRules.MayAcknowledge(TargetState.Acknowledged));
        Assert.False(CascadeRules.IsValidPercent(101));
    }
}
