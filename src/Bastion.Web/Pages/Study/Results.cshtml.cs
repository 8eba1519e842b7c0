using Bastion.Data;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>测试结果: for a quiz, members who attempted and who passed in the organization and each child (/Study/Results?org=…&amp;quiz=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class ResultsModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public long? Quiz { get; set; }
    public IReadOnlyList<Quiz> Quizzes { get; private set; } = [];
    public Quiz? Selected { get; private set; }
    public IReadOnlyList<QuizResultRow> Rows { get; private set; } = [];
    public string OrganizationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        if (Org is not { } org || await db.Organizations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct) is not { } name) return NotFound();
        OrganizationName = name;
        Quizzes = await Bastion.Study.Quizzes.VisibleQuizzes(db).AsNoTracking().OrderByDescending(q => q.Id).Take(100).ToListAsync(ct);
        Selected = Quiz is { } id ? Quizzes.FirstOrDefault(q => q.Id == id) : Quizzes.Count > 0 ? Quizzes[0] : null;
        if (Quiz is not null && Selected is null) return NotFound();
        if (Selected is not null) Rows = await Bastion.Study.Quizzes.ResultsAsync(db, Selected.Id, org, ct) ?? [];
        return Page();
    }
}
