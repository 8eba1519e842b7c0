using Bastion.Appraisals;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Appraisals;

/// <summary>A branch's democratic appraisals (民主评议党员) year by year, and opening this year's. 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<AppraisalSummary> Rounds { get; private set; } = [];
    [BindProperty] public int? Year { get; set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Year = Clock.Today(db.Time).Year;
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        try
        {
            if (ModelState.TryGetValue(nameof(Year), out var entry) && entry.Errors.Count > 0) throw ValidationFailedException.For(nameof(Year), "Give a year.");
            var round = await OpenAppraisal.HandleAsync(db, Organization.Id, new OpenAppraisal.Command { Year = Year }, ct);
            return Redirect($"/Appraisals/Round/{round.Id}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [nameof(Year)] = [RuleMessages.Text(HttpContext, e)] }; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? Error(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } m ? string.Join(" ", m) : null;

    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null || await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization) return false;
        Organization = organization;
        Rounds = await AppraisalQueries.ForOrganizationAsync(db, organization.Id, ct) ?? [];
        return true;
    }
}
