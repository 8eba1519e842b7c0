using Bastion.Development;

namespace Bastion.UnitTests.Development;

/// <summary>The pure rules of member development and the shipped rule set.</summary>
public sealed class DevelopmentRulesTests
{
    private static readonly DevelopmentRuleSet Rules = DevelopmentRuleCatalogue.Shipped.InForceOn(new DateOnly(2025, 1, 1));

    [Fact]
    public void ShippedRuleSet_HoldsTheNationalNumbers_EachWithItsSource()
    {
        Assert.Equal("development.national.2014", Rules.Version);
        Assert.Equal(18, Rules.MinimumAgeYears.Value);
        Assert.Equal(1, Rules.TalkWithinMonths.Value);
        Assert.Equal((1, 2), (Rules.CultivationContacts.Value, Rules.CultivationContacts.Max!.Value));
        Assert.Equal(6, Rules.ActivistReviewMonths.Value);
        Assert.Equal(12, Rules.ActivistPeriodMonths.Value);
        Assert.True(Rules.PublicNoticeWorkingDays.IsDefault);
        Assert.Equal(2, Rules.Introducers.Value);
        Assert.Equal((24, 3), (Rules.TrainingHours.Value, Rules.TrainingDays.Value));
        Assert.Equal((3, 6), (Rules.ApprovalWithinMonths.Value, Rules.ApprovalWithinMonths.Max!.Value));
        Assert.Equal(12, Rules.ProbationMonths.Value);
        Assert.Equal((6, 12), (Rules.ProbationExtensionMonths.Value, Rules.ProbationExtensionMonths.Max!.Value));
        Assert.Equal(1, Rules.ProbationExtensionsAllowed.Value);
        Assert.Equal(3, Rules.ConversionApprovalWithinMonths.Value);
        Assert.All(Rules.Numbers(), n => Assert.False(string.IsNullOrWhiteSpace(n.Number.Source), n.Name));
    }

    [Fact]
    public void Parse_WhenANumberHasNoSource_Fails()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Rules with { TrainingHours = Rules.TrainingHours with { Source = " " } }, Bastion.Shared.RuleSetResources.Json);
        Assert.Throws<InvalidOperationException>(() => DevelopmentRuleSet.Parse(json));
    }

    [Fact]
    public void Catalogue_InForceOn_PicksTheVersionOfTheDate()
    {
        var revised = Rules with { Version = "development.national.2026", EffectiveFrom = new DateOnly(2026, 7, 1) };
        var catalogue = new DevelopmentRuleCatalogue([revised, Rules]);
        Assert.Equal("development.national.2014", catalogue.InForceOn(new DateOnly(2026, 6, 30)).Version);
        Assert.Equal("development.national.2026", catalogue.InForceOn(new DateOnly(2026, 7, 1)).Version);
        Assert.Equal("development.national.2014", catalogue.InForceOn(new DateOnly(2010, 1, 1)).Version);
        Assert.Throws<InvalidOperationException>(() => new DevelopmentRuleCatalogue([Rules, Rules with { Version = "x" }]));
    }

    [Theory]
    [InlineData(1, 1)] [InlineData(2, 1)] [InlineData(3, 2)] [InlineData(6, 2)] [InlineData(7, 3)] [InlineData(11, 3)]
    [InlineData(12, 4)] [InlineData(18, 4)] [InlineData(19, 5)] [InlineData(25, 5)]
    public void StageOf_GroupsTheStepsAsTheRegulationDoes(int step, int stage) => Assert.Equal(stage, DevelopmentRules.StageOf(step));

    [Fact]
    public void NextSteps_AllowRepeatingReviewsOnly_AndNothingAfterArchiving()
    {
        Assert.Equal([2], DevelopmentRules.NextSteps(1));
        Assert.Equal([6, 7], DevelopmentRules.NextSteps(6));
        Assert.Equal([21, 22], DevelopmentRules.NextSteps(21));
        Assert.Empty(DevelopmentRules.NextSteps(25));
        Assert.Equal([4, 8, 13, 16, 17, 18, 24], DevelopmentRules.UpperCommitteeSteps.Order());
    }

    [Fact]
    public void IsOldEnough_WhenTheEighteenthBirthdayIsTheDayOfApplication_IsTrue()
    {
        var birth = new DateOnly(2006, 3, 15);
        Assert.True(DevelopmentRules.IsOldEnough(birth, new DateOnly(2024, 3, 15), Rules));
        Assert.False(DevelopmentRules.IsOldEnough(birth, new DateOnly(2024, 3, 14), Rules));
    }

    [Fact]
    public void TalkIsLate_AfterOneMonth()
    {
        var applied = new DateOnly(2025, 1, 31);
        Assert.False(DevelopmentRules.TalkIsLate(applied, new DateOnly(2025, 2, 28), Rules));
        Assert.True(DevelopmentRules.TalkIsLate(applied, new DateOnly(2025, 3, 1), Rules));
    }

    [Fact]
    public void MissingReviewDue_FindsTheFirstHalfYearWithoutAReview()
    {
        var activist = new DateOnly(2024, 1, 10);
        Assert.Null(DevelopmentRules.MissingReviewDue(activist, [new(2024, 7, 1), new(2024, 12, 20)], new DateOnly(2025, 2, 1), Rules));
        Assert.Equal(new DateOnly(2024, 7, 10), DevelopmentRules.MissingReviewDue(activist, [new(2024, 8, 1), new(2024, 12, 20)], new DateOnly(2025, 2, 1), Rules));
        Assert.Equal(new DateOnly(2025, 1, 1), DevelopmentRules.MissingReviewDue(activist, [new(2024, 7, 1)], new DateOnly(2025, 2, 1), Rules));
    }

    [Fact]
    public void WorkingDays_CountMondayToFriday()
    {
        Assert.Equal(5, DevelopmentRules.WorkingDays(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 9)));
        Assert.Equal(4, DevelopmentRules.WorkingDays(new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 9)));
        Assert.Equal(0, DevelopmentRules.WorkingDays(new DateOnly(2025, 3, 8), new DateOnly(2025, 3, 9)));
    }

    [Fact]
    public void TrainingIsEnough_With24HoursOr3Days()
    {
        Assert.True(DevelopmentRules.TrainingIsEnough(24, null, Rules));
        Assert.True(DevelopmentRules.TrainingIsEnough(null, 3, Rules));
        Assert.False(DevelopmentRules.TrainingIsEnough(23, 2, Rules));
    }

    [Fact]
    public void Deadlines_ApprovalProbationAndConversion()
    {
        var meeting = new DateOnly(2025, 2, 10);
        Assert.Equal(new DateOnly(2025, 5, 10), DevelopmentRules.ApprovalDeadline(meeting, false, Rules));
        Assert.Equal(new DateOnly(2025, 8, 10), DevelopmentRules.ApprovalDeadline(meeting, true, Rules));
        Assert.Equal(new DateOnly(2026, 2, 10), DevelopmentRules.ProbationEndsOn(meeting, null, Rules));
        Assert.Equal(new DateOnly(2026, 8, 10), DevelopmentRules.ProbationEndsOn(meeting, 6, Rules));
        Assert.True(DevelopmentRules.ExtensionMonthsAllowed(6, Rules));
        Assert.True(DevelopmentRules.ExtensionMonthsAllowed(12, Rules));
        Assert.False(DevelopmentRules.ExtensionMonthsAllowed(5, Rules));
        Assert.False(DevelopmentRules.ExtensionMonthsAllowed(13, Rules));
        Assert.Equal(new DateOnly(2026, 5, 10), DevelopmentRules.ConversionApprovalDeadline(new DateOnly(2026, 2, 10), Rules));
    }
}
