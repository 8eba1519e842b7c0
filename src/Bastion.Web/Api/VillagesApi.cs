using Bastion.Data;
using Bastion.Shared;
using Bastion.Villages;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>Rural revitalization (乡村振兴): cadres sent to villages (第一书记, 驻村工作队) and yearly village indicators.</summary>
public static class VillagesApi
{
    public static IEndpointRouteBuilder MapVillagesApi(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/v1/organizations").WithTags("Villages").RequireAuthorization(BastionPolicies.ReadOrganizations);
        orgs.MapGet("/{id:long}/villages", Summary).WithSummary("Villages of the subtree for a year (default: last year): first secretary, work team, collective income; counts by income band; unreported and no-income villages first.");
        orgs.MapGet("/{id:long}/village", Record).WithSummary("One village organization's dispatched cadres and yearly indicators.");
        orgs.MapPost("/{id:long}/village/assignments", Assign).RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Records a cadre sent to the village (FirstSecretary, WorkTeamLeader, WorkTeamMember); one current first secretary.");
        orgs.MapPut("/{id:long}/village/indicators", Indicator).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Records or corrects one year's collective income (yuan) and operating income of the village.");
        app.MapPost("/api/v1/village-assignments/{id:long}/end", End).WithTags("Villages").RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Ends a village assignment (endedOn defaults to today).");
        return app;
    }

    public sealed record EndCommand(DateOnly? EndedOn);

    private static async Task<Results<Ok<VillageSummary>, NotFound>> Summary(long id, int? year, BastionDb db, CancellationToken ct) =>
        await VillageQueries.SummaryAsync(db, id, year ?? Clock.Today(db.Time).Year - 1, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Ok<VillageRecord>, NotFound>> Record(long id, BastionDb db, CancellationToken ct) =>
        await VillageQueries.ForOrganizationAsync(db, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Created<VillageAssignmentView>> Assign(long id, VillageWork.AssignCommand command, BastionDb db, CancellationToken ct)
    {
        var a = await VillageWork.AssignAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}/village", new VillageAssignmentView(a.Id, a.Role, a.PersonName, a.SentBy, a.StartedOn, a.EndedOn));
    }

    private static async Task<Ok<VillageIndicatorView>> Indicator(long id, VillageWork.IndicatorCommand command, BastionDb db, CancellationToken ct)
    {
        var i = await VillageWork.RecordIndicatorAsync(db, id, command, ct);
        return TypedResults.Ok(new VillageIndicatorView(i.Year, i.CollectiveIncome, i.OperatingIncome, i.Note));
    }

    private static async Task<Ok<VillageAssignmentView>> End(long id, EndCommand? command, BastionDb db, CancellationToken ct)
    {
        var a = await VillageWork.EndAsync(db, id, command?.EndedOn, ct);
        return TypedResults.Ok(new VillageAssignmentView(a.Id, a.Role, a.PersonName, a.SentBy, a.StartedOn, a.EndedOn));
    }
}
