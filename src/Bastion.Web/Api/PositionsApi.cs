using Bastion.Data;
using Bastion.Positions;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// Positions (职务): secretary, deputy, committee members, group leaders with their terms, and secretary vacancies
/// (DOMAIN §2, §8). Run by the people who run organizations, within their scope.
/// </summary>
public static class PositionsApi
{
    public static IEndpointRouteBuilder MapPositionsApi(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/v1/organizations").WithTags("Positions").RequireAuthorization(BastionPolicies.ReadRoster);
        orgs.MapGet("/{id:long}/positions", List).WithSummary("Current position holders (secretary first), ended terms and the secretary vacancy.");
        orgs.MapPost("/{id:long}/positions", Appoint).WithSummary("Appoints a member of the organization (of the group's branch for a group leader); one current secretary at most.");
        orgs.MapGet("/{id:long}/secretary-vacancies", Vacancies).WithSummary("Organizations of the subtree without a current secretary, longest vacancy first (one grouped query).");

        var positions = app.MapGroup("/api/v1/positions").WithTags("Positions").RequireAuthorization(BastionPolicies.ReadRoster);
        positions.MapPost("/{id:long}/end", End).WithSummary("Ends a current term (endedOn defaults to today).");
        return app;
    }

    private static async Task<Results<Ok<OrganizationPositions>, NotFound>> List(long id, BastionDb db, CancellationToken ct) =>
        await PositionQueries.ForOrganizationAsync(db, id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Created<PositionView>> Appoint(long id, AppointPosition.Command command, BastionDb db, CancellationToken ct)
    {
        var position = await AppointPosition.HandleAsync(db, id, command, ct);
        var view = await PositionQueries.GetAsync(db, position.Id, ct) ?? throw new NotFoundException($"Position {position.Id}");
        return TypedResults.Created($"/api/v1/organizations/{id}/positions", view);
    }

    private static async Task<Ok<PositionView>> End(long id, EndPosition.Command command, BastionDb db, CancellationToken ct)
    {
        var position = await EndPosition.HandleAsync(db, id, command, ct);
        var view = await PositionQueries.GetAsync(db, position.Id, ct) ?? throw new NotFoundException($"Position {id}");
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<IReadOnlyList<SecretaryVacancy>>, NotFound>> Vacancies(long id, BastionDb db, CancellationToken ct) =>
        await SecretaryVacancies.ForSubtreeAsync(db, id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
}
