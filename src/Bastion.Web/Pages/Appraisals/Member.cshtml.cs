using Bastion.Appraisals;
using Bastion.Data;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Appraisals;

/// <summary>A member's appraisal history (历年民主评议结果). 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class MemberModel(BastionDb db) : PageModel
{
    public string MemberName { get; private set; } = "";
    public IReadOnlyList<AppraisalHistoryItem> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var name = await db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name).FirstOrDefaultAsync(ct);
        if (name is null || await AppraisalQueries.HistoryAsync(db, id, ct) is not { } history) return NotFound();
        MemberName = name;
        History = history;
        return Page();
    }
}
