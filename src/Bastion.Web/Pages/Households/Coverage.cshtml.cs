using Bastion.Data;
using Bastion.Grids;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Households;

/// <summary>
/// For upper levels: households contacted in a period against all households (联系群众覆盖), per sub-organization of the
/// chosen subtree, the least covered first; each row opens that sub-organization's own breakdown.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class CoverageModel(BastionDb db) : FormPageModel
{
    public long OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public long? ParentId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<UnitCoverage> Units { get; private set; } = [];
    public int Households => Units.Sum(u => u.Households);
    public int Contacted => Units.Sum(u => u.Contacted);

    public async Task<IActionResult> OnGetAsync(long? organizationId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        (From, To) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        if (ModelState["from"]?.Errors.Count > 0) Errors["from"] = [.. ModelState["from"]!.Errors.Select(e => e.ErrorMessage)];
        if (ModelState["to"]?.Errors.Count > 0) Errors["to"] = [.. ModelState["to"]!.Errors.Select(e => e.ErrorMessage)];
        if (From > To) Errors["to"] = ["The end of the period is on or after its start."];
        if ((organizationId ?? User.Organization()) is not { } id) return NotFound();
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, o.ParentId }).FirstOrDefaultAsync(ct);
        if (org is null) return NotFound();
        (OrganizationId, OrganizationName) = (id, org.Name);
        if (org.ParentId is { } p && await db.Organizations.AnyAsync(o => o.Id == p, ct)) ParentId = p;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Units = await HouseholdQueries.CoverageByUnitAsync(db, id, From, To, ct) ?? [];
        return Page();
    }
}
