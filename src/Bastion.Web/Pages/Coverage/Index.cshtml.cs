using Bastion.Coverage;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Coverage;

/// <summary>Coverage (全覆盖) of an organization's subtree (the user's own by default): rates per unit type and the uncovered units.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db, IAuthorizationService authorization) : PageModel
{
    public CoverageReport? Report { get; private set; }
    public Page<UnitSummary>? Uncovered { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? p, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        Report = await CoverageStatistics.RatesAsync(db, id.Value, ct);
        if (Report is null) return NotFound();
        Uncovered = await UnitQueries.UncoveredAsync(db, id.Value, p, 50, ct);
        CanManage = (await authorization.AuthorizeAsync(User, BastionPolicies.ManageOrganizations)).Succeeded;
        return Uncovered is null ? NotFound() : Page();
    }
}
