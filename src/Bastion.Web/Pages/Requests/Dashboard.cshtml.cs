using Bastion.Data;
using Bastion.Requests;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Requests;

/// <summary>The subtree's figures over the last year: volume by category, on time, satisfaction, reopened, oldest open.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class DashboardModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    public RequestDashboardView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        View = Org is { } id ? await RequestDashboard.ForSubtreeAsync(db, id, null, null, ct) : null;
        return View is null ? NotFound() : Page();
    }
}
