using Bastion.Alliances;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/alliances: joint building (联建共建). An alliance is visible when its lead or any member organization is in
/// the caller's scope; members outside it are shown by name only. Run by the people who run organizations.
/// </summary>
public static class AlliancesApi
{
    public static IEndpointRouteBuilder MapAlliancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alliances").WithTags("Alliances").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/", List).WithSummary("Alliances visible to the caller, paged, optionally of one type or status.");
        api.MapGet("/{id:long}", Get).WithSummary("One alliance with its members and recent activities.");
        api.MapPost("/", Create).WithSummary("Founds an alliance led by an organization in scope; members may be anywhere in the tree.");
        api.MapPost("/{id:long}/end", End).WithSummary("Ends the alliance (caller's scope must contain the lead).");
        api.MapGet("/{id:long}/members", Members).WithSummary("The member organizations.");
        api.MapPost("/{id:long}/members", AddMember).WithSummary("Adds a member organization (caller's scope must contain the lead).");
        api.MapDelete("/{id:long}/members/{organizationId:long}", RemoveMember).WithSummary("Removes a member organization (caller's scope must contain the lead).");
        api.MapGet("/{id:long}/activities", Activities).WithSummary("Joint activities, latest first, paged.");
        api.MapPost("/{id:long}/activities", RecordActivity).WithSummary("Records a joint activity (caller's scope must contain a member).");
        api.MapGet("/statistics/{organizationId:long}", Statistics).WithSummary("Active alliances touching the subtree by type, with activities in the last 12 months.");
        return app;
    }

    private static async Task<Ok<Page<AllianceSummary>>> List(AllianceType? type, AllianceStatus? status, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await AllianceQueries.ListAsync(db, type, status, page, pageSize, ct));

    private static async Task<Results<Ok<AllianceDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await AllianceQueries.GetAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Created<AllianceDetail>> Create(CreateAlliance.Command command, BastionDb db, CancellationToken ct)
    {
        var alliance = await CreateAlliance.HandleAsync(db, command, ct);
        return TypedResults.Created($"/api/v1/alliances/{alliance.Id}", await DetailAsync(db, alliance.Id, ct));
    }

    private static async Task<Ok<AllianceDetail>> End(long id, EndAlliance.Command command, BastionDb db, CancellationToken ct)
    {
        await EndAlliance.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await DetailAsync(db, id, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<AllianceMemberView>>, NotFound>> Members(long id, BastionDb db, CancellationToken ct) =>
        await AllianceQueries.MembersAsync(db, id, ct) is { } members ? TypedResults.Ok(members) : TypedResults.NotFound();

    private static async Task<Ok<AllianceDetail>> AddMember(long id, AddAllianceMember.Command command, BastionDb db, CancellationToken ct)
    {
        await AddAllianceMember.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await DetailAsync(db, id, ct));
    }

    private static async Task<NoContent> RemoveMember(long id, long organizationId, BastionDb db, CancellationToken ct)
    {
        await RemoveAllianceMember.HandleAsync(db, id, organizationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<AllianceActivityView>>, NotFound>> Activities(long id, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await AllianceQueries.ActivitiesAsync(db, id, page, pageSize, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Created<AllianceDetail>> RecordActivity(long id, RecordAllianceActivity.Command command, BastionDb db, CancellationToken ct)
    {
        var activity = await RecordAllianceActivity.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/alliances/{id}/activities/{activity.Id}", await DetailAsync(db, id, ct));
    }

    private static async Task<Results<Ok<AllianceReport>, NotFound>> Statistics(long organizationId, BastionDb db, CancellationToken ct) =>
        await AllianceStatistics.ForSubtreeAsync(db, organizationId, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<AllianceDetail> DetailAsync(BastionDb db, long id, CancellationToken ct) =>
        await AllianceQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Alliance {id}");
}
