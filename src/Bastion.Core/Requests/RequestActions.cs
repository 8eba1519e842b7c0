using Bastion.Data;
using Bastion.Identity;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Requests;

/// <summary>Who acts on a request: a signed-in user (staff or member).</summary>
public sealed record RequestActor(long UserId, string Name);

/// <summary>
/// The staff side of first-inquiry responsibility (首问负责): take, hand over (accepted or declined), reply, note, close,
/// and agency handling (帮办代办). Every action writes one timeline event in the same save.
/// </summary>
public static class RequestActions
{
    public static async Task<ServiceRequest> TakeAsync(BastionDb db, long id, RequestActor actor, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.Take(r, actor.UserId, now);
        return await SaveAsync(db, r, actor, RequestEventKind.Taken, null, true, now, ct);
    }

    public sealed record HandoverCommand
    {
        public long? ToUserId { get; init; }
        public string? Reason { get; init; }
    }

    public static async Task<ServiceRequest> HandOverAsync(BastionDb db, long id, RequestActor actor, HandoverCommand command, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        var reason = ServiceRequestRules.CleanText(command.Reason);
        if (reason.Length > ServiceRequestRules.MaxText) throw ValidationFailedException.For(nameof(HandoverCommand.Reason), $"The reason may have at most {ServiceRequestRules.MaxText} characters.");
        if (command.ToUserId is not { } toUserId) throw ValidationFailedException.For(nameof(HandoverCommand.ToUserId), "Choose who takes the request over.");
        var target = await db.Users.AsNoTracking().Where(u => u.Id == toUserId).Select(u => new { u.Id, u.Role }).FirstOrDefaultAsync(ct);
        if (target is null || target.Role is BastionRoles.Discipline)
            throw ValidationFailedException.For(nameof(HandoverCommand.ToUserId), "That user does not exist or cannot handle requests.");
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.RequestHandover(r, actor.UserId, toUserId, reason, now);
        await Notifications.Notifier.ToUsersAsync(db, [toUserId], new Notifications.NotificationMessage(
            "request.handover", "诉求转办待接收 / A request is handed over to you", $"{actor.Name}: {reason}",
            $"/Requests/Details/{r.Id}", $"request-handover:{r.Id}:{now:O}"), ct);
        return await SaveAsync(db, r, actor, RequestEventKind.HandoverRequested, reason, false, now, ct, toUserId);
    }

    /// <summary>
    /// The proposed owner accepts. They may sit outside the request's organization (a hand-over to the responsible
    /// department): then the request moves into their organization's queue.
    /// </summary>
    public static async Task<ServiceRequest> AcceptHandoverAsync(BastionDb db, long id, RequestActor actor, CancellationToken ct = default)
    {
        var r = await LoadProposedAsync(db, id, actor.UserId, ct);
        var previousOwner = r.OwnerUserId;
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.AcceptHandover(r, actor.UserId, now);
        if (!await db.Organizations.AnyAsync(o => o.Id == r.OrganizationId, ct))
        {
            var org = await db.Users.Where(u => u.Id == actor.UserId)
                .Join(db.Organizations.IgnoreQueryFilters(), u => u.OrganizationId, o => o.Id, (u, o) => new { o.Id, o.RegionId }).FirstAsync(ct);
            r.OrganizationId = org.Id;
            r.RegionId = org.RegionId;
            r.EscalatedToOrganizationId = null;
            r.EscalationLevel = 0;
        }
        return await SaveAsync(db, r, actor, RequestEventKind.HandoverAccepted, null, true, now, ct, previousOwner);
    }

    /// <summary>The proposed owner declines or the owner withdraws the proposal; the owner stays responsible.</summary>
    public static async Task<ServiceRequest> DeclineHandoverAsync(BastionDb db, long id, RequestActor actor, string? reason, CancellationToken ct = default)
    {
        var r = await LoadProposedAsync(db, id, actor.UserId, ct);
        var proposed = r.PendingHandoverToUserId;
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.DeclineHandover(r, actor.UserId, now);
        return await SaveAsync(db, r, actor, RequestEventKind.HandoverDeclined, Limit(reason), false, now, ct, proposed);
    }

    public static async Task<ServiceRequest> ReplyAsync(BastionDb db, long id, RequestActor actor, string? answer, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        var text = ServiceRequestRules.CleanText(answer);
        if (text.Length > ServiceRequestRules.MaxText) throw ValidationFailedException.For("Answer", $"The answer may have at most {ServiceRequestRules.MaxText} characters.");
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.Reply(r, actor.UserId, text, now);
        return await SaveAsync(db, r, actor, RequestEventKind.Replied, text, true, now, ct);
    }

    /// <summary>A staff-only note: never shown on the tracking page.</summary>
    public static async Task<ServiceRequest> NoteAsync(BastionDb db, long id, RequestActor actor, string? note, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        var text = ServiceRequestRules.CleanText(note);
        if (text.Length == 0) throw ValidationFailedException.For("Note", "The note is empty.");
        if (text.Length > ServiceRequestRules.MaxText) throw ValidationFailedException.For("Note", $"The note may have at most {ServiceRequestRules.MaxText} characters.");
        return await SaveAsync(db, r, actor, RequestEventKind.Note, text, false, Clock.UtcNow(db.Time), ct);
    }

    public static async Task<ServiceRequest> CloseAsync(BastionDb db, long id, RequestActor actor, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.Close(r, actor.UserId, now);
        return await SaveAsync(db, r, actor, RequestEventKind.Closed, null, true, now, ct);
    }

    public sealed record AgencyCommand
    {
        public long? AgentMemberId { get; init; }
        /// <summary>The procedure's steps in order, e.g. 名称核准, 递交材料, 领取执照.</summary>
        public IReadOnlyList<string> Steps { get; init; } = [];
    }

    /// <summary>Starts agency handling (帮办代办): the owner names the member acting as agent and the procedure's steps.</summary>
    public static async Task<ServiceRequest> StartAgencyAsync(BastionDb db, long id, RequestActor actor, AgencyCommand command, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        if (r.OwnerUserId != actor.UserId) throw new DomainRuleException("OnlyTheOwnerActs", "Only the request's owner may do this.");
        if (!r.IsOpen) throw new DomainRuleException("OnlyOpenRequestsAreHandled", "The request is no longer open.");
        if (r.IsAgencyHandling) throw new DomainRuleException("AgencyAlreadyStarted", "The request is already handled on behalf of the requester.");
        var steps = command.Steps.Select(ServiceRequestRules.CleanText).Where(s => s.Length > 0).ToList();
        var errors = new Dictionary<string, string[]>();
        if (steps.Count == 0) errors[nameof(AgencyCommand.Steps)] = ["List the procedure's steps."];
        else if (steps.Count > 30 || steps.Any(s => s.Length > 200)) errors[nameof(AgencyCommand.Steps)] = ["At most 30 steps of at most 200 characters."];
        string? agentName = null;
        if (command.AgentMemberId is not { } memberId) errors[nameof(AgencyCommand.AgentMemberId)] = ["Choose the member acting as agent."];
        else if ((agentName = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct)) is null)
            errors[nameof(AgencyCommand.AgentMemberId)] = ["The member must be in your scope."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var now = Clock.UtcNow(db.Time);
        r.IsAgencyHandling = true;
        r.AgentMemberId = command.AgentMemberId;
        r.UpdatedAt = now;
        for (var i = 0; i < steps.Count; i++) db.Set<AgencyStep>().Add(new AgencyStep { RequestId = r.Id, Sequence = i + 1, Name = steps[i] });
        return await SaveAsync(db, r, actor, RequestEventKind.AgencyStarted, $"{agentName}: {string.Join(" → ", steps)}", true, now, ct);
    }

    public static async Task<ServiceRequest> CompleteAgencyStepAsync(BastionDb db, long id, long stepId, RequestActor actor, string? note, CancellationToken ct = default)
    {
        var r = await LoadAsync(db, id, ct);
        if (r.OwnerUserId != actor.UserId) throw new DomainRuleException("OnlyTheOwnerActs", "Only the request's owner may do this.");
        var step = await db.Set<AgencyStep>().AsTracking().FirstOrDefaultAsync(s => s.Id == stepId && s.RequestId == id, ct) ?? throw new NotFoundException($"Step {stepId}");
        if (step.DoneAt is not null) throw new DomainRuleException("StepAlreadyDone", "The step is already done.");
        var now = Clock.UtcNow(db.Time);
        step.DoneAt = now;
        step.DoneByUserId = actor.UserId;
        step.Note = Limit(note);
        r.UpdatedAt = now;
        return await SaveAsync(db, r, actor, RequestEventKind.AgencyStepDone, step.Name, true, now, ct);
    }

    internal static async Task<ServiceRequest> LoadAsync(BastionDb db, long id, CancellationToken ct) =>
        await db.Set<ServiceRequest>().AsTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Request {id}");

    /// <summary>A request in scope, or one whose hand-over waits for this user (who may sit outside its organization).</summary>
    private static async Task<ServiceRequest> LoadProposedAsync(BastionDb db, long id, long userId, CancellationToken ct) =>
        await db.Set<ServiceRequest>().AsTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? await db.Set<ServiceRequest>().IgnoreQueryFilters().AsTracking().FirstOrDefaultAsync(r => r.Id == id && r.PendingHandoverToUserId == userId, ct)
        ?? throw new NotFoundException($"Request {id}");

    private static async Task<ServiceRequest> SaveAsync(BastionDb db, ServiceRequest r, RequestActor actor, RequestEventKind kind, string? text, bool isPublic,
        DateTime now, CancellationToken ct, long? otherUserId = null)
    {
        db.Set<RequestEvent>().Add(new RequestEvent
        {
            RequestId = r.Id, Kind = kind, At = now, ActorUserId = actor.UserId, ActorName = actor.Name, OtherUserId = otherUserId,
            OrganizationId = r.OrganizationId, Text = text, IsPublic = isPublic,
        });
        await db.SaveChangesAsync(ct);
        return r;
    }

    private static string? Limit(string? text)
    {
        var clean = ServiceRequestRules.CleanText(text);
        return clean.Length == 0 ? null : clean.Length > ServiceRequestRules.MaxText ? clean[..ServiceRequestRules.MaxText] : clean;
    }
}

/// <summary>What the requester does with the tracking code alone: rate the answer, reopen it within the window.</summary>
public static class RequesterActions
{
    public static async Task<ServiceRequest> RateAsync(BastionDb db, string? code, int? rating, string? comment, CancellationToken ct = default)
    {
        var r = await ByCodeAsync(db, code, ct);
        var text = ServiceRequestRules.CleanText(comment);
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.Rate(r, rating ?? 0, text, now);
        db.Set<RequestEvent>().Add(new RequestEvent { RequestId = r.Id, Kind = RequestEventKind.Rated, At = now, OrganizationId = r.OrganizationId, Text = $"{rating}/5" + (text.Length > 0 ? " " + text : ""), IsPublic = true });
        await db.SaveChangesAsync(ct);
        return r;
    }

    public static async Task<ServiceRequest> ReopenAsync(BastionDb db, string? code, string? reason, CancellationToken ct = default)
    {
        var r = await ByCodeAsync(db, code, ct);
        var rules = ServiceRequestRuleSet.Load();
        var text = ServiceRequestRules.CleanText(reason);
        if (text.Length > ServiceRequestRules.MaxComment) throw ValidationFailedException.For("Reason", $"The reason may have at most {ServiceRequestRules.MaxComment} characters.");
        var now = Clock.UtcNow(db.Time);
        ServiceRequestRules.Reopen(r, rules, rules.Find(r.CategoryCode) ?? rules.Categories[^1], text, now);
        db.Set<RequestEvent>().Add(new RequestEvent { RequestId = r.Id, Kind = RequestEventKind.Reopened, At = now, OrganizationId = r.OrganizationId, Text = text, IsPublic = true });
        await db.SaveChangesAsync(ct);
        return r;
    }

    internal static async Task<ServiceRequest> ByCodeAsync(BastionDb db, string? code, CancellationToken ct) =>
        TrackingCode.Normalize(code) is { } normalized
            ? await db.Set<ServiceRequest>().IgnoreQueryFilters().AsTracking().FirstOrDefaultAsync(r => r.TrackingCode == normalized, ct) ?? throw new NotFoundException("Request")
            : throw new NotFoundException("Request");
}
