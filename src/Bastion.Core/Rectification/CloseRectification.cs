using Bastion.Attachments;
using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Rectification;

/// <summary>销号: closing a checked case with its evidence (text and an optional file). Refused without a passed acceptance check.</summary>
public static class CloseRectification
{
    public const string EvidenceFileOwner = "RectificationClosing";

    public sealed record Command(DateOnly? ClosedOn, string? Evidence);

    public static async Task HandleAsync(BastionDb db, AttachmentStore? store, string? role, long caseId, Command command, RecordRectification.FileInput? file, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var on = CaseWork.Date(command.ClosedOn, nameof(Command.ClosedOn), errors, "Give the date of the closing.");
        var evidence = CaseWork.Required(command.Evidence, nameof(Command.Evidence), RectificationRules.MaxText, errors, "Describe the evidence for closing (销号).");
        CaseWork.ThrowIfAny(errors);

        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        RectificationRules.Close(c, on, Clock.Today(db.Time));
        c.ClosingEvidence = evidence;
        if (file is not null && store is not null)
            await store.AddAsync(db, c.OrganizationId, EvidenceFileOwner, c.Id, file.FileName, file.Content, ct);
        await CaseWork.SaveAsync(db, c, RectificationEventKind.Closed, on, evidence, ct);
    }
}
