using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Members;

/// <summary>The roster of one organization (the user's own by default), resident ID numbers masked.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public Page<MemberSummary>? Members { get; private set; }
    public MemberFilter Filter { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(long? org, int? p, string? name, MemberCategory? category, MemberStatus? status, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        Organization = await OrganizationQueries.GetAsync(db, id.Value, ct);
        if (Organization is null) return NotFound();
        Filter = new MemberFilter { Name = name, Category = category, Status = status };
        Members = await MemberQueries.OfOrganizationAsync(db, id.Value, Filter, p, 50, ct);
        return Members is null ? NotFound() : Page();
    }

    /// <summary>The roster address with the current filters, for the pager and the export link.</summary>
    public string Query(long org, int? page = null)
    {
        var parts = new List<string> { $"org={org}" };
        if (!string.IsNullOrWhiteSpace(Filter.Name)) parts.Add("name=" + Uri.EscapeDataString(Filter.Name.Trim()));
        if (Filter.Category is { } c) parts.Add($"category={c}");
        if (Filter.Status is { } s) parts.Add($"status={s}");
        if (page is { } p) parts.Add($"p={p}");
        return string.Join('&', parts);
    }
}
