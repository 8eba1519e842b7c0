using Bastion.Data;
using Bastion.Organizations;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Organizations;

/// <summary>The organization tree, browsed lazily from the user's own organization (or ?id= inside their scope).</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Root { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        var rootId = id ?? User.Organization();
        if (rootId is null) return NotFound();
        Root = await OrganizationQueries.GetAsync(db, rootId.Value, ct);
        return Root is null ? NotFound() : Page();
    }
}
