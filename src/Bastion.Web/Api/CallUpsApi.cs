using System.Globalization;
using System.Security.Claims;
using Bastion.CallUps;
using Bastion.Data;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>/api/v1/callups: emergency call-ups (应急动员) — issue, answer from a phone, roster by branch, close.</summary>
public static class CallUpsApi
{
    public static IEndpointRouteBuilder MapCallUpsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/callups").WithTags("CallUps").RequireAuthorization(BastionPolicies.ReadOrganizations);
        api.MapGet("/", List).WithSummary("Call-ups issued in the caller's scope, newest first.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapPost("/", Issue).WithSummary("Calls up the active members of an organization's subtree; each gets a response row and a notification.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/mine", Mine).WithSummary("The call-ups addressed to the caller's member record, open ones first.");
        api.MapGet("/{id:long}/roster", Roster).WithSummary("Available, unavailable and unanswered per branch.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapPost("/{id:long}/answer", Answer).WithSummary("The caller's member answers available or unavailable, with a note, while the call-up is open.");
        api.MapPost("/{id:long}/close", Close).WithSummary("Closes the call-up: answers stop.").RequireAuthorization(BastionPolicies.ReadRoster);
        return app;
    }

    internal static long? MemberOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(BastionClaims.MemberId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task<Ok<List<CallUpView>>> List(BastionDb db, CancellationToken ct) => TypedResults.Ok(await CallUpQueries.ListAsync(db, ct));

    private static async Task<Created<CallUpView>> Issue(IssueCallUp.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var c = await IssueCallUp.HandleAsync(db, command, user.UserId(), ct);
        return TypedResults.Created($"/api/v1/callups/{c.Id}/roster",
            new CallUpView(c.Id, c.OrganizationId, c.Kind, c.Title, c.Instructions, c.StartsAt, c.EndsAt, c.Status, c.ClosedAt));
    }

    private static async Task<Ok<List<MyCallUp>>> Mine(ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(MemberOf(user) is { } m ? await CallUpQueries.ForMemberAsync(db, m, ct) : []);

    private static async Task<Results<Ok<CallUpRoster>, NotFound>> Roster(long id, BastionDb db, CancellationToken ct) =>
        await CallUpQueries.RosterAsync(db, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Ok<AnswerView>> Answer(long id, AnswerCallUp.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var r = await AnswerCallUp.HandleAsync(db, id, MemberOf(user), command, ct);
        return TypedResults.Ok(new AnswerView(r.CallUpId, r.MemberId, r.Answer, r.Note, r.AnsweredAt));
    }

    private static async Task<NoContent> Close(long id, BastionDb db, CancellationToken ct)
    {
        await CloseCallUp.HandleAsync(db, id, ct);
        return TypedResults.NoContent();
    }

    public sealed record AnswerView(long CallUpId, long MemberId, CallUpAnswer Answer, string? Note, DateTime? AnsweredAt);
}
