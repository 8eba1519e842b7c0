using Bastion.Cascades;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>
/// One study campaign (学习教育活动): its materials and, when it was assigned down the tree, the live roll-up at a node
/// (the node and its children, most overdue first, with a chart) and the targets below the node by bucket. Target
/// states follow from the members' counted study, so nobody reports them.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class CampaignModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Node { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bucket { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public StudyCampaign Campaign { get; private set; } = null!;
    public Page<MaterialView> Materials { get; private set; } = null!;
    public CascadeRollUpView? RollUp { get; private set; }
    public Page<TargetView>? Targets { get; private set; }
    public RollUpBucket? ParsedBucket { get; private set; }

    public string Link(long? node, string? bucket = null) =>
        $"/Study/Campaign/{Campaign.Id}?node={node}" + (bucket is null ? "" : $"&bucket={bucket}");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await StudyQueries.VisibleCampaigns(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } campaign) return NotFound();
        Campaign = campaign;
        Materials = await StudyQueries.MaterialsAsync(db, null, id, 1, 100, ct);
        if (campaign.CascadeId is not { } cascade) return Page();

        try { ParsedBucket = Api.DirectivesApi.ParseBucket(Bucket); }
        catch (ValidationFailedException) { return BadRequest(); }
        // Without a node: the publisher when it is in scope, else the caller's own organization.
        var publisherVisible = await db.Organizations.AnyAsync(o => o.Id == campaign.OrganizationId, ct);
        if ((Node ?? (publisherVisible ? campaign.OrganizationId : User.Organization())) is not { } node
            || await CascadeQueries.LevelAsync(db, cascade, node, ct) is not { } level)
            return Node is null ? Page() : NotFound();
        Node = node;
        if (level.All(r => r.OrganizationId != node)) return Page();
        var path = await CascadeRollUpView.PathAsync(db, publisherVisible ? campaign.OrganizationId : null, node, ct);
        RollUp = new CascadeRollUpView(level, node, path, (n, b) => Link(n, b), $"/api/v1/study/campaigns/{id}/rollup.xlsx?node={node}", ShowSubmitted: false);
        Targets = await CascadeQueries.TargetsAsync(db, cascade, node, ParsedBucket, P, 50, ct);
        return Page();
    }
}
