using Bastion.Data;
using Bastion.Discipline;
using Bastion.Identity;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Discipline;

/// <summary>
/// Counts of reports about the organizations of a subtree, for every signed-in role — figures only. Discipline staff
/// see every report they may handle; everyone else, system administrators included, only finished ones.
/// </summary>
public sealed class StatisticsModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }

    public MisconductSummary Summary { get; private set; } = null!;
    public bool IsStaff => User.IsInRole(BastionRoles.Discipline);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = Org ?? User.Organization();
        if (org is null) return NotFound();
        try { Summary = await MisconductStatistics.SummaryAsync(db, org.Value, IsStaff, ct); }
        catch (NotFoundException) { return NotFound(); }
        return Page();
    }
}
