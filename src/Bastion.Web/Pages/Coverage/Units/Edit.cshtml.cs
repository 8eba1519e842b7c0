using Bastion.Coverage;
using Bastion.Data;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Coverage.Units;

/// <summary>Edits a unit's entry and coverage. Out of scope answers 404.</summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
public sealed class EditModel(BastionDb db) : UnitFormModel
{
    public bool Created { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool? created, bool? saved, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(db, id, ct) is not { } unit) return NotFound();
        Fill(unit);
        Created = created == true;
        Saved = saved == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(db, id, ct) is not { } stored) return NotFound();
        CreditCodeWarning = stored.CreditCodeWarning;
        if (!await TrySaveAsync(() => EditUnit.HandleAsync(db, id, Input<EditUnit.Command>(), ct))) return Page();
        return Redirect($"/Coverage/Units/Edit/{id}?saved=true");
    }
}
