using Bastion.Data;
using Bastion.Organizations;
using Bastion.Restructuring;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Api;

/// <summary>/api/v1/organizations: the organization tree, limited to the caller's subtree by the data-scope filter.</summary>
public static class OrganizationsApi
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization(BastionPolicies.ReadOrganizations);
        api.MapGet("/mine", Mine).WithSummary("The caller's own organization: the root of what they may see.");
        api.MapGet("/{id:long}", Get).WithSummary("One organization with its visible ancestors and subtree counts.");
        api.MapGet("/{id:long}/children", Children).WithSummary("Direct children, paged (for lazy tree browsing).");
        api.MapGet("/{id:long}/subtree", Subtree).WithSummary("The whole subtree in tree order, paged; one indexed range scan.");
        api.MapPost("/", Create).RequireAuthorization(BastionPolicies.ManageOrganizations).WithSummary("Creates an organization under a parent in scope.");
        api.MapPut("/{id:long}/name", Rename).RequireAuthorization(BastionPolicies.ManageOrganizations).WithSummary("Renames an organization.");
        api.MapGet("/{id:long}/history", History).WithSummary("The organization's history (沿革): created, renamed, moved, merged, dissolved; newest first.");
        api.MapPost("/{id:long}/move", Move).RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Places the organization, with its whole subtree, under another parent in scope (one statement), with a reason.");
        api.MapPost("/{id:long}/merge", Merge).RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Merges the organization into another of the same level: members, sub-organizations, open mobile records and covered units move; it closes.");
        api.MapPost("/{id:long}/dissolve", Dissolve).RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Closes an empty organization (no active member, sub-organization or open transfer letter).");
        return app;
    }

    private static async Task<Results<Ok<OrganizationDetail>, NotFound>> Mine(BastionDb db, HttpContext http, CancellationToken ct) =>
        http.User.Organization() is { } id && await OrganizationQueries.GetAsync(db, id, ct) is { } org ? TypedResults.Ok(org) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganizationDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await OrganizationQueries.GetAsync(db, id, ct) is { } org ? TypedResults.Ok(org) : TypedResults.NotFound();

    private static async Task<Results<Ok<Page<OrganizationSummary>>, NotFound>> Children(long id, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await OrganizationQueries.ChildrenAsync(db, id, page, pageSize, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<Page<OrganizationSummary>>, NotFound>> Subtree(long id, OrganizationKind? kind, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await OrganizationQueries.SubtreeAsync(db, id, kind, page, pageSize, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Created<OrganizationDetail>> Create(CreateOrganization.Command command, BastionDb db, CancellationToken ct)
    {
        var org = await CreateOrganization.HandleAsync(db, command, ct);
        var detail = await OrganizationQueries.GetAsync(db, org.Id, ct) ?? throw new NotFoundException($"Organization {org.Id}");
        return TypedResults.Created($"/api/v1/organizations/{org.Id}", detail);
    }

    private static async Task<Ok<OrganizationDetail>> Rename(long id, RenameOrganization.Command command, BastionDb db, CancellationToken ct)
    {
        await RenameOrganization.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await OrganizationQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Organization {id}"));
    }

    private static async Task<Results<Ok<List<OrganizationEventView>>, NotFound>> History(long id, BastionDb db, CancellationToken ct) =>
        await db.Organizations.AnyAsync(o => o.Id == id, ct) ? TypedResults.Ok(await OrganizationHistory.ForAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<Ok<MoveOrganization.Result>> Move(long id, MoveOrganization.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MoveOrganization.HandleAsync(db, id, command, ct));

    private static async Task<Ok<MergeOrganizations.Result>> Merge(long id, MergeOrganizations.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MergeOrganizations.HandleAsync(db, id, command, ct));

    private static async Task<Ok<OrganizationDetail>> Dissolve(long id, DissolveOrganization.Command command, BastionDb db, CancellationToken ct)
    {
        await DissolveOrganization.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await OrganizationQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Organization {id}"));
    }
}
