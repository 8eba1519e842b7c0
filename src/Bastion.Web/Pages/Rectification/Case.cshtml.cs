using Bastion.Attachments;
using Bastion.Data;
using Bastion.Rectification;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Rectification;

/// <summary>
/// A rectification case with the form of each next action: the plan with its measures, starting, adding and completing
/// measures, progress notes with evidence, the acceptance check and closing. A refusal shows beside its field, or at
/// the top of the form it came from; the answer is 400 and nothing changes.
/// </summary>
[Authorize(Roles = RectificationPages.Roles)]
public sealed class CaseModel(BastionDb db, AttachmentStore store, IStringLocalizer<RectificationResource> t) : FormPageModel
{
    public const int PlanRows = 8;
    public const string FormError = "_form";

    public CaseFile Record { get; private set; } = null!;
    public string Form { get; private set; } = "";
    public string? Done { get; private set; }

    // the plan
    [BindProperty] public string? PlanText { get; set; }
    [BindProperty] public string? LeaderName { get; set; }
    [BindProperty] public string? LeaderPost { get; set; }
    [BindProperty] public string? FirstSecretary { get; set; }
    [BindProperty] public string? WorkTeam { get; set; }
    [BindProperty] public string? PairedUnit { get; set; }
    [BindProperty] public DateOnly? TargetOn { get; set; }
    [BindProperty] public List<string?> StepTexts { get; set; } = [];
    [BindProperty] public List<DateOnly?> StepDues { get; set; } = [];
    // start, measures, notes
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public long? StepId { get; set; }
    // check and closing
    [BindProperty] public DateOnly? CheckedOn { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public bool? Passed { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    [BindProperty] public DateOnly? ClosedOn { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public DateOnly Today => Clock.Today(db.Time);

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostPlanAsync(long id, CancellationToken ct) =>
        RunAsync(id, "plan", nameof(TargetOn), "planned", () => PlanRectification.HandleAsync(db, User.Role(), id, new PlanRectification.Command
        {
            PlanText = PlanText, LeaderName = LeaderName, LeaderPost = LeaderPost, FirstSecretary = FirstSecretary, WorkTeam = WorkTeam,
            PairedUnit = PairedUnit, TargetOn = TargetOn,
            Steps = StepTexts.Select((text, i) => new PlanRectification.StepInput(text, i < StepDues.Count ? StepDues[i] : null)).ToList(),
        }, ct), ct);

    public Task<IActionResult> OnPostStartAsync(long id, CancellationToken ct) =>
        RunAsync(id, "start", nameof(On), "started", () => RecordRectification.StartAsync(db, User.Role(), id, new RecordRectification.StartCommand(On), ct), ct);

    public Task<IActionResult> OnPostAddStepAsync(long id, CancellationToken ct) =>
        RunAsync(id, "addstep", nameof(DueOn), "stepadded", () => RecordRectification.AddStepAsync(db, User.Role(), id, new RecordRectification.StepCommand(Text, DueOn), ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(long id, CancellationToken ct) =>
        RunAsync(id, $"complete-{StepId}", nameof(On), "completed", () => RecordRectification.CompleteStepAsync(db, User.Role(), id, StepId ?? 0, new RecordRectification.CompleteCommand(On, Text), ct), ct);

    public Task<IActionResult> OnPostNoteAsync(long id, IFormFile? file, CancellationToken ct) =>
        RunAsync(id, "note", nameof(On), "noted", async () =>
        {
            await using var content = file?.OpenReadStream();
            await RecordRectification.AddNoteAsync(db, store, User.Role(), id, new RecordRectification.NoteCommand(On, Text),
                file is null || content is null ? null : new RecordRectification.FileInput(file.FileName, content), ct);
        }, ct);

    public Task<IActionResult> OnPostCheckAsync(long id, CancellationToken ct) =>
        RunAsync(id, "check", nameof(CheckedOn), "checked", () => CheckRectification.HandleAsync(db, User.Role(), id, new CheckRectification.Command(CheckedOn, Body, Passed, Opinion), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, IFormFile? file, CancellationToken ct) =>
        RunAsync(id, "close", nameof(ClosedOn), "closed", async () =>
        {
            await using var content = file?.OpenReadStream();
            await CloseRectification.HandleAsync(db, store, User.Role(), id, new CloseRectification.Command(ClosedOn, Evidence),
                file is null || content is null ? null : new RecordRectification.FileInput(file.FileName, content), ct);
        }, ct);

    private async Task<IActionResult> RunAsync(long id, string form, string dateField, string done, Func<Task> action, CancellationToken ct)
    {
        Form = form;
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key.StartsWith("Step", StringComparison.Ordinal) && key != nameof(StepId) ? "Steps" : key] = [t["Error.Format"]];
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            await action();
            return Redirect($"/Rectification/Case/{id}?done={done}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors.ToDictionary(kv => kv.Key == AttachmentStore.Field ? "file" : kv.Key, kv => kv.Value); }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [RectificationPages.FieldOf(e.Rule, dateField) ?? FormError] = [RuleMessages.Text(HttpContext, e)] }; }
        catch (NotFoundException)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Errors = new Dictionary<string, string[]> { [FormError] = [t["Error.Format"]] };
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await RectificationQueries.FileAsync(db, id, ct) is not { } file) return false;
        Record = file;
        return true;
    }

    public string? ErrIn(string form, string field) => Form == form ? Err(field) : null;

    public string InvalidIn(string form, string field) => Form == form ? Invalid(field) : "";

    public string? V(string form, string? value) => Form == form ? value : null;
}
