using Bastion.Data;
using Bastion.Grids;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Requests;

public sealed record QueueItem(
    long Id, string TrackingCode, string CategoryCode, string Description, ServiceRequestStatus Status, long OrganizationId, string OrganizationName,
    long? OwnerUserId, string? OwnerName, long? PendingHandoverToUserId, DateTime ReceivedAt, DateTime FirstResponseDueAt, DateTime ResolutionDueAt,
    bool IsOverdue, int EscalationLevel, long? EscalatedToOrganizationId, bool IsAgencyHandling);

public sealed record TimelineEntry(long Id, RequestEventKind Kind, DateTime At, string? ActorName, long? ActorUserId, long? OtherUserId, string? Text, bool IsPublic);

public sealed record AgencyStepView(long Id, int Sequence, string Name, DateTime? DoneAt, string? Note);

public sealed record RequestDetail(
    long Id, string TrackingCode, string CategoryCode, string Description, string? AddressText, double? Latitude, double? Longitude,
    long? GridId, string? GridName, ServiceRequestStatus Status, RequestSource Source, long OrganizationId, string OrganizationName,
    long? OwnerUserId, string? OwnerName, long? PendingHandoverToUserId, string? PendingHandoverToName, string? PendingHandoverReason,
    string? ContactMasked, bool IsAgencyHandling, long? AgentMemberId, string? AgentName, string RuleSetVersion,
    DateTime ReceivedAt, DateTime FirstResponseDueAt, DateTime ResolutionDueAt, DateTime? FirstRespondedAt, DateTime? AnsweredAt, string? PublicAnswer,
    DateTime? ClosedAt, int? Rating, string? RatingComment, int ReopenCount, int EscalationLevel, long? EscalatedToOrganizationId,
    IReadOnlyList<AgencyStepView> AgencySteps, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>What the tracking page shows: progress and the public answer, never staff notes, names or contact details.</summary>
public sealed record PublicTracking(
    string TrackingCode, string CategoryCode, string Description, string? AddressText, string OrganizationName, ServiceRequestStatus Status,
    DateTime ReceivedAt, DateTime ResolutionDueAt, string? PublicAnswer, DateTime? AnsweredAt, int? Rating, string? RatingComment,
    DateTime? ReopenDeadline, bool CanRate, bool CanReopen, IReadOnlyList<PublicTimelineEntry> Timeline);

public sealed record PublicTimelineEntry(RequestEventKind Kind, DateTime At, string? Text);

public sealed record QueueFilter
{
    /// <summary>The organization's own queue, with the requests escalated to it.</summary>
    public long? OrganizationId { get; init; }
    /// <summary>The user's requests, with the hand-overs waiting for them.</summary>
    public long? OwnerUserId { get; init; }
    public ServiceRequestStatus? Status { get; init; }
    /// <summary>Only Received and InProgress (the default for queues).</summary>
    public bool OpenOnly { get; init; } = true;
    public bool OverdueOnly { get; init; }
    public string? CategoryCode { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public static class RequestQueries
{
    /// <summary>A queue page, most urgent first: two statements (count and page) whatever the size.</summary>
    public static async Task<Page<QueueItem>> QueueAsync(BastionDb db, QueueFilter filter, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(db.Time);
        IQueryable<ServiceRequest> query;
        if (filter.OwnerUserId is { } owner)
        {
            // A hand-over may wait for a user outside the request's organization, so that part reads past the scope.
            query = db.Set<ServiceRequest>().IgnoreQueryFilters()
                .Where(r => r.PendingHandoverToUserId == owner || (r.OwnerUserId == owner && db.Organizations.Any(o => o.Id == r.OrganizationId)));
        }
        else query = db.Set<ServiceRequest>();
        IQueryable<ServiceRequest> Filter(IQueryable<ServiceRequest> q)
        {
            if (filter.Status is { } status) q = q.Where(r => r.Status == status);
            else if (filter.OpenOnly) q = q.Where(r => r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress);
            if (filter.OverdueOnly) q = q.Where(r => (r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress) && r.ResolutionDueAt < now);
            if (!string.IsNullOrEmpty(filter.CategoryCode)) q = q.Where(r => r.CategoryCode == filter.CategoryCode);
            return q;
        }
        // The organization's own requests and those escalated to it, as two index seeks joined by UNION ALL (an OR would scan).
        if (filter.OrganizationId is { } org)
            query = Filter(query.Where(r => r.OrganizationId == org)).Concat(Filter(query.Where(r => r.EscalatedToOrganizationId == org && r.OrganizationId != org)));
        else query = Filter(query);
        var (p, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var items = await query.AsNoTracking()
            .OrderBy(r => r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress ? 0 : 1).ThenBy(r => r.ResolutionDueAt).ThenBy(r => r.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(r => new QueueItem(
                r.Id, r.TrackingCode, r.CategoryCode, r.Description.Length > 120 ? r.Description.Substring(0, 120) : r.Description, r.Status, r.OrganizationId,
                db.Organizations.IgnoreQueryFilters().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                r.OwnerUserId, db.Users.Where(u => u.Id == r.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(), r.PendingHandoverToUserId,
                r.ReceivedAt, r.FirstResponseDueAt, r.ResolutionDueAt,
                (r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress) && r.ResolutionDueAt < now,
                r.EscalationLevel, r.EscalatedToOrganizationId, r.IsAgencyHandling))
            .ToListAsync(ct);
        return new Page<QueueItem>(items, p, size, total);
    }

    /// <summary>The staff view with the whole timeline; a request waiting for the user's acceptance is visible to them too.</summary>
    public static async Task<RequestDetail?> DetailAsync(BastionDb db, long id, long? userId = null, CancellationToken ct = default)
    {
        var r = await db.Set<ServiceRequest>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? (userId is { } u ? await db.Set<ServiceRequest>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.PendingHandoverToUserId == u, ct) : null);
        if (r is null) return null;
        var userIds = new[] { r.OwnerUserId, r.PendingHandoverToUserId }.OfType<long>().ToList();
        var users = await db.Users.AsNoTracking().Where(x => userIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct);
        var orgName = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var gridName = r.GridId is { } g ? await db.Set<Grid>().IgnoreQueryFilters().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var agentName = r.AgentMemberId is { } m ? await db.Members.IgnoreQueryFilters().Where(x => x.Id == m).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var steps = await db.Set<AgencyStep>().AsNoTracking().Where(s => s.RequestId == id).OrderBy(s => s.Sequence)
            .Select(s => new AgencyStepView(s.Id, s.Sequence, s.Name, s.DoneAt, s.Note)).ToListAsync(ct);
        var timeline = await db.Set<RequestEvent>().AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.Id, e.Kind, e.At, e.ActorName, e.ActorUserId, e.OtherUserId, e.Text, e.IsPublic)).ToListAsync(ct);
        return new RequestDetail(
            r.Id, r.TrackingCode, r.CategoryCode, r.Description, r.AddressText, r.Latitude, r.Longitude, r.GridId, gridName, r.Status, r.Source,
            r.OrganizationId, orgName, r.OwnerUserId, r.OwnerUserId is { } o ? users.GetValueOrDefault(o) : null, r.PendingHandoverToUserId,
            r.PendingHandoverToUserId is { } pu ? users.GetValueOrDefault(pu) : null, r.PendingHandoverReason, r.ContactMasked, r.IsAgencyHandling,
            r.AgentMemberId, agentName, r.RuleSetVersion, r.ReceivedAt, r.FirstResponseDueAt, r.ResolutionDueAt, r.FirstRespondedAt, r.AnsweredAt,
            r.PublicAnswer, r.ClosedAt, r.Rating, r.RatingComment, r.ReopenCount, r.EscalationLevel, r.EscalatedToOrganizationId, steps, timeline);
    }

    /// <summary>The requester's contact in clear, for the staff who call back; recorded in the audit log.</summary>
    public static async Task<string?> RevealContactAsync(BastionDb db, PiiProtector pii, long id, CancellationToken ct = default)
    {
        var cipher = await db.Set<ServiceRequest>().Where(r => r.Id == id).Select(r => new { r.ContactCipher }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Request {id}");
        if (cipher.ContactCipher is null) return null;
        db.Record("reveal-contact", nameof(ServiceRequest), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return pii.Decrypt(cipher.ContactCipher);
    }

    /// <summary>The tracking page's view, by code; null for an unknown code.</summary>
    public static async Task<PublicTracking?> TrackAsync(BastionDb db, string? code, CancellationToken ct = default)
    {
        if (TrackingCode.Normalize(code) is not { } normalized) return null;
        var r = await db.Set<ServiceRequest>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct);
        if (r is null) return null;
        var orgName = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var timeline = await db.Set<RequestEvent>().IgnoreQueryFilters().AsNoTracking().Where(e => e.RequestId == r.Id && e.IsPublic)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new PublicTimelineEntry(e.Kind, e.At, e.Text)).ToListAsync(ct);
        var rules = ServiceRequestRuleSet.Load();
        var now = Clock.UtcNow(db.Time);
        var reopenBy = ServiceRequestRules.ReopenDeadline(r, rules);
        return new PublicTracking(
            r.TrackingCode, r.CategoryCode, r.Description, r.AddressText, orgName, r.Status, r.ReceivedAt, r.ResolutionDueAt, r.PublicAnswer, r.AnsweredAt,
            r.Rating, r.RatingComment, reopenBy, r.Status is ServiceRequestStatus.Answered or ServiceRequestStatus.Closed && r.Rating is null,
            reopenBy is { } by && now <= by, timeline);
    }
}
