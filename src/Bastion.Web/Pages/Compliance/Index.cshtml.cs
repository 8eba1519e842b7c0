using Bastion.Compliance;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Compliance;

/// <summary>
/// 组织生活落实情况: the compliance of an organization's subtree (the user's own by default) for a year, quarter or
/// month — totals per meeting kind, the organizations below worst first with filters, due-soon, overdue and silent branches.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public ComplianceReport? Report { get; private set; }
    public Page<ComplianceRow>? Rows { get; private set; }
    public OrganizationalLifeRuleSet Rules { get; } = OrganizationalLifeRuleSet.Load();

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public UnitType? UnitType { get; set; }
    public string? PeriodError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? p, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        var period = Period.Of(PeriodKind.Year, Clock.Today(db.Time));
        if (!string.IsNullOrWhiteSpace(PeriodText))
        {
            if (Period.TryParse(PeriodText) is { } parsed) period = parsed;
            else PeriodError = "Compliance.PeriodInvalid";
        }
        Report = await ComplianceQueries.ReportAsync(db, id.Value, period, ct);
        if (Report is null) return NotFound();
        if (PeriodError is null) PeriodText = Report.Range;
        Rows = ComplianceView.Paged(ComplianceView.Rows(Report, new ComplianceFilter(Kind, UnitType)), p, 50);
        return Page();
    }

    /// <summary>The query string of the current filters, for paging and export links.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string> { "period=" + Uri.EscapeDataString(Report!.Range) };
        if (Kind is { } k) parts.Add("kind=" + k);
        if (UnitType is { } u) parts.Add("unitType=" + u);
        if (page is { } n) parts.Add("p=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}
