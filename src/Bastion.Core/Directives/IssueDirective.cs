using Bastion.Cascades;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Directives;

/// <summary>Issues a directive from an organization in scope to the selected organizations below it.</summary>
public static class IssueDirective
{
    public sealed record Command
    {
        public string? Title { get; init; }
        public string? Body { get; init; }
        public string? SourceDocument { get; init; }
        public DateOnly? DueOn { get; init; }
        public string? ReportRequirements { get; init; }
        public string? NumberLabel { get; init; }
        public bool RequiresEvidence { get; init; }
        public TargetSelection? Targets { get; init; }
    }

    public static async Task<Directive> HandleAsync(BastionDb db, long issuerOrganizationId, Command command, CancellationToken ct = default)
    {
        var issuer = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == issuerOrganizationId, ct)
                     ?? throw new NotFoundException($"Organization {issuerOrganizationId}");
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        var title = command.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors[nameof(Command.Title)] = ["Give the directive a title."];
        else if (title.Length > 200) errors[nameof(Command.Title)] = ["At most 200 characters."];
        var body = command.Body?.Trim();
        if (string.IsNullOrEmpty(body)) errors[nameof(Command.Body)] = ["Write what is to be done."];
        else if (body.Length > 40000) errors[nameof(Command.Body)] = ["At most 40000 characters."];
        var source = string.IsNullOrWhiteSpace(command.SourceDocument) ? null : command.SourceDocument.Trim();
        if (source is { Length: > 200 }) errors[nameof(Command.SourceDocument)] = ["At most 200 characters."];
        if (command.DueOn is not { } dueOn) errors[nameof(Command.DueOn)] = ["Give the deadline."];
        else if (dueOn < today) errors[nameof(Command.DueOn)] = ["The deadline may not be in the past."];
        var requirements = command.ReportRequirements?.Trim();
        if (string.IsNullOrEmpty(requirements)) errors[nameof(Command.ReportRequirements)] = ["Say what each target must report."];
        else if (requirements.Length > 2000) errors[nameof(Command.ReportRequirements)] = ["At most 2000 characters."];
        var numberLabel = string.IsNullOrWhiteSpace(command.NumberLabel) ? null : command.NumberLabel.Trim();
        if (numberLabel is { Length: > 100 }) errors[nameof(Command.NumberLabel)] = ["At most 100 characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cascade = await IssueCascade.HandleAsync(db, issuer, CascadeSubject.Directive, title!, command.DueOn!.Value, command.Targets, nameof(Command.Targets), ct);
        var directive = new Directive
        {
            CascadeId = cascade.Id, IssuerOrganizationId = issuer.Id, Title = title!, Body = body!, SourceDocument = source,
            DueOn = command.DueOn!.Value, ReportRequirements = requirements!, NumberLabel = numberLabel, RequiresEvidence = command.RequiresEvidence,
            CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<Directive>().Add(directive);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return directive;
    }
}
