using Bastion.Data;
using Bastion.Shared;
using Bastion.Standardization;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Standardization;

/// <summary>A branch's current category and category history; from above, the start of a year's assessment.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class BranchModel(BastionDb db, IStringLocalizer<StandardizationResource> t) : FormPageModel
{
    public BranchStandardization View { get; private set; } = null!;
    public bool CanAssess { get; private set; }
    [BindProperty] public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Year = Clock.Today(db.Time).Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAssessAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        // The use case checks the year too; the page says it in the user's language.
        if (!ModelState.IsValid || Year is not >= AssessBranch.FirstYear)
        {
            Errors[nameof(Year)] = [t["Error.Year"]];
            ModelState.Remove(nameof(Year));
        }
        StandardizationAssessment? created = null;
        var ok = await TryAsync(async () => created = await AssessBranch.HandleAsync(db, User.Role(), View.OrganizationId, new AssessBranch.Command { Year = Year }, ct: ct), nameof(Year));
        if (ok) return Redirect($"/Standardization/Assessment/{created!.Id}");
        return Page();
    }

    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null || await StandardizationQueries.BranchAsync(db, id.Value, ct) is not { } view) return false;
        View = view;
        CanAssess = StandardizationAccess.IsAbove(db.Scope.Path, User.Role(), view.Path)
            && view.Kind is Bastion.Organizations.OrganizationKind.Branch or Bastion.Organizations.OrganizationKind.JointBranch;
        return true;
    }
}
