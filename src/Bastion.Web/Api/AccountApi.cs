using Bastion.Data;
using Bastion.Identity;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Api;

/// <summary>/api/v1/account: who am I, and my personal access tokens.</summary>
public static class AccountApi
{
    public sealed record Me(long Id, string UserName, string DisplayName, string Role, long OrganizationId, string OrganizationName);

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization();
        api.MapGet("/me", GetMe).WithSummary("The signed-in user, their role and organization.");
        api.MapGet("/tokens", ListTokens).WithSummary("The caller's personal access tokens (never the secrets).");
        api.MapPost("/tokens", CreateToken).WithSummary("Creates a personal access token; the secret is in this answer only.");
        api.MapDelete("/tokens/{id:long}", RevokeToken).WithSummary("Revokes one of the caller's tokens.");
        return app;
    }

    private static async Task<Results<Ok<Me>, NotFound>> GetMe(HttpContext http, BastionDb db, CancellationToken ct)
    {
        var id = http.User.UserId();
        var me = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new Me(u.Id, u.UserName!, u.DisplayName, u.Role, u.OrganizationId,
                db.Organizations.IgnoreQueryFilters().Where(o => o.Id == u.OrganizationId).Select(o => o.Name).First()))
            .FirstOrDefaultAsync(ct);
        return me is null ? TypedResults.NotFound() : TypedResults.Ok(me);
    }

    private static async Task<Ok<List<PersonalAccessTokens.TokenInfo>>> ListTokens(HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await PersonalAccessTokens.ListAsync(db, http.User.UserId()!.Value, ct));

    private static async Task<Created<PersonalAccessTokens.Created>> CreateToken(PersonalAccessTokens.Request request, HttpContext http, BastionDb db, CancellationToken ct)
    {
        var created = await PersonalAccessTokens.CreateAsync(db, http.User.UserId()!.Value, request, ct);
        return TypedResults.Created($"/api/v1/account/tokens/{created.Id}", created);
    }

    private static async Task<NoContent> RevokeToken(long id, HttpContext http, BastionDb db, CancellationToken ct)
    {
        await PersonalAccessTokens.RevokeAsync(db, http.User.UserId()!.Value, id, ct);
        return TypedResults.NoContent();
    }
}
