using Bastion.Data;
using Bastion.Development;
using Bastion.Organizations;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Development;

/// <summary>The pipeline board of a branch (default: the user's own organization): who is at which step, what is due, what is late.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public long OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public IReadOnlyList<PipelineRow> Rows { get; private set; } = [];

    public bool IsBranch => Kind is OrganizationKind.Branch or OrganizationKind.JointBranch;

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        var o = await db.Organizations.Where(x => x.Id == id).Select(x => new { x.Id, x.Name, x.Kind }).FirstOrDefaultAsync(ct);
        if (o is null) return NotFound();
        (OrganizationId, OrganizationName, Kind) = (o.Id, o.Name, o.Kind);
        Rows = await DevelopmentQueries.BoardAsync(db, o.Id, ct);
        return Page();
    }
}
