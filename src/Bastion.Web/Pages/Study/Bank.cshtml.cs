using System.Text.Json;
using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>
/// One question bank (/Study/Bank/{id}): its questions with their correct options, and — when the bank was published
/// in the caller's scope — a form to add a single-choice, multiple-choice or true/false question. The use case checks
/// the question (one answer for single choice, 2–8 options, none empty…); its errors appear beside the fields. Questions
/// may also be imported from a workbook (all rows or none; the rows' errors are listed by row and column).
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class BankModel(BastionDb db) : StudyFormPage
{
    /// <summary>Option inputs offered by the form (the use case accepts up to <see cref="Quizzes.MaxOptions"/>).</summary>
    public const int OptionSlots = 6;

    public sealed class QuestionForm
    {
        public QuestionKind? Kind { get; set; }
        public string? Text { get; set; }
        public List<string?> Options { get; set; } = [];
        /// <summary>Indexes of the options marked correct (single and multiple choice).</summary>
        public List<int> Correct { get; set; } = [];
        /// <summary>The answer of a true/false question: 0 true, 1 false.</summary>
        public int? TrueFalse { get; set; }
    }

    public sealed record Row(long Id, QuestionKind Kind, string Text, IReadOnlyList<string> Options, int AnswerMask)
    {
        public bool IsCorrect(int option) => (AnswerMask & (1 << option)) != 0;
    }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public int? Count { get; set; }

    /// <summary>The rows refused by the last import, when it was refused.</summary>
    public IReadOnlyList<RosterWorkbook.RowError> ImportErrors { get; private set; } = [];
    [BindProperty(Name = "Q")] public QuestionForm Q { get; set; } = new();

    public QuestionBank Bank { get; private set; } = null!;
    /// <summary>The bank's publisher lies in the caller's scope: questions may be added.</summary>
    public bool Editable { get; private set; }
    public IReadOnlyList<Row> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await RunAsync("Q", () => Quizzes.AddQuestionAsync(db, id, Input(Q), ct), () => $"/Study/Bank/{id}?done=question", () => LoadAsync(id, ct));
    }

    public IActionResult OnGetTemplate() => File(ImportQuestions.Template(), Workbook.ContentType, "试题导入模板.xlsx");

    public async Task<IActionResult> OnPostImportAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ImportQuestions.Result? result = null;
        try
        {
            if (file is null || file.Length == 0) throw ValidationFailedException.For("File", "Choose a workbook (.xlsx) to import.");
            await using var stream = file.OpenReadStream();
            result = await ImportQuestions.HandleAsync(db, id, stream, ct);
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        if (result is { Succeeded: true }) return Redirect($"/Study/Bank/{id}?done=imported&count={result.Imported}");
        ImportErrors = result?.Errors ?? [];
        FailedForm = "I";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// The form as the use case's input: empty option inputs at the end are not options (unless marked correct, so the
    /// mistake is reported); a true/false question's answer comes from its own radio buttons.
    /// </summary>
    public static Quizzes.QuestionInput Input(QuestionForm form)
    {
        var options = form.Options.Select(o => o?.Trim() ?? "").ToList();
        var last = Math.Max(options.FindLastIndex(o => o.Length > 0), form.Correct.Count == 0 ? -1 : form.Correct.Max());
        options = options.Take(Math.Min(last + 1, options.Count)).ToList();
        return new Quizzes.QuestionInput
        {
            Kind = form.Kind, Text = form.Text, Options = options,
            Correct = form.Kind == QuestionKind.TrueFalse ? (form.TrueFalse is { } tf ? [tf] : []) : form.Correct,
        };
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await Quizzes.VisibleBanks(db).AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } bank) return false;
        Bank = bank;
        Editable = await db.Organizations.AnyAsync(o => o.Id == bank.OrganizationId, ct);
        var rows = await db.Set<Question>().AsNoTracking().Where(q => q.BankId == id).OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.Kind, q.Text, q.OptionsJson, q.AnswerMask }).ToListAsync(ct);
        Questions = rows.Select(q => new Row(q.Id, q.Kind, q.Text, JsonSerializer.Deserialize<List<string>>(q.OptionsJson) ?? [], q.AnswerMask)).ToList();
        return true;
    }
}
