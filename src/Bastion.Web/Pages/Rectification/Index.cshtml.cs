using Bastion.Data;
using Bastion.Rectification;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Rectification;

/// <summary>台账: the living ledger of rectification cases in the viewer's subtree — counts per state, filters, overdue first, export.</summary>
[Authorize(Roles = RectificationPages.Roles)]
public sealed class IndexModel(BastionDb db, IStringLocalizer<RectificationResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public RectificationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public WeakSituation? Situation { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Ledger Ledger { get; private set; } = null!;

    private RectificationFilter Filter => new() { State = State, Situation = Situation, Year = Year, OrganizationId = Org };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { Ledger = await RectificationQueries.LedgerAsync(db, Filter, PageNumber, ct); }
        catch (NotFoundException) { return NotFound(); }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await RectificationQueries.ExportRowsAsync(db, Filter, ct);
        return File(RectificationExport.Write(rows, t), Workbook.ContentType, $"rectification-ledger-{Clock.Today(db.Time):yyyyMMdd}.xlsx");
    }

    public string Query(RectificationState? state, int page = 1) =>
        $"?State={state}&Situation={Situation}&Year={Year}&Org={Org}&p={page}";
}
