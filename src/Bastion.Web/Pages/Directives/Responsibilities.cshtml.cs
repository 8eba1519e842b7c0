using Bastion.Data;
using Bastion.Directives;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Directives;

/// <summary>一岗双责: the responsibility lists of an organization's committee for a year (/Directives/Responsibilities?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class ResponsibilitiesModel(BastionDb db) : DirectivePage
{
    [BindProperty(SupportsGet = true)] public long Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public long PositionId { get; set; }
    [BindProperty] public string? MainDuties { get; set; }
    [BindProperty] public string? PartyBuildingDuties { get; set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<ResponsibilityView> Lists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Lists.All(l => l.PositionId != PositionId)) return NotFound();
        return await RunAsync("list-" + PositionId, () => Responsibilities.SetAsync(db, PositionId,
            new Responsibilities.Command { Year = Year, MainDuties = MainDuties, PartyBuildingDuties = PartyBuildingDuties }, ct),
            () => $"/Directives/Responsibilities?org={Org}&year={Year}", () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Year ??= Clock.Today(db.Time).Year;
        if (await db.Organizations.Where(o => o.Id == Org).Select(o => o.Name).FirstOrDefaultAsync(ct) is not { } name) return false;
        OrganizationName = name;
        Lists = await Responsibilities.ForOrganizationAsync(db, Org, Year.Value, ct) ?? [];
        return true;
    }
}
