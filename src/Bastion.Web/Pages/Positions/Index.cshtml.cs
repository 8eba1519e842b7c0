using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Positions;

public sealed record MemberOption(long Id, string Name);

/// <summary>An organization's positions (职务): current holders (secretary first), the secretary vacancy, appoint and end. 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    public Organization Organization { get; private set; } = null!;
    public OrganizationPositions Positions { get; private set; } = null!;
    public IReadOnlyList<MemberOption> Members { get; private set; } = [];
    [BindProperty] public long? MemberId { get; set; }
    [BindProperty] public PositionRole? Role { get; set; }
    [BindProperty] public DateOnly? StartedOn { get; set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long org, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Done = done;
        StartedOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAppointAsync(long org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await AppointPosition.HandleAsync(db, org, new AppointPosition.Command { MemberId = MemberId, Role = Role, StartedOn = StartedOn }, ct);
            return Redirect($"/Positions?org={org}&done=appointed");
        }, ruleField: nameof(Role));
    }

    public async Task<IActionResult> OnPostEndAsync(long org, long positionId, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct) || Positions.Current.All(p => p.Id != positionId)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await EndPosition.HandleAsync(db, positionId, new EndPosition.Command(), ct);
            return Redirect($"/Positions?org={org}&done=ended");
        }, ruleField: "EndedOn");
    }

    /// <summary>Roles offered for this kind of organization.</summary>
    public IEnumerable<PositionRole> Roles => Enum.GetValues<PositionRole>().Where(r => PositionRules.FitsOrganization(r, Organization.Kind));

    private async Task<bool> LoadAsync(long org, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, ct) is not { } organization) return false;
        if (await PositionQueries.ForOrganizationAsync(db, org, ct) is not { } positions) return false;
        Organization = organization;
        Positions = positions;
        var memberOrgId = organization.Kind == OrganizationKind.Group ? organization.ParentId : organization.Id;
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == memberOrgId && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(500).Select(m => new MemberOption(m.Id, m.Name)).ToListAsync(ct);
        return true;
    }
}
