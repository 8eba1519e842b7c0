using Bastion.SecretaryReviews;

namespace Bastion.UnitTests.SecretaryReviews;

/// <summary>
/// The grade rule on hand-computed cases. Points 好 100, 较好 80, 一般 60, 差 0; lines 好 ≥ 90, 较好 ≥ 75, 一般 ≥ 60, else 差;
/// a score exactly on a line earns that grade (the "tie" at a line goes up), a score just below it does not.
/// </summary>
public sealed class SecretaryReviewRulesTests
{
    private static readonly SecretaryReviewRuleSet Rules = SecretaryReviewRuleSet.Load();

    [Fact]
    public void RuleSet_HasItsNumbersAndSource_AndMarksLocalDefaults()
    {
        Assert.Equal("secretary-review.national.2026", Rules.Version);
        Assert.Contains("关于建立健全党委（党组）书记抓基层党建工作责任制的规定", Rules.Source);
        Assert.Equal(new[] { 100, 80, 60, 0 }, Rules.Grades.Select(g => g.Points));
        Assert.Equal(new[] { 90m, 75m, 60m, 0m }, Rules.Grades.Select(g => g.MinimumScore));
        Assert.Equal(new[] { "好", "较好", "一般", "差" }, Rules.Grades.Select(g => g.Name));
        Assert.All(Rules.Grades, g => Assert.True(g.LocalDefault));
        Assert.True(Rules.RaterQuorum.LocalDefault);
        Assert.Equal((1, 2), (Rules.RaterQuorum.Numerator, Rules.RaterQuorum.Denominator));
    }

    [Theory]
    // good, fairly good, average, poor → score, grade
    [InlineData(5, 0, 0, 0, "100", ReviewGrade.Good)]
    [InlineData(1, 1, 0, 0, "90", ReviewGrade.Good)]            // (100+80)/2 = 90: on the line, 好
    [InlineData(2, 3, 0, 0, "88", ReviewGrade.FairlyGood)]      // (200+240)/5 = 88
    [InlineData(1, 2, 0, 0, "86.67", ReviewGrade.FairlyGood)]   // 260/3 = 86.666…
    [InlineData(0, 3, 1, 0, "75", ReviewGrade.FairlyGood)]      // (240+60)/4 = 75: on the line, 较好
    [InlineData(0, 1, 2, 0, "66.67", ReviewGrade.Average)]      // 200/3
    [InlineData(3, 0, 0, 2, "60", ReviewGrade.Average)]         // 300/5 = 60: on the line, 一般
    [InlineData(4, 0, 0, 3, "57.14", ReviewGrade.Poor)]         // 400/7 = 57.14
    [InlineData(0, 0, 0, 1, "0", ReviewGrade.Poor)]
    [InlineData(8, 1, 0, 0, "97.78", ReviewGrade.Good)]         // 880/9
    [InlineData(5, 4, 1, 0, "88", ReviewGrade.FairlyGood)]      // (500+320+60)/10 = 88
    public void Result_OnHandComputedCases_IsTheAverageAndItsGrade(int good, int fairlyGood, int average, int poor, string score, ReviewGrade grade)
    {
        var result = SecretaryReviewRules.Result(new RatingTally(good, fairlyGood, average, poor), Rules);
        Assert.NotNull(result);
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), result.Score);
        Assert.Equal(grade, result.Grade);
    }

    [Fact]
    public void Result_JustBelowALine_GetsTheLowerGrade()
    {
        // 7 好 8 较好: (700 + 640) / 15 = 89.33, below 90 → 较好.
        Assert.Equal(ReviewGrade.FairlyGood, SecretaryReviewRules.Result(new RatingTally(7, 8, 0, 0), Rules)!.Grade);
        // 3 好 1 一般 1 差: (300 + 60 + 0) / 5 = 72, below 75 → 一般.
        Assert.Equal(ReviewGrade.Average, SecretaryReviewRules.Result(new RatingTally(3, 0, 1, 1), Rules)!.Grade);
        // 1 好 1 差: 50, below 60 → 差.
        Assert.Equal(ReviewGrade.Poor, SecretaryReviewRules.Result(new RatingTally(1, 0, 0, 1), Rules)!.Grade);
    }

    [Fact]
    public void Result_WithoutRatings_IsNone() => Assert.Null(SecretaryReviewRules.Result(new RatingTally(0, 0, 0, 0), Rules));

    [Theory]
    [InlineData(5, 2, false)]
    [InlineData(5, 3, true)]
    [InlineData(4, 2, false)] // exactly half is not more than half
    [InlineData(4, 3, true)]
    [InlineData(1, 1, true)]
    [InlineData(0, 0, false)]
    public void EnoughRatings_IsMoreThanHalfOfTheReviewers(int reviewers, int ratings, bool enough)
    {
        Assert.Equal(enough, SecretaryReviewRules.EnoughRatings(ratings, reviewers, Rules.RaterQuorum));
        if (reviewers > 0) Assert.True(SecretaryReviewRules.EnoughRatings(SecretaryReviewRules.RatingsNeeded(reviewers, Rules.RaterQuorum), reviewers, Rules.RaterQuorum));
        if (reviewers > 0) Assert.False(SecretaryReviewRules.EnoughRatings(SecretaryReviewRules.RatingsNeeded(reviewers, Rules.RaterQuorum) - 1, reviewers, Rules.RaterQuorum));
    }

    [Fact]
    public void YearMayOpen_RefusesAFutureYear()
    {
        var today = new DateOnly(2026, 11, 26);
        Assert.True(SecretaryReviewRules.YearMayOpen(2026, today));
        Assert.True(SecretaryReviewRules.YearMayOpen(2025, today));
        Assert.False(SecretaryReviewRules.YearMayOpen(2027, today));
    }

    [Fact]
    public void Parse_RefusesGradesOutOfOrder()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Bastion.Core", "Rules", SecretaryReviewRuleSet.NationalResource));
        Assert.Equal(Rules.Version, SecretaryReviewRuleSet.Parse(json).Version);
        var broken = json.Replace("\"minimumScore\": 75", "\"minimumScore\": 95", StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => SecretaryReviewRuleSet.Parse(broken));
    }
}
