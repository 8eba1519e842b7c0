using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Standardization;

/// <summary>
/// The inspector ticks an inspection item of a draft as met or not, with a note (required when not met, so the branch
/// knows what to fix), and may attach evidence. Only from above the branch.
/// </summary>
public static class InspectItem
{
    public const string NotDraftRule = "Standardization.NotDraft";
    public const string AutomaticItemRule = "Standardization.AutomaticItem";
    public const string AttachmentOwner = "StandardizationItem";
    public const int NoteMaxLength = 1000;

    public sealed record Command
    {
        public bool? Met { get; init; }
        public string? Note { get; init; }
    }

    public static async Task<StandardizationItem> HandleAsync(
        BastionDb db, string? actorRole, long assessmentId, string code, Command command, CancellationToken ct = default)
    {
        var (_, item) = await LoadAsync(db, actorRole, assessmentId, code, ct);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var errors = new Dictionary<string, string[]>();
        if (command.Met is null) errors[nameof(Command.Met)] = ["Say whether the item is met."];
        if (command.Met == false && note is null) errors[nameof(Command.Note)] = ["Say what is missing when the item is not met."];
        if (note is { Length: > NoteMaxLength }) errors[nameof(Command.Note)] = [$"At most {NoteMaxLength} characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        item.Met = command.Met;
        item.Awarded = command.Met == true ? item.Points : 0;
        item.Note = note;
        item.InspectedBy = db.Scope.Actor;
        item.InspectedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>The draft's inspection item, tracked, after the access checks.</summary>
    internal static async Task<(StandardizationAssessment Assessment, StandardizationItem Item)> LoadAsync(
        BastionDb db, string? actorRole, long assessmentId, string code, CancellationToken ct)
    {
        var assessment = await db.Set<StandardizationAssessment>().AsTracking().Include(a => a.Items)
            .FirstOrDefaultAsync(a => a.Id == assessmentId, ct) ?? throw new NotFoundException($"Standardization assessment {assessmentId}");
        var path = await db.Organizations.Where(o => o.Id == assessment.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        StandardizationAccess.EnsureAbove(db, actorRole, path);
        var item = assessment.Items.FirstOrDefault(i => i.Code == code) ?? throw new NotFoundException($"Checklist item {code}");
        if (assessment.Status != AssessmentStatus.Draft)
            throw new DomainRuleException(NotDraftRule, "This assessment is confirmed; start a new assessment of the year to change it.");
        if (item.Mode != ItemMode.Inspection)
            throw new DomainRuleException(AutomaticItemRule, "This item is decided from the records when the assessment starts; re-assess to refresh it.");
        return (assessment, item);
    }
}
