using Bastion.Coverage;
using Bastion.Data;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Coverage.Units;

/// <summary>Registers a unit in the coverage register; a credit code failing the check is kept and flagged on the edit page.</summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
public sealed class CreateModel(BastionDb db) : UnitFormModel
{
    public void OnGet(long? org)
    {
        OrganizationId = org ?? User.Organization();
        PartyMemberCount = 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Unit? unit = null;
        if (!await TrySaveAsync(async () => unit = await RegisterUnit.HandleAsync(db, Input<RegisterUnit.Command>(), ct))) return Page();
        return Redirect($"/Coverage/Units/Edit/{unit!.Id}?created=true");
    }
}
