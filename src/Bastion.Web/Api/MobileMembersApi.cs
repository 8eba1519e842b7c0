using Bastion.Data;
using Bastion.MobileMembers;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>/api/v1/mobile-members: 流动党员 (out-flow and in-flow records, contacts) and the member-status warnings of a subtree.</summary>
public static class MobileMembersApi
{
    public static IEndpointRouteBuilder MapMobileMembersApi(this IEndpointRouteBuilder app)
    {
        // Roster work: secretaries and the organization department, in their own subtree.
        var api = app.MapGroup("/api/v1/mobile-members").WithTags("MobileMembers").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/", List).WithSummary("Mobile members kept by an organization's subtree (the caller's own by default), filtered by direction (OutFlow, InFlow), status (Active by default) and name prefix, with the last contact and warnings.");
        api.MapGet("/{id:long}", Get).WithSummary("One mobile record with its latest contacts.");
        api.MapPost("/out-flow", RegisterOut).WithSummary("Registers a member of a branch in scope as away (流出): destination, host organization or name, activity card, dates.");
        api.MapPost("/in-flow", RegisterIn).WithSummary("Registers a member of another organization taking part here (流入), found by member id or resident ID number, or by name.");
        api.MapPost("/{id:long}/end", End).WithSummary("Ends a mobile record on the return date (today by default).");
        api.MapPost("/{id:long}/contacts", Contact).WithSummary("Records a contact with a mobile member (Phone, Visit, Online, Letter).");

        app.MapGet("/api/v1/organizations/{id:long}/member-warnings", Warnings).WithTags("MobileMembers").RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Member-status warnings of the subtree (no contact for 6 months, should transfer, 6 months of dues unpaid), each with what to do. Warnings never change a status.");
        return app;
    }

    private static async Task<Results<Ok<Page<MobileRecordSummary>>, NotFound>> List(
        long? organizationId, MobileDirection? direction, MobileStatus? status, string? name, int? page, int? pageSize,
        BastionDb db, HttpContext http, CancellationToken ct) =>
        (organizationId ?? http.User.Organization()) is { } id
        && await MobileQueries.ForSubtreeAsync(db, id, new MobileFilter { Direction = direction, Status = status, Name = name }, page, pageSize, ct) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<MobileRecordDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await MobileQueries.GetAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Created<MobileRecordDetail>> RegisterOut(RegisterOutFlow.Command command, BastionDb db, CancellationToken ct) =>
        await CreatedAsync(db, (await RegisterOutFlow.HandleAsync(db, command, ct)).Id, ct);

    private static async Task<Created<MobileRecordDetail>> RegisterIn(RegisterInFlow.Command command, BastionDb db, PiiProtector pii, CancellationToken ct) =>
        await CreatedAsync(db, (await RegisterInFlow.HandleAsync(db, pii, command, ct)).Id, ct);

    private static async Task<Ok<MobileRecordDetail>> End(long id, EndMobility.Command? command, BastionDb db, CancellationToken ct)
    {
        await EndMobility.HandleAsync(db, id, command ?? new EndMobility.Command(), ct);
        return TypedResults.Ok(await MobileQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Mobile record {id}"));
    }

    private static async Task<Created<MobileContactView>> Contact(long id, RecordContact.Command command, BastionDb db, CancellationToken ct)
    {
        var c = await RecordContact.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/mobile-members/{id}", new MobileContactView(c.Id, c.ContactedOn, c.Channel, c.Note, c.RecordedBy));
    }

    private static async Task<Results<Ok<MemberWarningsReport>, NotFound>> Warnings(long id, BastionDb db, CancellationToken ct) =>
        await MemberWarnings.ForSubtreeAsync(db, id, Clock.Today(db.Time), ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<Created<MobileRecordDetail>> CreatedAsync(BastionDb db, long id, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/mobile-members/{id}", await MobileQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Mobile record {id}"));
}
