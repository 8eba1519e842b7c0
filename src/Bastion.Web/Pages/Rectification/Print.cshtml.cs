using Bastion.Data;
using Bastion.Rectification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Rectification;

/// <summary>The case file (整顿档案) as one printable document: identification, plan, measures, progress, checks, closing and the timeline.</summary>
[Authorize(Roles = RectificationPages.Roles)]
public sealed class PrintModel(BastionDb db) : PageModel
{
    public CaseFile Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await RectificationQueries.FileAsync(db, id, ct) is not { } file) return NotFound();
        Record = file;
        return Page();
    }
}
