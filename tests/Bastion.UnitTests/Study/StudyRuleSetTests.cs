using Bastion.Study;

namespace Bastion.UnitTests.Study;

public sealed class StudyRuleSetTests
{
    private static readonly StudyRuleSet Rules = StudyRuleSet.Load();

    [Fact]
    public void National_HasThirtyTwoAndFiftySixHours_WithSources()
    {
        Assert.Equal((32.0, 56.0), (Rules.TargetHours(false), Rules.TargetHours(true)));
        Assert.Contains("第二十条", Rules.AnnualHoursSource);
        Assert.Equal((8.0, 4.0), (Rules.FullDayHours, Rules.HalfDayHours));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(300, 1)]
    [InlineData(301, 2)]
    [InlineData(3000, 10)]
    public void ReadingMinutes_AtThreeHundredCharactersAMinute(int characters, int minutes) => Assert.Equal(minutes, Rules.ReadingMinutes(characters));

    [Theory]
    [InlineData(10, 8)]
    [InlineData(11, 9)]
    [InlineData(1, 1)]
    public void MinimumMinutes_IsEightyPercentRoundedUp(int length, int minimum) => Assert.Equal(minimum, Rules.MinimumMinutes(length));

    [Fact]
    public void Projection_ScalesHoursToTheWholeYear()
    {
        Assert.Equal(36.5, StudyRuleSet.Projection(1, new DateOnly(2026, 1, 10)));
        Assert.Equal(16.0, StudyRuleSet.Projection(16, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Parse_WhenLeaderTargetBelowEveryone_Fails()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Rules with { LeaderAnnualHours = 10 }, Bastion.Shared.RuleSetResources.Json);
        Assert.Throws<InvalidOperationException>(() => StudyRuleSet.Parse(json));
    }

    [Fact]
    public void CompletionShare_IsMarkedAsADefault_AndMustBeAShare()
    {
        Assert.Equal(1.0m, Rules.CompletionShare);
        Assert.Contains("默认值", Rules.CompletionShareSource);
        foreach (var bad in new[] { 0m, -0.5m, 1.01m })
        {
            var json = System.Text.Json.JsonSerializer.Serialize(Rules with { CompletionShare = bad }, Bastion.Shared.RuleSetResources.Json);
            Assert.Throws<InvalidOperationException>(() => StudyRuleSet.Parse(json));
        }
    }

    [Theory]
    [InlineData(1.0, 3, 3, true)]
    [InlineData(1.0, 2, 3, false)]
    [InlineData(0.9, 9, 10, true)]
    [InlineData(0.9, 8, 10, false)]
    [InlineData(0.8, 4, 5, true)]
    [InlineData(1.0, 0, 0, false)]
    public void IsCompleted_CountsTheShareOfActiveMembers(double share, int done, int members, bool completed) =>
        Assert.Equal(completed, (Rules with { CompletionShare = (decimal)share }).IsCompleted(done, members));
}
