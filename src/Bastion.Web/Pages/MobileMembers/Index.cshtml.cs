using Bastion.Data;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.MobileMembers;

/// <summary>流动党员: out-flow and in-flow members kept by the organization's subtree, with the last contact and warnings.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public Page<MobileRecordSummary>? Records { get; private set; }
    public MobileFilter Filter { get; private set; } = new();
    /// <summary>What was just done on another page, for the confirmation.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, MobileDirection? direction, MobileStatus? status, string? name, int? p, string? done, CancellationToken ct)
    {
        if ((org ?? User.Organization()) is not { } id) return NotFound();
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is null) return NotFound();
        Done = done is "registered" or "contact" or "ended" ? done : null;
        Filter = new MobileFilter { Direction = direction, Status = status, Name = name };
        Records = await MobileQueries.ForSubtreeAsync(db, id, Filter, p, 50, ct);
        return Records is null ? NotFound() : Page();
    }

    public string Query(long org, int? page = null)
    {
        var parts = new List<string> { $"org={org}" };
        if (Filter.Direction is { } d) parts.Add($"direction={d}");
        if (Filter.Status is { } s) parts.Add($"status={s}");
        if (!string.IsNullOrWhiteSpace(Filter.Name)) parts.Add("name=" + Uri.EscapeDataString(Filter.Name.Trim()));
        if (page is { } p) parts.Add($"p={p}");
        return string.Join('&', parts);
    }
}
