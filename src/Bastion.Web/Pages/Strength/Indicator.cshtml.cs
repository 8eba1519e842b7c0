using Bastion.Compliance;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Strength;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Strength;

/// <summary>
/// Explains one indicator of one organization: the rule (formula, worst→best scale, weight, source), the own and the
/// subtree figures, the children's figures weakest first (each drills further down) and the records behind the own figure.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndicatorModel(BastionDb db) : PageModel
{
    public long OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IndicatorRule? Rule { get; private set; }
    public IndicatorDetail? Detail { get; private set; }
    public IReadOnlyList<OrganizationBreadcrumb> Path { get; private set; } = [];
    public bool RecordsHidden { get; private set; }
    public StrengthRuleSet Rules { get; } = StrengthRuleSet.Load();

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    public bool PeriodInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string code, CancellationToken ct)
    {
        Rule = Rules.Indicators.FirstOrDefault(i => i.Code == code);
        if (Rule is null || await DashboardQueries.NameAsync(db, id, ct) is not { } name) return NotFound();
        OrganizationId = id;
        OrganizationName = name;
        Path = await CascadeRollUpView.PathAsync(db, User.Organization(), id, ct);
        string? label = null;
        if (!string.IsNullOrWhiteSpace(PeriodText))
        {
            label = Period.TryParse(PeriodText)?.Label;
            PeriodInvalid = label is null;
        }
        RecordsHidden = !StrengthApi.MaySeeRecords(User);
        Detail = await StrengthQueries.IndicatorAsync(db, id, label, code, RecordsHidden ? 0 : 200, Rules, ct);
        if (Detail is not null) PeriodText = Detail.Run.Period;
        return Page();
    }
}
