using Bastion.Cascades;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Directives;

internal static class DirectiveTargets
{
    /// <summary>
    /// The directive target, for supervision by the assigning side: the assigner (or one above it) must be in the caller's
    /// scope, so a target cannot supervise itself.
    /// </summary>
    public static async Task<(CascadeTarget Target, Directive Directive)> ForSupervisionAsync(BastionDb db, long targetId, CancellationToken ct)
    {
        var row = await (from t in db.Set<CascadeTarget>()
                         where t.Id == targetId
                         join d in db.Set<Directive>() on t.CascadeId equals d.CascadeId
                         select new { t, d }).AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Target {targetId}");
        if (!await db.Organizations.AnyAsync(o => o.Id == row.t.AssignedByOrganizationId, ct))
            throw new DomainRuleException(CascadeRules.NotAssignerRule, "Only the organization that assigned this task, or one above it, supervises it.");
        return (row.t, row.d);
    }

    public static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, string? requiredMessage)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v is null && requiredMessage is not null) errors[field] = [requiredMessage];
        else if (v is { } s && s.Length > max) errors[field] = [$"At most {max} characters."];
        return v;
    }
}

/// <summary>督导: records a supervision visit or check of a directive target, with findings and any rectification deadline.</summary>
public static class RecordSupervision
{
    public sealed record Command
    {
        public SupervisionKind? Kind { get; init; }
        public DateOnly? CheckedOn { get; init; }
        public string? Supervisors { get; init; }
        public string? Findings { get; init; }
        public DateOnly? RectifyBy { get; init; }
    }

    public static async Task<SupervisionRecord> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.Kind is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Command.Kind)] = ["Choose the kind of supervision."];
        if (command.CheckedOn is not { } checkedOn) errors[nameof(Command.CheckedOn)] = ["Give the date."];
        else if (checkedOn > today) errors[nameof(Command.CheckedOn)] = ["The date may not be in the future."];
        var supervisors = DirectiveTargets.Text(errors, nameof(Command.Supervisors), command.Supervisors, 200, "Name the supervisors.");
        var findings = DirectiveTargets.Text(errors, nameof(Command.Findings), command.Findings, 4000, "Record the findings.");
        if (command.RectifyBy is { } by && command.CheckedOn is { } on && by < on) errors[nameof(Command.RectifyBy)] = ["The rectification date may not precede the check."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var (target, directive) = await DirectiveTargets.ForSupervisionAsync(db, targetId, ct);
        var record = new SupervisionRecord
        {
            DirectiveId = directive.Id, TargetId = target.Id, OrganizationId = target.OrganizationId, Kind = command.Kind!.Value, CheckedOn = command.CheckedOn!.Value,
            Supervisors = supervisors!, Findings = findings!, RectifyBy = command.RectifyBy, CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<SupervisionRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}

/// <summary>Follow-up of a supervision record: what was done, and the date rectification was confirmed.</summary>
public static class FollowUpSupervision
{
    public sealed record Command
    {
        public string? FollowUp { get; init; }
        public DateOnly? RectifiedOn { get; init; }
    }

    public static async Task<SupervisionRecord> HandleAsync(BastionDb db, long supervisionId, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var followUp = DirectiveTargets.Text(errors, nameof(Command.FollowUp), command.FollowUp, 4000, "Describe the follow-up.");
        if (command.RectifiedOn is { } r && r > Clock.Today(db.Time)) errors[nameof(Command.RectifiedOn)] = ["The date may not be in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var record = await db.Set<SupervisionRecord>().AsTracking().FirstOrDefaultAsync(s => s.Id == supervisionId, ct) ?? throw new NotFoundException($"Supervision {supervisionId}");
        await DirectiveTargets.ForSupervisionAsync(db, record.TargetId, ct);
        if (command.RectifiedOn is { } on && on < record.CheckedOn) throw ValidationFailedException.For(nameof(Command.RectifiedOn), "The date may not precede the check.");
        record.FollowUp = followUp;
        record.RectifiedOn = command.RectifiedOn;
        await db.SaveChangesAsync(ct);
        return record;
    }
}

/// <summary>问责: records an accountability action over a directive target, with its basis.</summary>
public static class RecordAccountability
{
    public sealed record Command
    {
        public AccountabilityKind? Kind { get; init; }
        public string? Subject { get; init; }
        public string? Basis { get; init; }
        public DateOnly? DecidedOn { get; init; }
    }

    public static async Task<AccountabilityAction> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Kind is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Command.Kind)] = ["Choose the action."];
        var subject = DirectiveTargets.Text(errors, nameof(Command.Subject), command.Subject, 200, "Name who is held accountable.");
        var basis = DirectiveTargets.Text(errors, nameof(Command.Basis), command.Basis, 2000, "Give the basis of the action.");
        var decidedOn = command.DecidedOn ?? Clock.Today(db.Time);
        if (decidedOn > Clock.Today(db.Time)) errors[nameof(Command.DecidedOn)] = ["The date may not be in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var (target, directive) = await DirectiveTargets.ForSupervisionAsync(db, targetId, ct);
        var action = new AccountabilityAction
        {
            DirectiveId = directive.Id, TargetId = target.Id, OrganizationId = target.OrganizationId, Kind = command.Kind!.Value, Subject = subject!, Basis = basis!,
            DecidedOn = decidedOn, CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<AccountabilityAction>().Add(action);
        await db.SaveChangesAsync(ct);
        return action;
    }
}
