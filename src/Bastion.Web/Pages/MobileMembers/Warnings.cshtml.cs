using Bastion.Data;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.MobileMembers;

/// <summary>党员状态预警: the subtree's member-status warnings, each with what to do (/MobileMembers/Warnings?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class WarningsModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public MemberWarningsReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if ((org ?? User.Organization()) is not { } id) return NotFound();
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is null) return NotFound();
        Report = await MemberWarnings.ForSubtreeAsync(db, id, Clock.Today(db.Time), ct);
        return Report is null ? NotFound() : Page();
    }
}
