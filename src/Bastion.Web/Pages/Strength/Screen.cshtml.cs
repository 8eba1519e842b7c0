using Bastion.Compliance;
using Bastion.Data;
using Bastion.Strength;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Strength;

/// <summary>
/// The big screen (大屏) for a wall display: the total, the radar, the children ranked, warnings by severity and the latest
/// severe ones, dark and large, refreshing itself every minute from the stored snapshot. Still behind login and the data scope.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class ScreenModel(BastionDb db) : PageModel
{
    public const int RefreshSeconds = 60;
    public const int ChildrenShown = 20;
    public const int SevereShown = 8;

    public long OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public StrengthOverview? Overview { get; private set; }
    public WarningCounts Counts { get; private set; } = new(0, 0, 0);

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        var orgId = id ?? User.Organization();
        if (orgId is null || await DashboardQueries.NameAsync(db, orgId.Value, ct) is not { } name) return NotFound();
        OrganizationId = orgId.Value;
        OrganizationName = name;
        // A malformed period shows the newest run rather than an error: nobody types at a wall screen.
        Overview = await StrengthQueries.OverviewAsync(db, OrganizationId, Period.TryParse(PeriodText)?.Label, ct: ct);
        if (Overview is not null) Counts = await DashboardQueries.WarningCountsAsync(db, Overview.Run.Id, OrganizationId, ct);
        return Page();
    }
}
