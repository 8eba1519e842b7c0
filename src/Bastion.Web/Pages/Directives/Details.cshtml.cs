using Bastion.Cascades;
using Bastion.Data;
using Bastion.Directives;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Directives;

/// <summary>
/// One directive: the body, the live roll-up at a node (the node and its children, most overdue first, with a chart),
/// the targets below the node by bucket, and the caller's own target when their organization received it.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class DetailsModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Node { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bucket { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public DirectiveDetail Directive { get; private set; } = null!;
    public IReadOnlyList<RollUpRow> Level { get; private set; } = [];
    public IReadOnlyList<OrganizationBreadcrumb> Path { get; private set; } = [];
    public Page<TargetView>? Targets { get; private set; }
    public TargetView? Mine { get; private set; }
    public RollUpBucket? ParsedBucket { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await DirectiveQueries.GetAsync(db, id, ct) is not { } directive) return NotFound();
        Directive = directive;
        if (User.Organization() is { } own) Mine = await CascadeQueries.TargetAtAsync(db, directive.CascadeId, own, ct);

        // Without a node: the issuer when it is in scope, else the caller's own organization.
        var issuerVisible = await db.Organizations.AnyAsync(o => o.Id == directive.IssuerOrganizationId, ct);
        var node = Node ?? (issuerVisible ? directive.IssuerOrganizationId : User.Organization());
        if (node is { } n && await CascadeQueries.LevelAsync(db, directive.CascadeId, n, ct) is { } level)
        {
            Node = n;
            Level = level;
            Path = await Bastion.Web.Pages.Shared.CascadeRollUpView.PathAsync(db, issuerVisible ? directive.IssuerOrganizationId : null, n, ct);
            try { ParsedBucket = Api.DirectivesApi.ParseBucket(Bucket); }
            catch (ValidationFailedException) { return BadRequest(); }
            Targets = await CascadeQueries.TargetsAsync(db, directive.CascadeId, n, ParsedBucket, P, 50, ct);
        }
        else Node = null;
        return Page();
    }
}
