using Bastion.Data;
using Bastion.Development;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Development;

/// <summary>The upper level's approval queue: candidates below whose next step belongs to the upper committee.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class QueueModel(BastionDb db) : PageModel
{
    public IReadOnlyList<PipelineRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await DevelopmentQueries.QueueAsync(db, ct);
        return Page();
    }
}
