using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Organizations;

/// <summary>The structure findings (DOMAIN §2) of an organization's subtree, most severe first. Out of scope answers 404.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class FindingsModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public Page<StructureFinding>? Findings { get; private set; }
    public FindingSeverity? MinSeverity { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, FindingSeverity? min, int? p, CancellationToken ct)
    {
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is null) return NotFound();
        MinSeverity = min;
        Findings = await StructureFindings.PageAsync(db, id, Clock.Today(db.Time), min, p, 50, ct);
        return Findings is null ? NotFound() : Page();
    }
}
