using Bastion.Coverage;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Coverage.Units;

/// <summary>The unit register of an organization's subtree (the user's own by default), filtered and paged.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db, IAuthorizationService authorization) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public Page<UnitSummary>? Units { get; private set; }
    public bool CanManage { get; private set; }
    [BindProperty(SupportsGet = true)] public UnitType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public CoverageKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? p, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        Organization = await OrganizationQueries.GetAsync(db, id.Value, ct);
        if (Organization is null) return NotFound();
        Units = await UnitQueries.ListAsync(db, new UnitFilter { OrganizationId = id, UnitType = Type, Coverage = Kind, Search = Q }, p, 50, ct);
        CanManage = (await authorization.AuthorizeAsync(User, BastionPolicies.ManageOrganizations)).Succeeded;
        return Units is null ? NotFound() : Page();
    }

    public string PageUrl(int page) =>
        $"/Coverage/Units?org={Organization!.Id}&type={Type}&kind={Kind}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}
