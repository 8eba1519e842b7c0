using Bastion.Coverage;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Coverage.Units;

/// <summary>Imports units into the register under one organization (/Coverage/Units/Import?org=…): all rows or none.</summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
[RequestSizeLimit(ImportMembers.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(BastionDb db) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public IReadOnlyList<RosterWorkbook.RowError> Errors { get; private set; } = [];
    public ImportUnits.Result? Done { get; private set; }

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
            var result = await ImportUnits.HandleAsync(db, Organization.Id, stream, ct);
            if (result.Succeeded) Done = result;
            else Errors = result.Errors;
        }
        catch (ValidationFailedException e)
        {
            foreach (var (_, messages) in e.Errors)
                foreach (var message in messages) ModelState.AddModelError("file", message);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("file", RuleMessages.Text(HttpContext, e));
        }
        if (!ModelState.IsValid || Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<OrganizationDetail?> LoadAsync(long? org, CancellationToken ct) =>
        (org ?? User.Organization()) is { } id ? await OrganizationQueries.GetAsync(db, id, ct) : null;
}
