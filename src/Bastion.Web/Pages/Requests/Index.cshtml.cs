using Bastion.Data;
using Bastion.Requests;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Requests;

/// <summary>The queues: an organization's (with what was escalated to it) or the user's own (with hand-overs waiting).</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool All { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? P { get; set; }

    public Page<QueueItem> Items { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        Items = await RequestQueries.QueueAsync(db, new QueueFilter
        {
            OrganizationId = Mine ? null : Org, OwnerUserId = Mine ? User.UserId() : null, OpenOnly = !All, OverdueOnly = Overdue,
            CategoryCode = string.IsNullOrEmpty(Category) ? null : Category, Page = P,
        }, ct);
    }
}
