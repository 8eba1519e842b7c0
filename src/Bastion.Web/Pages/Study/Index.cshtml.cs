using Bastion.Data;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Study;

/// <summary>我的学习: the signed-in member's hours this year against the target, and the materials to study (phone first).</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public MemberLedger? Ledger { get; private set; }
    public Page<MaterialView> Materials { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        long? member = long.TryParse(User.FindFirst(BastionClaims.MemberId)?.Value, out var m) ? m : null;
        if (member is { } id) Ledger = await StudyQueries.MemberAsync(db, id, Clock.Today(db.Time).Year, ct);
        Materials = await StudyQueries.MaterialsAsync(db, member, null, P, 20, ct);
        return Page();
    }
}
