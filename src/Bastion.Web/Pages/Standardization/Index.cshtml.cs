using Bastion.Data;
using Bastion.Shared;
using Bastion.Standardization;
using Bastion.Web.Api;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Standardization;

/// <summary>The subtree's branches with their current standardization category, weakest first, counts per category, filter and export.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public SubtreeStandardization View { get; private set; } = null!;
    public string? Category { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, string? category, int? page, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        CategoryFilter? filter;
        try { filter = StandardizationApi.ParseCategory(category); }
        catch (ValidationFailedException) { filter = null; }
        Category = filter is null ? null : category!.Trim().ToLowerInvariant();
        if (await StandardizationQueries.SubtreeAsync(db, id.Value, filter, page, 50, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(long? org, string? category, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        CategoryFilter? filter;
        try { filter = StandardizationApi.ParseCategory(category); }
        catch (ValidationFailedException) { filter = null; }
        return await StandardizationQueries.ExportAsync(db, id.Value, filter, ct) is { } file
            ? File(file, Workbook.ContentType, $"标准化规范化-{id}.xlsx")
            : NotFound();
    }

    public string Link(string? category, int? page = null) =>
        $"/Standardization?org={View.OrganizationId}" + (category is null ? "" : $"&category={category}") + (page is > 1 ? $"&page={page}" : "");
}
