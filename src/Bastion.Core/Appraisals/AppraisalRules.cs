using Bastion.Compliance;
using Bastion.Members;

namespace Bastion.Appraisals;

/// <summary>The rules of 民主评议党员 (DOMAIN §1, JYGL §18), pure.</summary>
public static class AppraisalRules
{
    public const string OnePerYearRule = "Appraisals.OnePerYear";
    public const string ClosedRule = "Appraisals.Closed";
    public const string NoGradeForProbationaryRule = "Appraisals.NoGradeForProbationary";
    public const string ExcellentShareRule = "Appraisals.ExcellentShare";
    public const string UngradedRule = "Appraisals.Ungraded";

    /// <summary>Probationary members take part but get no grade.</summary>
    public static bool MayBeGraded(MemberCategory category) => category == MemberCategory.Full;

    /// <summary>优秀 within the share of those graded: excellent / graded ≤ numerator / denominator (1/3 by default).</summary>
    public static bool ExcellentWithinShare(int excellent, int graded, AppraisalRule rule) =>
        excellent == 0 || (long)excellent * rule.ExcellentShareDenominator <= (long)graded * rule.ExcellentShareNumerator;

    /// <summary>The most 优秀 grades allowed among <paramref name="graded"/> members.</summary>
    public static int MaxExcellent(int graded, AppraisalRule rule) => graded * rule.ExcellentShareNumerator / rule.ExcellentShareDenominator;

    /// <summary>A round covers a year that has begun.</summary>
    public static bool YearMayOpen(int year, DateOnly today) => year >= 1921 && year <= today.Year;

    /// <summary>Members assess others, not themselves, and only full members receive peer grades.</summary>
    public static bool MayVote(long voterMemberId, long memberId, MemberCategory appraisedCategory) =>
        voterMemberId != memberId && MayBeGraded(appraisedCategory);
}
