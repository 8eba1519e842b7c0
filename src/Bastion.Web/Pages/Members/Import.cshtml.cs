using System.Text.Json;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Members;

/// <summary>Imports a roster workbook into a branch (/Members/Import?org=…): all rows or none, errors in a table.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
[RequestSizeLimit(ImportMembers.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(BastionDb db, PiiProtector pii) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public IReadOnlyList<RosterWorkbook.RowError> Errors { get; private set; } = [];
    public int? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        Organization = await LoadAsync(org, ct);
        return Organization is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long? org, IFormFile? file, CancellationToken ct)
    {
        Organization = await LoadAsync(org, ct);
        if (Organization is null) return NotFound();
        try
        {
            MembersApi.EnsureWorkbook(file);
            await using var stream = file!.OpenReadStream();
            var result = await ImportMembers.HandleAsync(db, pii, Organization.Id, stream, ct);
            if (result.Succeeded) Imported = result.Imported;
            else Errors = result.Errors;
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) ModelState.AddModelError(field == "File" ? "file" : "", message);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>The row errors just shown, as a workbook (行号, 列, 原因); the page posts back what it displayed.</summary>
    public IActionResult OnPostErrors(string? errors)
    {
        List<RosterWorkbook.RowError>? list = null;
        try { list = string.IsNullOrEmpty(errors) ? null : JsonSerializer.Deserialize<List<RosterWorkbook.RowError>>(errors); }
        catch (JsonException) { }
        if (list is null) return BadRequest();
        return File(ImportMembers.ErrorWorkbook(list), RosterWorkbook.ContentType, "导入错误.xlsx");
    }

    private async Task<OrganizationDetail?> LoadAsync(long? org, CancellationToken ct) =>
        (org ?? User.Organization()) is { } id ? await OrganizationQueries.GetAsync(db, id, ct) : null;
}
