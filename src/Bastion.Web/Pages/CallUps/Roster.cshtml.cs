using Bastion.CallUps;
using Bastion.Data;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.CallUps;

/// <summary>The roster of one call-up by branch: available, unavailable, no answer. Refreshing the page shows new answers.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RosterModel(BastionDb db) : FormPageModel
{
    public CallUpRoster? Roster { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Roster = await CallUpQueries.RosterAsync(db, id, ct);
        return Roster is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await CloseCallUp.HandleAsync(db, id, ct);
            return Redirect($"/CallUps/Roster/{id}");
        }, async () => Roster = await CallUpQueries.RosterAsync(db, id, ct));
}
