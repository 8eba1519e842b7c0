using Bastion.Compliance;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Strength;

/// <summary>The warnings (预警) of an organization's subtree in one assessed period, most severe first, paged and filtered by severity.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class WarningsModel(BastionDb db) : PageModel
{
    public const int PageSize = 50;

    public long OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<AssessmentRun> Runs { get; private set; } = [];
    public Page<WarningView>? Warnings { get; private set; }

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true, Name = "min")] public WarningSeverity? Minimum { get; set; }
    public string? PeriodError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, int? p, CancellationToken ct)
    {
        var orgId = id ?? User.Organization();
        if (orgId is null || await DashboardQueries.NameAsync(db, orgId.Value, ct) is not { } name) return NotFound();
        OrganizationId = orgId.Value;
        OrganizationName = name;
        Runs = await StrengthQueries.RunsAsync(db, ct);
        if (Runs.Count == 0) return Page();
        string? label = null;
        if (!string.IsNullOrWhiteSpace(PeriodText))
        {
            label = Period.TryParse(PeriodText)?.Label;
            if (label is null || Runs.All(r => r.Period != label))
            {
                PeriodError = label is null ? "Period.Invalid" : "Period.NotAssessed";
                label = null;
            }
        }
        Warnings = await StrengthQueries.WarningsAsync(db, OrganizationId, label ?? Runs[0].Period, Minimum, p, PageSize, ct: ct);
        PeriodText = label ?? Runs[0].Period;
        return Page();
    }

    public string Query(int? page = null)
    {
        var parts = new List<string> { "period=" + Uri.EscapeDataString(PeriodText ?? "") };
        if (Minimum is { } m) parts.Add("min=" + m);
        if (page is { } n) parts.Add("p=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}
