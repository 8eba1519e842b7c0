using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Villages;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Villages;

/// <summary>
/// Rural revitalization (/Villages?org=…): for a township or county, its villages for a year, weakest collective
/// economy first; for a village organization, its dispatched cadres and yearly indicators with the forms to record them.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    public Organization Organization { get; private set; } = null!;
    public VillageSummary? Summary { get; private set; }
    public VillageRecord? Record { get; private set; }
    public bool IsVillage => Organization.UnitType == UnitType.Rural && Organization.Kind != OrganizationKind.Group;
    public bool CanAssign => User.Role() is BastionRoles.SystemAdmin or BastionRoles.OrganizationDepartment;
    public bool CanRecord => BastionRoles.MaySeePersonalData(User.Role());
    public string? Done { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public VillageRole? Role { get; set; }
    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? SentBy { get; set; }
    [BindProperty] public DateOnly? StartedOn { get; set; }
    [BindProperty] public int? IndicatorYear { get; set; }
    [BindProperty] public decimal? CollectiveIncome { get; set; }
    [BindProperty] public decimal? OperatingIncome { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Done = done;
        IndicatorYear = Clock.Today(db.Time).Year - 1;
        StartedOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        if (!CanAssign) return Forbid();
        return await SubmitAsync(async () =>
        {
            await VillageWork.AssignAsync(db, Organization.Id, new VillageWork.AssignCommand { Role = Role, PersonName = PersonName, SentBy = SentBy, StartedOn = StartedOn }, ct);
            return Redirect($"/Villages?org={Organization.Id}&done=assigned");
        }, () => LoadAsync(org, ct));
    }

    public async Task<IActionResult> OnPostEndAsync(long? org, long assignmentId, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct) || Record?.Assignments.Any(a => a.Id == assignmentId) != true) return NotFound();
        if (!CanAssign) return Forbid();
        return await SubmitAsync(async () =>
        {
            await VillageWork.EndAsync(db, assignmentId, null, ct);
            return Redirect($"/Villages?org={Organization.Id}&done=ended");
        }, () => LoadAsync(org, ct));
    }

    public async Task<IActionResult> OnPostIndicatorAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        if (!CanRecord) return Forbid();
        return await SubmitAsync(async () =>
        {
            await VillageWork.RecordIndicatorAsync(db, Organization.Id, new VillageWork.IndicatorCommand
            {
                Year = IndicatorYear, CollectiveIncome = CollectiveIncome, OperatingIncome = OperatingIncome, Note = Note,
            }, ct);
            return Redirect($"/Villages?org={Organization.Id}&done=recorded");
        }, () => LoadAsync(org, ct));
    }

    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        if ((org ?? User.Organization()) is not { } id) return false;
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization) return false;
        Organization = organization;
        var year = Year ?? Clock.Today(db.Time).Year - 1;
        if (IsVillage) Record = await VillageQueries.ForOrganizationAsync(db, id, ct);
        else Summary = await VillageQueries.SummaryAsync(db, id, year, ct);
        return true;
    }
}
