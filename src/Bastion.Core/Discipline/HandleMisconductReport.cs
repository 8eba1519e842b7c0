using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

/// <summary>
/// The discipline staff's steps: accept or decline with a reason; notes of the preliminary check (初核); the
/// disposition; closing with the outcome and the statement the reporter reads. The data scope finds the report only
/// for staff at the receiving level or above; callers admit only the Discipline role.
/// </summary>
public static class HandleMisconductReport
{
    public sealed record DeclineBody(string? Reason);
    public sealed record NoteBody(string? Text);
    public sealed record DisposeBody(MisconductDisposition? Disposition, string? Note);
    public sealed record CloseBody(MisconductOutcome? Outcome, string? Statement);

    public static Task AcceptAsync(BastionDb db, long id, string handler, CancellationToken ct = default) =>
        StepAsync(db, id, handler, (r, rules, today) =>
        {
            MisconductRules.Accept(r, rules, today);
            return (MisconductEventKind.Accepted, null);
        }, ct);

    public static Task DeclineAsync(BastionDb db, long id, string handler, DeclineBody body, CancellationToken ct = default) =>
        StepAsync(db, id, handler, (r, _, today) =>
        {
            var reason = Text(body.Reason, "Reason");
            MisconductRules.Decline(r, reason, today);
            return (MisconductEventKind.Declined, reason);
        }, ct);

    public static Task AddCheckNoteAsync(BastionDb db, long id, string handler, NoteBody body, CancellationToken ct = default) =>
        StepAsync(db, id, handler, (r, _, today) =>
        {
            if (r.Status != MisconductStatus.UnderCheck)
                throw new DomainRuleException("Discipline.CheckNotesDuringPreliminaryCheck", "Notes of the preliminary check are recorded while the report is under check.");
            var text = Text(body.Text, "Text");
            if (text.Length == 0) throw ValidationFailedException.For("Text", "Write the note.");
            r.UpdatedOn = today;
            return (MisconductEventKind.CheckNote, text);
        }, ct);

    public static Task DisposeAsync(BastionDb db, long id, string handler, DisposeBody body, CancellationToken ct = default) =>
        StepAsync(db, id, handler, (r, rules, today) =>
        {
            if (body.Disposition is not { } disposition) throw ValidationFailedException.For("Disposition", "Choose a disposition.");
            MisconductRules.Dispose(r, disposition, rules, today);
            var note = Text(body.Note, "Note");
            return (MisconductEventKind.Disposed, note.Length == 0 ? null : note);
        }, ct);

    public static Task CloseAsync(BastionDb db, long id, string handler, CloseBody body, CancellationToken ct = default) =>
        StepAsync(db, id, handler, (r, _, today) =>
        {
            if (body.Outcome is not { } outcome) throw ValidationFailedException.For("Outcome", "Choose the outcome.");
            var statement = Text(body.Statement, "Statement");
            MisconductRules.Close(r, outcome, statement, today);
            return (MisconductEventKind.Closed, statement);
        }, ct);

    private static string Text(string? text, string field)
    {
        var clean = MisconductRules.CleanText(text);
        if (clean.Length > MisconductRules.MaxText) throw ValidationFailedException.For(field, $"At most {MisconductRules.MaxText} characters.");
        return clean;
    }

    private static async Task StepAsync(BastionDb db, long id, string handler,
        Func<MisconductReport, DisciplineRuleSet, DateOnly, (MisconductEventKind Kind, string? Text)> step, CancellationToken ct)
    {
        var report = await db.Set<MisconductReport>().AsTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("The report");
        var before = report.Status;
        var today = Clock.Today(db.Time);
        var (kind, text) = step(report, DisciplineRuleSet.Load(), today);
        db.Set<MisconductReportEvent>().Add(new MisconductReportEvent { ReportId = id, Kind = kind, On = today, HandlerName = handler, Text = text });
        await DisciplineAudit.SaveAsync(db, kind.ToString(), id, new { Status = new[] { before.ToString(), report.Status.ToString() } }, ct);
    }
}
