using Bastion.Data;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>/api/v1/members: member records in the caller's subtree; resident ID numbers masked unless revealed (audited).</summary>
public static class MembersApi
{
    public sealed record RevealedResidentId(long MemberId, string ResidentId);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Members").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/organizations/{id:long}/members", OfOrganization).WithSummary("Members of one organization, paged, resident ID masked.");
        api.MapGet("/members/{id:long}", Get).WithSummary("One member, resident ID masked.");
        api.MapPost("/members/{id:long}/resident-id/reveal", Reveal)
            .RequireAuthorization(BastionPolicies.SeePersonalData)
            .WithSummary("The unmasked resident ID number; every reveal is written to the audit log.");
        return app;
    }

    private static async Task<Results<Ok<Page<MemberSummary>>, NotFound>> OfOrganization(long id, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await MemberQueries.OfOrganizationAsync(db, id, page, pageSize, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<MemberSummary>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await MemberQueries.GetAsync(db, id, ct) is { } member ? TypedResults.Ok(member) : TypedResults.NotFound();

    private static async Task<Results<Ok<RevealedResidentId>, NotFound>> Reveal(long id, BastionDb db, PiiProtector pii, CancellationToken ct) =>
        await MemberQueries.RevealResidentIdAsync(db, pii, id, ct) is { } value ? TypedResults.Ok(new RevealedResidentId(id, value)) : TypedResults.NotFound();
}
