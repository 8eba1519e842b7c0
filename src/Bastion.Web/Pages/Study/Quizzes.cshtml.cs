using Bastion.Data;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>测试: the quizzes open to the signed-in member, with attempts left and the best score (phone first).</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class QuizzesModel(BastionDb db) : PageModel
{
    public sealed record Row(long Id, string Title, int QuestionCount, int TimeLimitMinutes, int PassPercent, int AttemptsLeft, int? BestScore, bool Passed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public long? MemberId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        MemberId = QuizModel.MemberOf(User);
        var quizzes = await Quizzes.VisibleQuizzes(db).AsNoTracking().OrderByDescending(q => q.Id).Take(100).ToListAsync(ct);
        var ids = quizzes.Select(q => q.Id).ToList();
        var mine = MemberId is { } member
            ? await db.Set<QuizAttempt>().Where(a => a.MemberId == member && ids.Contains(a.QuizId))
                .GroupBy(a => a.QuizId).Select(g => new { QuizId = g.Key, Count = g.Count(), Best = g.Max(a => a.Score), Passed = g.Any(a => a.Passed) })
                .ToDictionaryAsync(x => x.QuizId, ct)
            : [];
        Rows = quizzes.Select(q => mine.TryGetValue(q.Id, out var a)
            ? new Row(q.Id, q.Title, q.QuestionCount, q.TimeLimitMinutes, q.PassPercent, Math.Max(0, q.MaxAttempts - a.Count), a.Best, a.Passed)
            : new Row(q.Id, q.Title, q.QuestionCount, q.TimeLimitMinutes, q.PassPercent, q.MaxAttempts, null, false)).ToList();
        return Page();
    }
}
