using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Directives;

/// <summary>A file handed in as evidence.</summary>
public sealed record EvidenceFile(string FileName, Stream Content);

/// <summary>
/// Progress reports and completions of a directive target, checked against what the directive asks for (a figure,
/// evidence files). Evidence is stored with the event it supports, in the same transaction.
/// </summary>
public static class SubmitDirectiveTarget
{
    /// <summary>Attachment owner type of evidence files: the target event.</summary>
    public const string EvidenceOwner = "DirectiveEvidence";
    public const int MaxFiles = 10;

    public static async Task<CascadeTargetEvent> ReportProgressAsync(BastionDb db, AttachmentStore store, long targetId, ReportTargetProgress.Command command,
        IReadOnlyList<EvidenceFile> files, CancellationToken ct = default)
    {
        var directive = await ForTargetAsync(db, targetId, ct);
        if (files.Count > MaxFiles) throw ValidationFailedException.For(AttachmentStore.Field, $"At most {MaxFiles} files.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await ReportTargetProgress.HandleAsync(db, targetId, command, ct);
        await AttachAsync(db, store, ev, files, ct);
        await transaction.CommitAsync(ct);
        return ev;
    }

    public static async Task<CascadeTargetEvent> SubmitAsync(BastionDb db, AttachmentStore store, long targetId, SubmitTarget.Command command,
        IReadOnlyList<EvidenceFile> files, CancellationToken ct = default)
    {
        var directive = await ForTargetAsync(db, targetId, ct);
        var errors = new Dictionary<string, string[]>();
        if (directive.NumberLabel is not null && command.Number is null) errors[nameof(command.Number)] = [$"Give the figure asked for: {directive.NumberLabel}."];
        if (directive.RequiresEvidence && files.Count == 0) errors[AttachmentStore.Field] = ["This directive asks for evidence: attach at least one file."];
        if (files.Count > MaxFiles) errors[AttachmentStore.Field] = [$"At most {MaxFiles} files."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await SubmitTarget.HandleAsync(db, targetId, command, ct);
        await AttachAsync(db, store, ev, files, ct);
        await transaction.CommitAsync(ct);
        return ev;
    }

    private static async Task AttachAsync(BastionDb db, AttachmentStore store, CascadeTargetEvent ev, IReadOnlyList<EvidenceFile> files, CancellationToken ct)
    {
        if (files.Count == 0) return;
        foreach (var file in files)
            await store.AddAsync(db, ev.OrganizationId, EvidenceOwner, ev.Id, file.FileName, file.Content, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The directive a target belongs to; not found when the target is out of scope or not a directive's.</summary>
    public static async Task<Directive> ForTargetAsync(BastionDb db, long targetId, CancellationToken ct) =>
        await (from t in db.Set<CascadeTarget>()
               where t.Id == targetId
               join d in db.Set<Directive>() on t.CascadeId equals d.CascadeId
               select d).AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Target {targetId}");
}
