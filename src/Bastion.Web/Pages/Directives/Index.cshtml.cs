using Bastion.Cascades;
using Bastion.Data;
using Bastion.Directives;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Directives;

/// <summary>决策部署: an organization's inbox of directives received, and the directives it issued with their progress.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    [BindProperty(SupportsGet = true)] public int? Ip { get; set; }
    public string OrganizationName { get; private set; } = "";
    public Page<TargetView> Inbox { get; private set; } = null!;
    public Page<DirectiveSummary> Issued { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        if (Org is not { } org || await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct) is not { } name) return NotFound();
        OrganizationName = name;
        Inbox = await CascadeQueries.InboxAsync(db, org, CascadeSubject.Directive, !All, Ip, 20, ct);
        Issued = await DirectiveQueries.IssuedAsync(db, org, P, 20, ct);
        return Page();
    }
}
