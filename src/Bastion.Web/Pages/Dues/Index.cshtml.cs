using Bastion.Data;
using Bastion.Dues;
using Bastion.Organizations;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Dues;

/// <summary>欠缴党费: members of the organization (the user's own by default) behind with their dues, worst first.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public DuesArrearsReport? Report { get; private set; }
    public DuesTotals? Totals { get; private set; }
    /// <summary>Months just recorded on the Record page, for the confirmation.</summary>
    public int? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? p, int? recorded, CancellationToken ct)
    {
        Recorded = recorded is > 0 ? recorded : null;
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        Organization = await OrganizationQueries.GetAsync(db, id.Value, ct);
        if (Organization is null) return NotFound();
        Report = await DuesArrears.ForOrganizationAsync(db, id.Value, p, 50, ct);
        Totals = await DuesTotalsQuery.ForSubtreeAsync(db, id.Value, Bastion.Shared.Clock.Today(db.Time).Year, ct);
        return Report is null ? NotFound() : Page();
    }
}
