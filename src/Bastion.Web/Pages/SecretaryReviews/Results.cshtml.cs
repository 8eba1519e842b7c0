using Bastion.Data;
using Bastion.SecretaryReviews;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.SecretaryReviews;

/// <summary>A year's stored results for the secretaries in a subtree: counts per grade, the list with index and warnings, export.</summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
public sealed class ResultsModel(BastionDb db) : PageModel
{
    public SubtreeResults Results { get; private set; } = null!;
    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? year, int? p, CancellationToken ct)
    {
        Year = year ?? Clock.Today(db.Time).Year - 1;
        if ((org ?? User.Organization()) is not { } id || await SecretaryReviewQueries.ResultsAsync(db, id, Year, p, 50, ct) is not { } results) return NotFound();
        Results = results;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(long? org, int? year, CancellationToken ct)
    {
        Year = year ?? Clock.Today(db.Time).Year - 1;
        if ((org ?? User.Organization()) is not { } id || await SecretaryReviewQueries.ResultsForExportAsync(db, id, Year, ct) is not { } rows) return NotFound();
        return File(ResultsWorkbook.Export(rows), Workbook.ContentType, $"述职评议结果-{Year}.xlsx");
    }
}
