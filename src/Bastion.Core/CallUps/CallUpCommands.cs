using Bastion.Data;
using Bastion.Members;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Requests;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.CallUps;

/// <summary>
/// Calls up the active members of an organization's subtree: one query reads who is called up, their response rows
/// are added as one batch, and each bound user is notified.
/// </summary>
public static class IssueCallUp
{
    public sealed record Command
    {
        public long? OrganizationId { get; init; }
        public CallUpKind? Kind { get; init; }
        public string? Title { get; init; }
        public string? Instructions { get; init; }
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
    }

    public static async Task<CallUp> HandleAsync(BastionDb db, Command command, long? userId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        string? path = null;
        if (command.OrganizationId is not { } orgId) errors[nameof(Command.OrganizationId)] = ["Choose the calling organization."];
        else if ((path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct)) is null)
            errors[nameof(Command.OrganizationId)] = ["The organization must be in your scope."];
        if (command.Kind is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Command.Kind)] = ["Epidemic, flood, snow or other."];
        var title = ServiceRequestRules.CleanText(command.Title);
        if (title.Length == 0) errors[nameof(Command.Title)] = ["The title is required."];
        else if (title.Length > CallUpRules.MaxTitle) errors[nameof(Command.Title)] = [$"The title may have at most {CallUpRules.MaxTitle} characters."];
        var instructions = ServiceRequestRules.CleanText(command.Instructions);
        if (instructions.Length == 0) errors[nameof(Command.Instructions)] = ["Tell members what to do and where to go."];
        else if (instructions.Length > CallUpRules.MaxText) errors[nameof(Command.Instructions)] = [$"The instructions may have at most {CallUpRules.MaxText} characters."];
        var now = Clock.UtcNow(db.Time);
        var startsAt = command.StartsAt is { } s ? Clock.Truncate(s.ToUniversalTime()) : now;
        if (command.EndsAt is { } e && e.ToUniversalTime() <= startsAt) errors[nameof(Command.EndsAt)] = ["The end must be after the start."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var upper = TreePath.UpperBound(path!);
        var subtree = db.Organizations.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, upper) < 0).Select(o => o.Id);
        var called = await db.Members.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Active && subtree.Contains(m.OrganizationId))
            .Select(m => new { m.Id, m.OrganizationId }).ToListAsync(ct);
        if (called.Count == 0) throw new DomainRuleException("call-up-nobody", "There is no active member in this organization's subtree to call up.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var callUp = new CallUp
        {
            OrganizationId = command.OrganizationId!.Value, Kind = command.Kind!.Value, Title = title, Instructions = instructions,
            StartsAt = startsAt, EndsAt = command.EndsAt is { } end ? Clock.Truncate(end.ToUniversalTime()) : null,
            CreatedByUserId = userId, CreatedAt = now,
        };
        db.Set<CallUp>().Add(callUp);
        await db.SaveChangesAsync(ct);
        // One INSERT … SELECT for the whole subtree: a call-up can reach thousands of members, and each response row
        // starts as "no answer" (the call-up itself is audited; answers are audited as they change).
        var active = (int)MemberStatus.Active;
        var noAnswer = (int)CallUpAnswer.NoAnswer;
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CallUpResponses" ("CallUpId", "MemberId", "OrganizationId", "Answer")
            SELECT {callUp.Id}, m."Id", m."OrganizationId", {noAnswer}
            FROM "Members" m JOIN "Organizations" o ON o."Id" = m."OrganizationId"
            WHERE m."Status" = {active} AND o."Path" >= {path} AND o."Path" < {upper}
            """, ct);
        if (inserted != called.Count) throw new DomainRuleException("call-up-changed", "The members of the subtree changed while calling up; try again.");
        await Notifier.ToMembersAsync(db, called.Select(m => m.Id),
            new NotificationMessage("call-up", $"应急动员：{title}", instructions.Length > 500 ? instructions[..500] : instructions, $"/CallUps/Mine", $"call-up:{callUp.Id}"), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return callUp;
    }
}

/// <summary>A called-up member answers available or unavailable while the call-up is open; answering again replaces the answer.</summary>
public static class AnswerCallUp
{
    public sealed record Command
    {
        public CallUpAnswer? Answer { get; init; }
        public string? Note { get; init; }
    }

    public static async Task<CallUpResponse> HandleAsync(BastionDb db, long callUpId, long? memberId, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.Answer is not (CallUpAnswer.Available or CallUpAnswer.Unavailable)) errors[nameof(Command.Answer)] = ["Available or unavailable."];
        var note = ServiceRequestRules.CleanText(command.Note);
        if (note.Length > CallUpRules.MaxNote) errors[nameof(Command.Note)] = [$"The note may have at most {CallUpRules.MaxNote} characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (memberId is not { } mid) throw new DomainRuleException("call-up-not-member", "Only a member bound to this account can answer a call-up.");

        // The member's own row: its absence means the member was not called up (outside the subtree, or not in scope).
        var response = await db.Set<CallUpResponse>().FirstOrDefaultAsync(r => r.CallUpId == callUpId && r.MemberId == mid, ct)
            ?? throw new DomainRuleException("call-up-not-called", "This call-up was not addressed to you.");
        var status = await db.Set<CallUp>().IgnoreQueryFilters().Where(c => c.Id == callUpId).Select(c => c.Status).FirstAsync(ct);
        if (status != CallUpStatus.Open) throw new DomainRuleException("call-up-closed", "This call-up is closed; answers are no longer taken.");
        response.Answer = command.Answer!.Value;
        response.Note = note.Length == 0 ? null : note;
        response.AnsweredAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return response;
    }
}

/// <summary>Closes a call-up: answers stop.</summary>
public static class CloseCallUp
{
    public static async Task<CallUp> HandleAsync(BastionDb db, long callUpId, CancellationToken ct = default)
    {
        var callUp = await db.Set<CallUp>().FirstOrDefaultAsync(c => c.Id == callUpId, ct) ?? throw new NotFoundException($"Call-up {callUpId}");
        if (callUp.Status == CallUpStatus.Closed) throw new DomainRuleException("call-up-closed", "This call-up is already closed.");
        callUp.Status = CallUpStatus.Closed;
        callUp.ClosedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return callUp;
    }
}

public sealed record CallUpView(long Id, long OrganizationId, CallUpKind Kind, string Title, string Instructions, DateTime StartsAt, DateTime? EndsAt, CallUpStatus Status, DateTime? ClosedAt);

public sealed record BranchRoster(long OrganizationId, string Name, int Available, int Unavailable, int NoAnswer)
{
    public int Called => Available + Unavailable + NoAnswer;
}

public sealed record CallUpRoster(CallUpView CallUp, IReadOnlyList<BranchRoster> Branches)
{
    public int Available => Branches.Sum(b => b.Available);
    public int Unavailable => Branches.Sum(b => b.Unavailable);
    public int NoAnswer => Branches.Sum(b => b.NoAnswer);
}

public sealed record MyCallUp(long CallUpId, CallUpKind Kind, string Title, string Instructions, DateTime StartsAt, DateTime? EndsAt, CallUpStatus Status, CallUpAnswer Answer, string? Note);

public static class CallUpQueries
{
    private static readonly System.Linq.Expressions.Expression<Func<CallUp, CallUpView>> ToView =
        c => new CallUpView(c.Id, c.OrganizationId, c.Kind, c.Title, c.Instructions, c.StartsAt, c.EndsAt, c.Status, c.ClosedAt);

    /// <summary>Call-ups issued in the caller's scope, newest first.</summary>
    public static Task<List<CallUpView>> ListAsync(BastionDb db, CancellationToken ct = default) =>
        db.Set<CallUp>().AsNoTracking().OrderByDescending(c => c.StartsAt).ThenByDescending(c => c.Id).Take(200).Select(ToView).ToListAsync(ct);

    /// <summary>The roster by branch: one grouped statement counting available, unavailable and unanswered per organization.</summary>
    public static async Task<CallUpRoster?> RosterAsync(BastionDb db, long callUpId, CancellationToken ct = default)
    {
        var view = await db.Set<CallUp>().AsNoTracking().Where(c => c.Id == callUpId).Select(ToView).FirstOrDefaultAsync(ct);
        if (view is null) return null;
        var branches = await (
                from r in db.Set<CallUpResponse>().IgnoreQueryFilters().Where(r => r.CallUpId == callUpId)
                join o in db.Organizations.IgnoreQueryFilters() on r.OrganizationId equals o.Id
                group r by new { o.Id, o.Name, o.Path } into g
                orderby g.Key.Path
                select new BranchRoster(g.Key.Id, g.Key.Name,
                    g.Count(r => r.Answer == CallUpAnswer.Available), g.Count(r => r.Answer == CallUpAnswer.Unavailable), g.Count(r => r.Answer == CallUpAnswer.NoAnswer)))
            .ToListAsync(ct);
        return new CallUpRoster(view, branches);
    }

    /// <summary>The call-ups addressed to a member, open ones first.</summary>
    public static Task<List<MyCallUp>> ForMemberAsync(BastionDb db, long memberId, CancellationToken ct = default) =>
        (from r in db.Set<CallUpResponse>().AsNoTracking().Where(r => r.MemberId == memberId)
         join c in db.Set<CallUp>().IgnoreQueryFilters() on r.CallUpId equals c.Id
         orderby c.Status, c.StartsAt descending
         select new MyCallUp(c.Id, c.Kind, c.Title, c.Instructions, c.StartsAt, c.EndsAt, c.Status, r.Answer, r.Note))
        .Take(50).ToListAsync(ct);
}
