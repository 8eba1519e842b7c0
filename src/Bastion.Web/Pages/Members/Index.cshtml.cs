using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Members;

/// <summary>The roster of one organization (the user's own by default), resident ID numbers masked.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public Page<MemberSummary>? Members { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? p, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        Organization = await OrganizationQueries.GetAsync(db, id.Value, ct);
        if (Organization is null) return NotFound();
        Members = await MemberQueries.OfOrganizationAsync(db, id.Value, p, 50, ct);
        return Members is null ? NotFound() : Page();
    }
}
