using System.Globalization;
using Bastion.Attachments;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Meetings;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Api;

/// <summary>
/// Meetings (三会一课 and organizational life, DOMAIN §1): planning, 应到会, recording attendance, minutes and
/// resolutions with computed quorum and outcome, attachments, check-in codes and iCalendar feeds.
/// </summary>
public static class MeetingsApi
{
    /// <summary>Roles that see meeting records of their scope (members only their own branch's, through the scope).</summary>
    private static readonly string[] Readers = [BastionRoles.SystemAdmin, BastionRoles.OrganizationDepartment, BastionRoles.BranchSecretary, BastionRoles.Member];

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/v1/organizations").WithTags("Meetings").RequireAuthorization(BastionPolicies.ReadRoster);
        orgs.MapGet("/{id:long}/meetings", Ledger).WithSummary("会议台账: the meetings of the organization's subtree in a year (default: this year), with held counts per kind and month.");
        orgs.MapPost("/{id:long}/meetings", Plan).WithSummary("Plans a meeting (a 党小组会 in a group, other kinds in a branch; times in UTC) and notifies those who should attend.");
        orgs.MapGet("/{id:long}/attendance-exclusions", Exclusions).WithSummary("Members left out of 应到会, with reason and period.");
        orgs.MapPost("/{id:long}/attendance-exclusions", Exclude).WithSummary("Leaves a member of the branch out of 应到会 for a period, with a reason the rules allow.");
        orgs.MapPost("/{id:long}/group-members", AssignToGroup).WithSummary("Places a member of the branch in this party group (党小组) from a date.");
        orgs.MapPost("/{id:long}/calendar-feeds", CreateOrganizationFeed).WithSummary("A secret iCalendar URL with the organization's meetings (shown once).");

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization(BastionPolicies.ReadRoster);
        meetings.MapGet("/{id:long}", Detail).WithSummary("A meeting with 应到会, attendance, resolutions and attachments.");
        meetings.MapPost("/{id:long}/record", Record).WithSummary("Records the meeting as held: attendance, minutes, resolutions (quorum and outcome computed).");
        meetings.MapPost("/{id:long}/cancel", Cancel).WithSummary("Cancels a planned meeting with a reason and tells those invited.");
        meetings.MapPost("/{id:long}/attachments", Attach).DisableAntiforgery().WithSummary("Adds a file (picture, PDF, Word, Excel; size and type checked) to the meeting.");
        app.MapGet("/api/v1/meetings/{id:long}/attachments/{attachmentId:long}", Download).WithTags("Meetings")
            .RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("Downloads an attachment of a meeting in scope.");

        var me = app.MapGroup("/api/v1/me").WithTags("Meetings").RequireAuthorization();
        me.MapGet("/meetings", Mine).WithSummary("The signed-in member's meetings from 90 days ago on, with their attendance.");
        me.MapPost("/check-in", DoCheckIn).WithSummary("Checks the signed-in member in with a meeting's code while it is open.");
        me.MapGet("/calendar-feeds", Feeds).WithSummary("The calendar feeds the signed-in user made.");
        me.MapPost("/calendar-feeds", CreateMemberFeed).WithSummary("A secret iCalendar URL with the member's own meetings (shown once).");
        me.MapDelete("/calendar-feeds/{id:long}", Revoke).WithSummary("Revokes a feed: its URL stops working at once.");

        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().WithTags("Meetings").ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<MeetingLedger>, NotFound>> Ledger(long id, int? year, BastionDb db, CancellationToken ct) =>
        await MeetingQueries.LedgerAsync(db, id, year ?? Clock.Today(db.Time).Year, ct) is { } ledger ? TypedResults.Ok(ledger) : TypedResults.NotFound();

    private static async Task<Created<MeetingDetail>> Plan(long id, PlanMeeting.Command command, BastionDb db, CancellationToken ct)
    {
        var result = await PlanMeeting.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/meetings/{result.Meeting.Id}", await DetailOf(db, result.Meeting.Id, ct));
    }

    private static async Task<Results<Ok<MeetingDetail>, NotFound>> Detail(long id, BastionDb db, CancellationToken ct) =>
        await MeetingQueries.DetailAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Ok<MeetingDetail>> Record(long id, RecordMeeting.Command command, BastionDb db, CancellationToken ct)
    {
        await RecordMeeting.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await DetailOf(db, id, ct));
    }

    private static async Task<Ok<MeetingDetail>> Cancel(long id, CancelMeeting.Command command, BastionDb db, CancellationToken ct)
    {
        await CancelMeeting.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await DetailOf(db, id, ct));
    }

    private static async Task<Created<AttachmentView>> Attach(long id, IFormFile? file, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var a = await AddAttachmentAsync(db, store, id, file, ct);
        return TypedResults.Created($"/api/v1/meetings/{id}/attachments/{a.Id}", new AttachmentView(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAt));
    }

    /// <summary>Shared by the API and the detail page: the meeting must be in scope.</summary>
    public static async Task<Attachment> AddAttachmentAsync(BastionDb db, AttachmentStore store, long meetingId, IFormFile? file, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Where(m => m.Id == meetingId).Select(m => new { m.Id, m.OrganizationId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Meeting {meetingId}");
        if (file is null || file.Length == 0) throw ValidationFailedException.For(AttachmentStore.Field, "Choose a file.");
        await using var stream = file.OpenReadStream();
        var attachment = await store.AddAsync(db, meeting.OrganizationId, MeetingQueries.AttachmentOwner, meeting.Id, file.FileName, stream, ct);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    /// <summary>The meeting and the attachment must both be in scope and belong together.</summary>
    public static async Task<IResult> Download(long id, long attachmentId, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var a = await db.Set<Attachment>().FirstOrDefaultAsync(x => x.Id == attachmentId && x.OwnerType == MeetingQueries.AttachmentOwner && x.OwnerId == id, ct);
        if (a is null || !await db.Set<Meeting>().AnyAsync(m => m.Id == id, ct)) throw new NotFoundException($"Attachment {attachmentId}");
        return Results.File(store.Open(a), a.ContentType, a.FileName);
    }

    private static async Task<Ok<IReadOnlyList<ExclusionView>>> Exclusions(long id, BastionDb db, CancellationToken ct)
    {
        var host = await MeetingAudience.HostAsync(db, id, ct);
        return TypedResults.Ok(await MeetingQueries.ExclusionsAsync(db, host.BranchId, ct));
    }

    private static async Task<Created<ExclusionView>> Exclude(long id, RecordExclusion.Command command, BastionDb db, CancellationToken ct)
    {
        var host = await MeetingAudience.HostAsync(db, id, ct);
        if (command.MemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId && m.OrganizationId == host.BranchId, ct))
            throw new DomainRuleException(MeetingRules.AttendeeInBranchRule, "The member is not a member of this branch.");
        var e = await RecordExclusion.HandleAsync(db, command, ct);
        var name = await db.Members.Where(m => m.Id == e.MemberId).Select(m => m.Name).FirstAsync(ct);
        return TypedResults.Created($"/api/v1/organizations/{id}/attendance-exclusions", new ExclusionView(e.Id, e.MemberId, name, e.Reason, e.Note, e.FromDate, e.ToDate));
    }

    public sealed record GroupMemberView(long Id, long GroupId, long MemberId, DateOnly JoinedOn);

    private static async Task<Created<GroupMemberView>> AssignToGroup(long id, AssignGroupMember.Command command, BastionDb db, CancellationToken ct)
    {
        var g = await AssignGroupMember.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}/group-members", new GroupMemberView(g.Id, g.OrganizationId, g.MemberId, g.JoinedOn));
    }

    public sealed record FeedCreated(long Id, string Url, string Hint);

    private static async Task<Created<FeedCreated>> CreateOrganizationFeed(long id, HttpContext http, BastionDb db, CancellationToken ct)
    {
        var created = await CalendarFeeds.CreateForOrganizationAsync(db, http.User.UserId()!.Value, id, ct);
        return TypedResults.Created($"/api/v1/me/calendar-feeds", new FeedCreated(created.Id, FeedUrl(http, created.Secret), created.Hint));
    }

    private static async Task<Created<FeedCreated>> CreateMemberFeed(HttpContext http, BastionDb db, CancellationToken ct)
    {
        var created = await CalendarFeeds.CreateForMemberAsync(db, http.User.UserId()!.Value, RequireMember(http), ct);
        return TypedResults.Created($"/api/v1/me/calendar-feeds", new FeedCreated(created.Id, FeedUrl(http, created.Secret), created.Hint));
    }

    private static async Task<Ok<IReadOnlyList<CalendarFeeds.FeedView>>> Feeds(HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await CalendarFeeds.ListForUserAsync(db, http.User.UserId()!.Value, ct));

    private static async Task<NoContent> Revoke(long id, HttpContext http, BastionDb db, CancellationToken ct)
    {
        await CalendarFeeds.RevokeAsync(db, http.User.UserId()!.Value, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(string token, HttpContext http, BastionDb db, CancellationToken ct)
    {
        var text = await CalendarFeeds.RenderAsync(db, token, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct);
        if (text is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Text(text, ICalendar.ContentType);
    }

    private static async Task<Ok<IReadOnlyList<MyMeeting>>> Mine(HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MeetingQueries.ForMemberAsync(db, RequireMember(http), Clock.UtcNow(db.Time) - CalendarFeeds.Past, ct));

    private static async Task<Ok<CheckIn.Result>> DoCheckIn(CheckIn.Command command, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await CheckIn.HandleAsync(db, RequireMember(http), command, ct));

    public static string FeedUrl(HttpContext http, string secret) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/calendar/{secret}.ics";

    /// <summary>The member record of the signed-in user; accounts without one have no meetings of their own.</summary>
    public static long RequireMember(HttpContext http) =>
        long.TryParse(http.User.FindFirst(BastionClaims.MemberId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new DomainRuleException("Meetings.MemberAccount", "This account is not linked to a member record.");

    private static async Task<MeetingDetail> DetailOf(BastionDb db, long id, CancellationToken ct) =>
        await MeetingQueries.DetailAsync(db, id, ct) ?? throw new NotFoundException($"Meeting {id}");
}
