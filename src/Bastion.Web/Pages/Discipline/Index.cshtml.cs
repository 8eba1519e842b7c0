using System.Globalization;
using Bastion.Data;
using Bastion.Discipline;
using Bastion.Identity;
using Bastion.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Discipline;

/// <summary>The discipline staff's list of reports received in their subtree, filtered, paged and exportable; every listing is audited.</summary>
[Authorize(Roles = BastionRoles.Discipline)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public MisconductStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public MisconductCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<MisconductListItem> Reports { get; private set; } = new([], 1, MisconductQueries.PageSize, 0);

    private MisconductFilter Filter => new() { Status = Status, Category = Category, OverdueOnly = Overdue };

    public async Task OnGetAsync(CancellationToken ct) => Reports = await MisconductQueries.ListAsync(db, Filter, PageNumber, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var bytes = await MisconductQueries.ExportAsync(db, Filter, english, ct);
        return File(bytes, Workbook.ContentType, $"misconduct-reports-{Clock.Today(db.Time):yyyyMMdd}.xlsx");
    }

    public string Query(int page) =>
        $"?Status={Status}&Category={Category}&Overdue={(Overdue ? "true" : "false")}&p={page}";
}
