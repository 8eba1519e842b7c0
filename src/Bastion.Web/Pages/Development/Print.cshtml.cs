using Bastion.Data;
using Bastion.Development;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Development;

/// <summary>A candidate's complete file as one printable document (入党材料): every step, person, date and rule-set version.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class PrintModel(BastionDb db) : PageModel
{
    public CandidateFile Record { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await DevelopmentQueries.FileAsync(db, id, ct) is not { } file) return NotFound();
        Record = file;
        Today = Bastion.Shared.Clock.Today(db.Time);
        return Page();
    }
}
