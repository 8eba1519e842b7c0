using Bastion.Data;
using Bastion.Organizations;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>
/// 组织测试 (/Study/NewQuiz?org=…): creates a quiz for the organization's subtree from a visible bank — questions drawn
/// per attempt, time limit, pass mark, attempts allowed — and lists the quizzes already visible with links to their results.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class NewQuizModel(BastionDb db) : StudyFormPage
{
    public sealed class QuizForm
    {
        public long? BankId { get; set; }
        public string? Title { get; set; }
        public int? QuestionCount { get; set; } = 10;
        public int? TimeLimitMinutes { get; set; } = 30;
        public int? PassPercent { get; set; } = 60;
        public int? MaxAttempts { get; set; } = 3;
    }

    public sealed record BankOption(long Id, string Title, int Questions);

    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public long? Bank { get; set; }
    [BindProperty(Name = "Z")] public QuizForm Z { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<BankOption> Banks { get; private set; } = [];
    public IReadOnlyList<Quiz> Existing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Z.BankId ??= Bank;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await RunAsync("Z", () => Quizzes.CreateQuizAsync(db, Organization.Id, new Quizzes.QuizInput
        {
            BankId = Z.BankId, Title = Z.Title, QuestionCount = Z.QuestionCount, TimeLimitMinutes = Z.TimeLimitMinutes, PassPercent = Z.PassPercent, MaxAttempts = Z.MaxAttempts,
        }, ct), () => $"/Study/NewQuiz?org={Organization.Id}&done=quiz", () => Task.FromResult(true));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        if (Org is not { } org || await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, ct) is not { } organization) return false;
        Organization = organization;
        Banks = await Quizzes.VisibleBanks(db).OrderByDescending(b => b.Id).Take(BanksModel.Limit)
            .Select(b => new BankOption(b.Id, b.Title, db.Set<Question>().Count(q => q.BankId == b.Id))).ToListAsync(ct);
        Existing = await Quizzes.VisibleQuizzes(db).AsNoTracking().OrderByDescending(q => q.Id).Take(50).ToListAsync(ct);
        return true;
    }
}
