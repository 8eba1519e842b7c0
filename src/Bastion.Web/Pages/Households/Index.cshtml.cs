using Bastion.Data;
using Bastion.Grids;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Households;

/// <summary>
/// The households (住户) of one grid for the secretary or the grid's organization: register a household, correct it,
/// assign the member who keeps contact (联系群众), and see the grid's latest visits and calls.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    public IReadOnlyList<GridView> Grids { get; private set; } = [];
    public GridView? Grid { get; private set; }
    public IReadOnlyList<HouseholdView> Households { get; private set; } = [];
    public IReadOnlyList<KeeperChoice> Keepers { get; private set; } = [];
    public IReadOnlyList<HouseholdContactView> Contacts { get; private set; } = [];
    public bool Saved { get; private set; }

    /// <summary>The household being edited; null registers a new one.</summary>
    [BindProperty] public long? HouseholdId { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public int? PeopleCount { get; set; }
    [BindProperty] public long? KeeperMemberId { get; set; }

    private async Task<bool> LoadAsync(long? gridId, CancellationToken ct)
    {
        Grids = await GridQueries.ListAsync(db, null, ct);
        Grid = gridId is { } id ? Grids.FirstOrDefault(g => g.Id == id) : Grids.Count > 0 ? Grids[0] : null;
        if (Grid is null) return gridId is null;
        Households = await HouseholdQueries.ForGridAsync(db, Grid.Id, ct);
        Keepers = await HouseholdQueries.KeepersForGridAsync(db, Grid.Id, ct);
        Contacts = await HouseholdQueries.RecentContactsAsync(db, null, Grid.Id, 20, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long? gridId, long? edit, bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        if (!await LoadAsync(gridId, ct)) return NotFound();
        if (edit is { } e)
        {
            var h = Households.FirstOrDefault(x => x.Id == e);
            if (h is null) return NotFound();
            (HouseholdId, Address, PeopleCount, KeeperMemberId) = (h.Id, h.Address, h.PeopleCount, h.KeeperMemberId);
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long gridId, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            var command = new AddHousehold.Command { Address = Address, PeopleCount = PeopleCount, KeeperMemberId = KeeperMemberId };
            if (HouseholdId is { } id)
            {
                var household = await UpdateHousehold.HandleAsync(db, id, command, ct);
                gridId = household.GridId;
            }
            else await AddHousehold.HandleAsync(db, gridId, command, ct);
            return Redirect($"/Households?gridId={gridId}&saved=true");
        }, () => LoadAsync(gridId, ct));
}
