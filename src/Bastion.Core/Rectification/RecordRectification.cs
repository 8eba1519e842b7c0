using Bastion.Attachments;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Rectification;

/// <summary>
/// The rectification itself (整顿): starting it, adding a measure, completing a measure with its date and a note, and
/// dated progress notes with an optional evidence file. Every change is a timeline entry and an audit event.
/// </summary>
public static class RecordRectification
{
    public const string NoteFileOwner = "RectificationNote";

    public sealed record StartCommand(DateOnly? On);
    public sealed record StepCommand(string? Text, DateOnly? DueOn);
    public sealed record CompleteCommand(DateOnly? On, string? Note);
    public sealed record NoteCommand(DateOnly? On, string? Text);

    /// <summary>An evidence file as received (a form upload); the store checks its size and type.</summary>
    public sealed record FileInput(string FileName, Stream Content);

    public static async Task StartAsync(BastionDb db, string? role, long caseId, StartCommand command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var on = CaseWork.Date(command.On, "On", errors, "Give the date the rectification started.");
        CaseWork.ThrowIfAny(errors);
        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        RectificationRules.Start(c, on, Clock.Today(db.Time));
        await CaseWork.SaveAsync(db, c, RectificationEventKind.Started, on, null, ct);
    }

    public static async Task<RectificationStep> AddStepAsync(BastionDb db, string? role, long caseId, StepCommand command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var text = CaseWork.Required(command.Text, "Text", RectificationRules.MaxShort, errors, "Describe the measure.");
        var due = CaseWork.Date(command.DueOn, "DueOn", errors, "Give the due date.");
        CaseWork.ThrowIfAny(errors);
        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        if (c.State is not (RectificationState.Planned or RectificationState.Rectifying))
            throw new DomainRuleException(RectificationRules.StateOrderRule, $"The case is {c.State}; measures are added to a planned case or during rectification.");
        if (due < c.IdentifiedOn)
            throw new DomainRuleException(RectificationRules.DateOrderRule, $"The due date comes after the identification on {c.IdentifiedOn:yyyy-MM-dd}.");
        var count = await db.Set<RectificationStep>().CountAsync(s => s.CaseId == c.Id, ct);
        if (count >= RectificationRules.MaxSteps) throw ValidationFailedException.For("Text", $"At most {RectificationRules.MaxSteps} measures.");
        var number = count == 0 ? 1 : await db.Set<RectificationStep>().Where(s => s.CaseId == c.Id).MaxAsync(s => s.Number, ct) + 1;
        var step = new RectificationStep { CaseId = c.Id, OrganizationId = c.OrganizationId, Number = number, Text = text, DueOn = due };
        db.Set<RectificationStep>().Add(step);
        await CaseWork.SaveAsync(db, c, RectificationEventKind.StepAdded, Clock.Today(db.Time), $"{number}. {text}", ct);
        return step;
    }

    public static async Task CompleteStepAsync(BastionDb db, string? role, long caseId, long stepId, CompleteCommand command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var on = CaseWork.Date(command.On, "On", errors, "Give the date the measure was completed.");
        var note = CaseWork.Optional(command.Note, "Note", RectificationRules.MaxShort, errors);
        CaseWork.ThrowIfAny(errors);
        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        var step = await db.Set<RectificationStep>().AsTracking().FirstOrDefaultAsync(s => s.Id == stepId && s.CaseId == c.Id, ct)
            ?? throw new NotFoundException($"Measure {stepId}");
        RectificationRules.CompleteStep(c, step, on, Clock.Today(db.Time));
        step.CompletionNote = note;
        await CaseWork.SaveAsync(db, c, RectificationEventKind.StepCompleted, on, note is null ? $"{step.Number}. {step.Text}" : $"{step.Number}. {step.Text} — {note}", ct);
    }

    public static async Task<RectificationNote> AddNoteAsync(BastionDb db, AttachmentStore? store, string? role, long caseId, NoteCommand command, FileInput? file, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var on = CaseWork.Date(command.On, "On", errors, "Give the date of the progress.");
        var text = CaseWork.Required(command.Text, "Text", RectificationRules.MaxText, errors, "Describe the progress.");
        CaseWork.ThrowIfAny(errors);
        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        if (!c.IsOpen) throw new DomainRuleException(RectificationRules.StateOrderRule, "The case is closed; progress is no longer recorded.");
        RectificationRules.EnsureDone(on, Clock.Today(db.Time), c.IdentifiedOn, "The progress note");
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var note = new RectificationNote { CaseId = c.Id, OrganizationId = c.OrganizationId, On = on, Text = text, RecordedBy = db.Scope.Actor };
        db.Set<RectificationNote>().Add(note);
        await db.SaveChangesAsync(ct);
        if (file is not null && store is not null)
            await store.AddAsync(db, c.OrganizationId, NoteFileOwner, note.Id, file.FileName, file.Content, ct);
        await CaseWork.SaveAsync(db, c, RectificationEventKind.Note, on, text, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return note;
    }
}
