using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Cascades;

/// <summary>Loading and saving a target for a state change; shared by the commands below.</summary>
internal static class TargetChange
{
    /// <summary>The target, tracked, when its organization lies in the caller's scope.</summary>
    public static async Task<CascadeTarget> LoadAsync(BastionDb db, long targetId, CancellationToken ct) =>
        await db.Set<CascadeTarget>().AsTracking().FirstOrDefaultAsync(t => t.Id == targetId, ct) ?? throw new NotFoundException($"Target {targetId}");

    /// <summary>Only the organization that assigned the target (or one above it) decides on a submission.</summary>
    public static async Task RequireAssignerAsync(BastionDb db, CascadeTarget target, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == target.AssignedByOrganizationId, ct))
            throw new DomainRuleException(CascadeRules.NotAssignerRule, "Only the organization that assigned this task may accept or return it.");
    }

    /// <summary>Study targets are derived from their members' study: acknowledging, reporting, submitting and deciding are refused.</summary>
    public static async Task RequireSetByHandAsync(BastionDb db, CascadeTarget target, CancellationToken ct)
    {
        if (await IsStudyAsync(db, target.CascadeId, ct))
            throw new DomainRuleException(CascadeRules.DerivedStateRule, "A study assignment's state follows from its members' recorded study and cannot be set by hand.");
    }

    public static Task<bool> IsStudyAsync(BastionDb db, long cascadeId, CancellationToken ct) =>
        db.Set<Cascade>().AnyAsync(c => c.Id == cascadeId && c.Subject == CascadeSubject.Study, ct);

    public static void RequireNumber(decimal? number, string field)
    {
        if (number is { } n && (n < 0 || n > 1_000_000_000m)) throw ValidationFailedException.For(field, "The figure must be between 0 and 1,000,000,000.");
    }

    public static void RequireState(bool allowed, TargetState state, string action)
    {
        if (!allowed) throw new DomainRuleException(CascadeRules.WrongStateRule, $"A target that is {state} cannot be {action}.");
    }

    public static CascadeTargetEvent Event(BastionDb db, CascadeTarget target, TargetEventKind kind, int? percent = null, string? text = null)
    {
        var ev = new CascadeTargetEvent
        {
            TargetId = target.Id, OrganizationId = target.OrganizationId, Kind = kind, Percent = percent, Text = text,
            CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<CascadeTargetEvent>().Add(ev);
        return ev;
    }

    /// <summary>Saves with the target's version checked: of two simultaneous changes only one wins.</summary>
    public static async Task SaveAsync(BastionDb db, CascadeTarget target, CancellationToken ct)
    {
        target.Version++;
        target.UpdatedAt = Clock.UtcNow(db.Time);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("Cascades.Conflict", "Someone else changed this target at the same time; reload and try again.");
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>签收: the target acknowledges receipt.</summary>
public static class AcknowledgeTarget
{
    public static async Task<CascadeTarget> HandleAsync(BastionDb db, long targetId, CancellationToken ct = default)
    {
        var target = await TargetChange.LoadAsync(db, targetId, ct);
        await TargetChange.RequireSetByHandAsync(db, target, ct);
        TargetChange.RequireState(CascadeRules.MayAcknowledge(target.State), target.State, "acknowledged");
        target.State = TargetState.Acknowledged;
        target.AcknowledgedOn = Clock.Today(db.Time);
        TargetChange.Event(db, target, TargetEventKind.Acknowledged);
        await TargetChange.SaveAsync(db, target, ct);
        return target;
    }
}

/// <summary>进展报告: percentage and text; may be reported many times while the target is open.</summary>
public static class ReportTargetProgress
{
    public sealed record Command
    {
        public int? Percent { get; init; }
        public string? Text { get; init; }
        /// <summary>The figure the assigner asked for, if any.</summary>
        public decimal? Number { get; init; }
    }

    public static async Task<CascadeTargetEvent> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Percent is not { } percent || !CascadeRules.IsValidPercent(percent)) errors[nameof(Command.Percent)] = ["Give the progress as a percentage from 0 to 100."];
        var text = TargetChange.Clean(command.Text);
        if (text is null) errors[nameof(Command.Text)] = ["Describe the progress."];
        else if (text.Length > 4000) errors[nameof(Command.Text)] = ["At most 4000 characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        TargetChange.RequireNumber(command.Number, nameof(Command.Number));
        var target = await TargetChange.LoadAsync(db, targetId, ct);
        await TargetChange.RequireSetByHandAsync(db, target, ct);
        TargetChange.RequireState(CascadeRules.MayReportProgress(target.State), target.State, "reported on");
        var today = Clock.Today(db.Time);
        target.AcknowledgedOn ??= today;
        target.State = TargetState.InProgress;
        target.Percent = command.Percent!.Value;
        var ev = TargetChange.Event(db, target, TargetEventKind.Progress, target.Percent, text);
        ev.Number = command.Number;
        await TargetChange.SaveAsync(db, target, ct);
        return ev;
    }
}

/// <summary>报送办结: the target submits its completion (evidence is attached to the returned event by the caller).</summary>
public static class SubmitTarget
{
    public sealed record Command
    {
        public string? Text { get; init; }
        public decimal? Number { get; init; }
    }

    public static async Task<CascadeTargetEvent> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var text = TargetChange.Clean(command.Text);
        if (text is null) throw ValidationFailedException.For(nameof(Command.Text), "Describe what was done.");
        if (text.Length > 4000) throw ValidationFailedException.For(nameof(Command.Text), "At most 4000 characters.");
        TargetChange.RequireNumber(command.Number, nameof(Command.Number));
        var target = await TargetChange.LoadAsync(db, targetId, ct);
        await TargetChange.RequireSetByHandAsync(db, target, ct);
        TargetChange.RequireState(CascadeRules.MaySubmit(target.State), target.State, "submitted");
        var today = Clock.Today(db.Time);
        target.AcknowledgedOn ??= today;
        target.State = TargetState.Submitted;
        target.SubmittedOn = today;
        target.Percent = 100;
        var ev = TargetChange.Event(db, target, TargetEventKind.Submitted, 100, text);
        ev.Number = command.Number;
        await TargetChange.SaveAsync(db, target, ct);
        return ev;
    }
}

/// <summary>验收: the assigner accepts a submission; the target is completed.</summary>
public static class AcceptTarget
{
    public sealed record Command
    {
        public string? Comment { get; init; }
    }

    public static async Task<CascadeTarget> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var target = await TargetChange.LoadAsync(db, targetId, ct);
        await TargetChange.RequireSetByHandAsync(db, target, ct);
        TargetChange.RequireState(CascadeRules.MayDecide(target.State), target.State, "accepted");
        await TargetChange.RequireAssignerAsync(db, target, ct);
        target.State = TargetState.Completed;
        target.CompletedOn = Clock.Today(db.Time);
        target.ReturnReason = null;
        TargetChange.Event(db, target, TargetEventKind.Accepted, text: TargetChange.Clean(command.Comment));
        await TargetChange.SaveAsync(db, target, ct);
        return target;
    }
}

/// <summary>退回: the assigner returns a submission with a reason; that target alone is open again.</summary>
public static class ReturnTarget
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public static async Task<CascadeTarget> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var reason = TargetChange.Clean(command.Reason);
        if (reason is null) throw ValidationFailedException.For(nameof(Command.Reason), "Give the reason for returning it.");
        if (reason.Length > 1000) throw ValidationFailedException.For(nameof(Command.Reason), "At most 1000 characters.");
        var target = await TargetChange.LoadAsync(db, targetId, ct);
        await TargetChange.RequireSetByHandAsync(db, target, ct);
        TargetChange.RequireState(CascadeRules.MayDecide(target.State), target.State, "returned");
        await TargetChange.RequireAssignerAsync(db, target, ct);
        target.State = TargetState.Returned;
        target.SubmittedOn = null;
        target.ReturnReason = reason;
        TargetChange.Event(db, target, TargetEventKind.Returned, text: reason);
        await TargetChange.SaveAsync(db, target, ct);
        return target;
    }
}

/// <summary>
/// 转发: a target passes the cascade to organizations below it, with its own instructions and a due date no later than
/// its own (default: its own). Organizations that are already targets of the cascade are left as they are.
/// </summary>
public static class PassDownTarget
{
    public sealed record Command
    {
        public TargetSelection? Targets { get; init; }
        public string? Instructions { get; init; }
        public DateOnly? DueOn { get; init; }
    }

    public sealed record Result(long TargetId, int Added, int AlreadyTargets);

    public static async Task<Result> HandleAsync(BastionDb db, long targetId, Command command, CancellationToken ct = default)
    {
        var instructions = TargetChange.Clean(command.Instructions);
        if (instructions is { Length: > 4000 }) throw ValidationFailedException.For(nameof(Command.Instructions), "At most 4000 characters.");
        var target = await TargetChange.LoadAsync(db, targetId, ct);
        TargetChange.RequireState(CascadeRules.MayPassDown(target.State), target.State, "passed down");
        var dueOn = command.DueOn ?? target.DueOn;
        if (dueOn > target.DueOn) throw ValidationFailedException.For(nameof(Command.DueOn), $"The date may not be later than this target's own ({target.DueOn:yyyy-MM-dd}).");
        if (dueOn < Clock.Today(db.Time)) throw ValidationFailedException.For(nameof(Command.DueOn), "The date may not be in the past.");
        var org = await db.Organizations.FirstAsync(o => o.Id == target.OrganizationId, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var chosen = await CascadeTargeting.ResolveAsync(db, org, command.Targets, nameof(Command.Targets), ct);
        var ids = chosen.Select(c => c.Id).ToList();
        var existing = (await db.Set<CascadeTarget>().Where(t => t.CascadeId == target.CascadeId && ids.Contains(t.OrganizationId))
            .Select(t => t.OrganizationId).ToListAsync(ct)).ToHashSet();
        var added = chosen.Where(c => !existing.Contains(c.Id)).ToList();
        if (added.Count == 0) throw new DomainRuleException(CascadeRules.NoTargetsRule, "Every chosen organization already has this task.");
        await IssueCascade.AddTargetsAsync(db, target.CascadeId, org.Id, target.Id, instructions, dueOn, added, ct);
        var study = await TargetChange.IsStudyAsync(db, target.CascadeId, ct);
        // A study target passed down keeps its derived state; the new ones start from their members' study so far.
        if (study) await Study.StudyTargets.RefreshCascadeAsync(db, target.CascadeId, added.Select(a => a.Id).ToList(), ct);

        if (target.State == TargetState.NotStarted && !study)
        {
            target.State = TargetState.Acknowledged;
            target.AcknowledgedOn = Clock.Today(db.Time);
        }
        TargetChange.Event(db, target, TargetEventKind.PassedDown, text: instructions);
        await TargetChange.SaveAsync(db, target, ct);
        await transaction.CommitAsync(ct);
        return new Result(target.Id, added.Count, existing.Count);
    }
}
