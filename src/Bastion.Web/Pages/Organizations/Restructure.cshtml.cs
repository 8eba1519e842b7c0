using Bastion.Data;
using Bastion.Organizations;
using Bastion.Restructuring;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Organizations;

public sealed record OrganizationChoice(long Id, string Name, OrganizationKind Kind, string Parent);

/// <summary>
/// Moves an organization (with its subtree) under another parent, merges it into another of the same level, or
/// dissolves it, each with a reason; and shows its history. The organization department's page; 404 out of scope.
/// </summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
public sealed class RestructureModel(BastionDb db) : FormPageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OrganizationChoice> Candidates { get; private set; } = [];
    public IReadOnlyList<OrganizationEventView> History { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public long? TargetId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await MoveOrganization.HandleAsync(db, id, new MoveOrganization.Command { NewParentId = TargetId, Reason = Reason }, ct);
            return Redirect($"/Organizations/Restructure/{id}?done=moved");
        }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await MergeOrganizations.HandleAsync(db, id, new MergeOrganizations.Command { IntoOrganizationId = TargetId, Reason = Reason }, ct);
            return Redirect($"/Organizations/Restructure/{id}?done=merged");
        }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostDissolveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await DissolveOrganization.HandleAsync(db, id, new DissolveOrganization.Command { Reason = Reason }, ct);
            return Redirect($"/Organizations/Restructure/{id}?done=dissolved");
        }, () => LoadAsync(id, ct));
    }

    /// <summary>The use cases name the target field after their own commands.</summary>
    public string? TargetError => Err(nameof(MoveOrganization.Command.NewParentId)) ?? Err(nameof(MergeOrganizations.Command.IntoOrganizationId)) ?? Err(nameof(TargetId));

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } org) return false;
        Organization = org;
        History = await OrganizationHistory.ForAsync(db, id, ct);
        // Candidates: active organizations in scope whose name contains the search, outside this subtree, at most 30.
        var q = Q?.Trim();
        var upper = TreePath.UpperBound(org.Path);
        var query = db.Organizations.AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Active && o.RegionId == org.RegionId && o.Kind != OrganizationKind.Group
                && (string.Compare(o.Path, org.Path) < 0 || string.Compare(o.Path, upper) >= 0));
        query = string.IsNullOrEmpty(q) ? query.Where(o => o.Id == org.ParentId || o.ParentId == org.ParentId) : query.Where(o => o.Name.Contains(q));
        Candidates = await query.OrderBy(o => o.Depth).ThenBy(o => o.Name).Take(30)
            .Select(o => new OrganizationChoice(o.Id, o.Name, o.Kind, db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        return true;
    }
}
