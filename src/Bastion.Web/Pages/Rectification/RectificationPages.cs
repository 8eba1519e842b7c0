using System.Globalization;
using Bastion.Identity;
using Bastion.Rectification;

namespace Bastion.Web.Pages.Rectification;

/// <summary>What the rectification pages share.</summary>
public static class RectificationPages
{
    /// <summary>The roles that may open the rectification pages (where: the data scope and <see cref="RectificationAccess"/>).</summary>
    public const string Roles = BastionRoles.SystemAdmin + "," + BastionRoles.OrganizationDepartment;

    public static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string StateBadge(RectificationState s) => s switch
    {
        RectificationState.Identified => "text-bg-warning",
        RectificationState.Planned => "text-bg-info",
        RectificationState.Rectifying => "text-bg-primary",
        RectificationState.Checked => "text-bg-success",
        _ => "text-bg-secondary",
    };

    /// <summary>The form field a broken rule is shown beside; null for the top of the form.</summary>
    public static string? FieldOf(string rule, string dateField) => rule switch
    {
        RectificationRules.PlanNeedsStepsRule => "Steps",
        RectificationRules.DateNotInFutureRule or RectificationRules.DateOrderRule or RectificationRules.StepCompletedOnceRule => dateField,
        RectificationRules.OneOpenCaseRule or RectificationRules.ActorAboveRule => "OrganizationId",
        _ => null,
    };
}
