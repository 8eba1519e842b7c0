using Bastion.Data;
using Bastion.Organizations;
using Bastion.SecretaryReviews;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.SecretaryReviews;

/// <summary>
/// The rounds organized in the caller's subtree and opening a new one (organization department and administrators);
/// everyone else is sent to their own reports and ratings.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];
    public IReadOnlyList<Organization> Committees { get; private set; } = [];
    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Reviewers { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if (!SecretaryReviewsApi.MayManage(User)) return Redirect("/SecretaryReviews/Mine");
        if (!await LoadAsync(org, ct)) return NotFound();
        Year = Clock.Today(db.Time).Year - 1;
        OrganizationId = Organization.Kind == OrganizationKind.Committee ? Organization.Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(long? org, CancellationToken ct)
    {
        if (!SecretaryReviewsApi.MayManage(User)) return Forbid();
        if (!await LoadAsync(org, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            var round = await OpenReviewRound.HandleAsync(db, new OpenReviewRound.Command
            {
                OrganizationId = OrganizationId, Year = Year,
                Reviewers = (Reviewers ?? "").Split([',', '，', ' ', '\n', '\r', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            }, ct);
            return Redirect($"/SecretaryReviews/Round/{round.Id}");
        }, ruleField: nameof(Year));
    }

    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null || await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization) return false;
        Organization = organization;
        Rounds = await SecretaryReviewQueries.RoundsAsync(db, organization.Id, ct) ?? [];
        // The committee itself and the committees directly under it are the usual organizers.
        Committees = await db.Organizations.AsNoTracking()
            .Where(o => (o.Id == organization.Id || o.ParentId == organization.Id) && o.Kind == OrganizationKind.Committee && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path).Take(200).ToListAsync(ct);
        return true;
    }
}
