using Bastion.Development;
using Bastion.Shared;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Development;

/// <summary>What the development pages share: step numbers as the regulation writes them (①–㉕) and their names.</summary>
public static class DevelopmentPages
{
    private const string Circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕";

    public static string No(int step) => step is >= 1 and <= 25 ? Circled[step - 1].ToString() : step.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Step(IStringLocalizer t, int step) => $"{No(step)} {t[$"Step.{step}"]}";

    public static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The form field a broken rule is shown beside.</summary>
    public static string FieldOf(string rule) => rule switch
    {
        DevelopmentRules.IntroducersRule or DevelopmentRules.IntroducerNotRelativeRule => "IntroducerIds",
        DevelopmentRules.CultivationContactsRule => "ContactIds",
        DevelopmentRules.PublicNoticeRule => "NoticeFrom",
        DevelopmentRules.TrainingRule => "TrainingHours",
        DevelopmentRules.PoliticalReviewRule => "Passed",
        DevelopmentRules.BranchResolutionRule or Bastion.Meetings.VoteRules.GeneralMeetingQuorumRule or Bastion.Meetings.VoteRules.MotionMajorityRule => "MeetingResolutionId",
        DevelopmentRules.StepOrderRule or DevelopmentRules.UpperCommitteeStepRule or DevelopmentRules.CandidateOpenRule => "Number",
        DevelopmentRules.MinimumAgeRule => "ResidentId",
        DevelopmentRules.ProbationExtensionRule => "Months",
        _ => "Date",
    };
}
