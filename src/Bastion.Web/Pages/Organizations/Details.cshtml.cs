using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Organizations;

/// <summary>One organization: where it sits, what it holds, its children (paged). Out of scope answers 404.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class DetailsModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public Page<OrganizationSummary>? Children { get; private set; }
    public OrganizationProfile? Profile { get; private set; }
    public bool CanManage => User.Role() is BastionRoles.SystemAdmin or BastionRoles.OrganizationDepartment;
    public bool ShowRoster => BastionRoles.MaySeePersonalData(User.Role());

    public async Task<IActionResult> OnGetAsync(long id, int? p, CancellationToken ct)
    {
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is null) return NotFound();
        Children = await OrganizationQueries.ChildrenAsync(db, id, p, 50, ct);
        Profile = await OrganizationProfile.GetAsync(db, id, ct);
        return Page();
    }
}
