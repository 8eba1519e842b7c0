using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion.Shared;

namespace Bastion.SecretaryReviews;

/// <summary>
/// The secretaries' review rules as a versioned rule set: the four grades with their points and minimum scores, how
/// the score is computed, and how many reviewers must rate a secretary before the round may close.
/// </summary>
public sealed record SecretaryReviewRuleSet
{
    public const string NationalResource = "secretary-review.national.2026.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
    /// <summary>Best grade first.</summary>
    public required IReadOnlyList<GradeRule> Grades { get; init; }
    public required ScoringRule Scoring { get; init; }
    public required RaterQuorumRule RaterQuorum { get; init; }

    private static readonly JsonSerializerOptions Options = new(RuleSetResources.Json) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lazy<SecretaryReviewRuleSet> s_national = new(() =>
    {
        using var stream = RuleSetResources.Open(NationalResource);
        return Check(JsonSerializer.Deserialize<SecretaryReviewRuleSet>(stream, Options));
    });

    public static SecretaryReviewRuleSet Load() => s_national.Value;

    public static SecretaryReviewRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<SecretaryReviewRuleSet>(json, Options));

    public GradeRule Grade(ReviewGrade grade) => Grades.First(g => g.Grade == grade);

    private static SecretaryReviewRuleSet Check(SecretaryReviewRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The secretaries' review rule set is empty.");
        if (set.Grades.Select(g => g.Grade).Order().SequenceEqual(Enum.GetValues<ReviewGrade>()) is false)
            throw new InvalidOperationException($"Rule set {set.Version}: every grade appears exactly once.");
        for (var i = 1; i < set.Grades.Count; i++)
            if (set.Grades[i].MinimumScore >= set.Grades[i - 1].MinimumScore || set.Grades[i].Points > set.Grades[i - 1].Points)
                throw new InvalidOperationException($"Rule set {set.Version}: grades go from best to worst with falling minimum scores and points.");
        if (set.Grades[^1].MinimumScore > 0) throw new InvalidOperationException($"Rule set {set.Version}: the worst grade starts at 0.");
        if (set.RaterQuorum.Denominator <= 0 || set.RaterQuorum.Numerator < 0 || set.RaterQuorum.Numerator > set.RaterQuorum.Denominator)
            throw new InvalidOperationException($"Rule set {set.Version}: the rater quorum is a share between 0 and 1.");
        return set;
    }
}

/// <summary>One grade (等次): its points in the average and the lowest average that earns it.</summary>
public sealed record GradeRule
{
    public required ReviewGrade Grade { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required int Points { get; init; }
    public required decimal MinimumScore { get; init; }
    public required bool LocalDefault { get; init; }
    public required string Source { get; init; }
}

public sealed record ScoringRule(string Description, string DescriptionEn, bool LocalDefault, string Source);

/// <summary>More than <see cref="Numerator"/>/<see cref="Denominator"/> of the round's reviewers must rate a secretary.</summary>
public sealed record RaterQuorumRule(int Numerator, int Denominator, string Description, string DescriptionEn, bool LocalDefault, string Source);

/// <summary>Ratings received, per grade.</summary>
public sealed record RatingTally(int Good, int FairlyGood, int Average, int Poor)
{
    public int Total => Good + FairlyGood + Average + Poor;

    public int Of(ReviewGrade grade) => grade switch
    {
        ReviewGrade.Good => Good,
        ReviewGrade.FairlyGood => FairlyGood,
        ReviewGrade.Average => Average,
        _ => Poor,
    };

    public static RatingTally From(IEnumerable<ReviewGrade> grades)
    {
        int g = 0, f = 0, a = 0, p = 0;
        foreach (var grade in grades)
        {
            switch (grade)
            {
                case ReviewGrade.Good: g++; break;
                case ReviewGrade.FairlyGood: f++; break;
                case ReviewGrade.Average: a++; break;
                default: p++; break;
            }
        }
        return new RatingTally(g, f, a, p);
    }
}

/// <summary>A computed result: the average points and the grade they earn.</summary>
public sealed record ReviewResult(decimal Score, ReviewGrade Grade);

/// <summary>The named rules of the secretaries' review, and its pure computations.</summary>
public static class SecretaryReviewRules
{
    public const string FutureYearRule = "SecretaryReviews.FutureYear";
    public const string OnePerYearRule = "SecretaryReviews.OnePerYear";
    public const string ClosedRule = "SecretaryReviews.Closed";
    public const string NotCurrentSecretaryRule = "SecretaryReviews.NotCurrentSecretary";
    public const string NotReviewerRule = "SecretaryReviews.NotReviewer";
    public const string ReportNotSubmittedRule = "SecretaryReviews.ReportNotSubmitted";
    public const string ReportRatedRule = "SecretaryReviews.ReportRated";
    public const string OwnReportRule = "SecretaryReviews.OwnReport";
    public const string UnratedRule = "SecretaryReviews.Unrated";

    /// <summary>A round covers a year that has begun.</summary>
    public static bool YearMayOpen(int year, DateOnly today) => year <= today.Year;

    /// <summary>
    /// The average of the points of the ratings and the best grade whose minimum the exact average reaches (a score on a
    /// line earns that grade); null without ratings. The stored score is rounded to 2 decimals, the grade uses the exact value.
    /// </summary>
    public static ReviewResult? Result(RatingTally tally, SecretaryReviewRuleSet rules)
    {
        if (tally.Total == 0) return null;
        decimal sum = 0;
        foreach (var g in rules.Grades) sum += g.Points * tally.Of(g.Grade);
        var grade = rules.Grades.First(g => sum >= g.MinimumScore * tally.Total).Grade;
        return new ReviewResult(Math.Round(sum / tally.Total, 2, MidpointRounding.AwayFromZero), grade);
    }

    /// <summary>Ratings &gt; numerator/denominator of the reviewers (more than half by default).</summary>
    public static bool EnoughRatings(int ratings, int reviewers, RaterQuorumRule rule) =>
        reviewers > 0 && (long)ratings * rule.Denominator > (long)reviewers * rule.Numerator;

    /// <summary>The fewest ratings that satisfy <see cref="EnoughRatings"/> for this many reviewers.</summary>
    public static int RatingsNeeded(int reviewers, RaterQuorumRule rule) =>
        reviewers <= 0 ? 1 : (int)((long)reviewers * rule.Numerator / rule.Denominator) + 1;
}
