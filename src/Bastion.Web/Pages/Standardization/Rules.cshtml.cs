using Bastion.Standardization;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Standardization;

/// <summary>The checklist in force: dimensions, items with points, mode, threshold and source, and the category lines.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RulesModel : PageModel
{
    public StandardizationRuleSet Rules { get; } = StandardizationRuleSet.Load();

    public bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public void OnGet()
    {
    }
}
