using Bastion.Data;
using Bastion.Grids;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Requests;

/// <summary>Grids (网格) under the community and village organizations of the user's scope: list, add, open or close.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class GridsModel(BastionDb db) : PageModel
{
    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Code { get; set; }
    public IReadOnlyList<GridView> Grids { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationId = User.Organization();
        Grids = await GridQueries.ListAsync(db, null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await CreateGrid.HandleAsync(db, new CreateGrid.Command { OrganizationId = OrganizationId, Name = Name, Code = Code }, ct);
            return Redirect("/Requests/Grids");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        Grids = await GridQueries.ListAsync(db, null, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, CancellationToken ct)
    {
        await SetGridActive.HandleAsync(db, id, active, ct);
        return Redirect("/Requests/Grids");
    }
}
