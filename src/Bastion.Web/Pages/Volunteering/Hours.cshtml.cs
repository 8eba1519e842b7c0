using Bastion.Data;
using Bastion.Shared;
using Bastion.Volunteering;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Volunteering;

/// <summary>Members' service hours in a year over an organization's subtree (default: the user's organization, this year).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class HoursModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<MemberHours> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        OrganizationId ??= User.Organization();
        Year ??= Clock.Today(db.Time).Year;
        if (Year is < 2000 or > 2100) Year = Clock.Today(db.Time).Year;
        if (OrganizationId is not { } org || await VolunteeringQueries.HoursPerYearAsync(db, org, Year.Value, ct) is not { } rows) return NotFound();
        Rows = rows;
        return Page();
    }
}
