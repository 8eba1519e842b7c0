using System.Security.Claims;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>
/// One quiz for the signed-in member: start an attempt (a paper drawn at random), answer, submit, and see the grade.
/// Answers are posted as <c>q{questionId}</c> = option index (several for multiple choice).
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class QuizModel(BastionDb db) : PageModel
{
    public const string AnswerPrefix = "q";

    public Quiz Quiz { get; private set; } = null!;
    public long? MemberId { get; private set; }
    public int AttemptsLeft { get; private set; }
    /// <summary>The running attempt's paper, if any.</summary>
    public AttemptView? Running { get; private set; }
    /// <summary>The latest submitted attempt.</summary>
    public QuizAttempt? Last { get; private set; }
    /// <summary>A refusal (resource key or message).</summary>
    public string? Error { get; private set; }

    public static long? MemberOf(ClaimsPrincipal user) => long.TryParse(user.FindFirst(BastionClaims.MemberId)?.Value, out var m) ? m : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(long id, CancellationToken ct) =>
        await ActAsync(id, () => Quizzes.StartAsync(db, MemberId!.Value, id, ct), ct);

    public async Task<IActionResult> OnPostSubmitAsync(long id, long attempt, CancellationToken ct)
    {
        var answers = new Dictionary<long, int[]>();
        foreach (var (key, values) in Request.Form)
        {
            if (!key.StartsWith(AnswerPrefix, StringComparison.Ordinal) || !long.TryParse(key.AsSpan(AnswerPrefix.Length), out var question)) continue;
            answers[question] = values.Select(v => int.TryParse(v, out var i) ? i : -1).Where(i => i >= 0).ToArray();
        }
        return await ActAsync(id, () => Quizzes.SubmitAsync(db, MemberId!.Value, attempt, answers, ct), ct);
    }

    private async Task<IActionResult> ActAsync(long id, Func<Task<AttemptView>> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (MemberId is null) { Error = "Study.NoMember"; Response.StatusCode = 400; return Page(); }
        try
        {
            await action();
            return Redirect($"/Study/Quiz/{id}");
        }
        catch (DomainRuleException e)
        {
            Error = e.Rule switch
            {
                Quizzes.TimeUpRule => "Quiz.TimeUp",
                Quizzes.AttemptsUsedRule => "Quiz.AttemptsUsed",
                _ => RuleMessages.Text(HttpContext, e),
            };
        }
        catch (NotFoundException) { return NotFound(); }
        await LoadAsync(id, ct);
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await Quizzes.VisibleQuizzes(db).AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct) is not { } quiz) return false;
        Quiz = quiz;
        MemberId = MemberOf(User);
        AttemptsLeft = quiz.MaxAttempts;
        Running = null;
        Last = null;
        if (MemberId is not { } member) return true;
        var attempts = await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.QuizId == id && a.MemberId == member).OrderByDescending(a => a.Id).ToListAsync(ct);
        AttemptsLeft = Math.Max(0, quiz.MaxAttempts - attempts.Count);
        Last = attempts.FirstOrDefault(a => a.SubmittedAt is not null);
        var now = Clock.UtcNow(db.Time);
        // StartAsync hands back the running attempt without drawing a new paper.
        if (attempts.Any(a => a.SubmittedAt is null && a.DeadlineAt >= now))
        {
            try { Running = await Quizzes.StartAsync(db, member, id, ct); }
            catch (NotFoundException) { Running = null; } // the member is no longer active
        }
        return true;
    }
}
