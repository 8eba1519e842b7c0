using Bastion.Alliances;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Alliances;

/// <summary>Alliances (联建共建) visible to the user: their lead or a member organization is in scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public Page<AllianceSummary> Alliances { get; private set; } = new([], 1, 50, 0);
    public AllianceType? Type { get; private set; }

    public async Task OnGetAsync(AllianceType? type, int? p, CancellationToken ct)
    {
        Type = type;
        Alliances = await AllianceQueries.ListAsync(db, type, null, p, 50, ct);
    }
}
