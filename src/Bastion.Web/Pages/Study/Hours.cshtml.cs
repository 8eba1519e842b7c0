using Bastion.Data;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Study;

/// <summary>学时统计: members and members behind per sub-organization, and the members behind, for a year (/Study/Hours?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class HoursModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<HoursRollUpRow> Rows { get; private set; } = [];
    public IReadOnlyList<MemberHours> Behind { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        Year ??= Clock.Today(db.Time).Year;
        if (Org is not { } org || await StudyQueries.RollUpAsync(db, org, Year.Value, ct) is not { } rows) return NotFound();
        Rows = rows;
        Behind = await StudyQueries.MembersAsync(db, org, Year.Value, behindOnly: true, limit: 200, ct) ?? [];
        return Page();
    }
}
