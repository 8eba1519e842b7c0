using System.Security.Claims;
using Bastion.Appraisals;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// 民主评议党员 (JYGL §18): a branch's yearly appraisal — self-assessments, peer votes entered from the ballots, the
/// grades decided (at most 1/3 优秀 of those graded, none for probationary members) — and each member's history.
/// </summary>
public static class AppraisalsApi
{
    public static IEndpointRouteBuilder MapAppraisalsApi(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/v1/organizations").WithTags("Appraisals").RequireAuthorization(BastionPolicies.ReadRoster);
        orgs.MapGet("/{id:long}/appraisals", List).WithSummary("The branch's appraisal rounds, newest year first, with participants, graded and excellent counts.");
        orgs.MapPost("/{id:long}/appraisals", Open).WithSummary("Opens the branch's appraisal for a year (default this year) with every active member; one per branch and year.");

        var members = app.MapGroup("/api/v1/members").WithTags("Appraisals").RequireAuthorization(BastionPolicies.ReadRoster);
        members.MapGet("/{id:long}/appraisals", History).WithSummary("The member's appraisal history, newest year first (no grade in probationary years).");

        var rounds = app.MapGroup("/api/v1/appraisals").WithTags("Appraisals").RequireAuthorization(BastionPolicies.ReadRoster);
        rounds.MapGet("/{id:long}", Get).WithSummary("A round: every participant with self-assessment, peer votes per grade and the decided grade.");
        rounds.MapPut("/{id:long}/members/{memberId:long}/self-assessment", SelfAssess).WithSummary("Records or revises a participant's self-assessment while the round is open.");
        rounds.MapPost("/{id:long}/votes", Vote).WithSummary("Records one peer vote (voter, member, grade) from a ballot; a second vote by the same voter for the same member replaces the first.");
        rounds.MapPost("/{id:long}/grades", Grades).WithSummary("Records decided grades; refused whole when a probationary member is graded or 优秀 would exceed 1/3 of those graded.");
        rounds.MapPost("/{id:long}/close", Close).WithSummary("Closes the round once every full member has a grade.");

        // Members take part themselves: their own self-assessment and their peer votes, as the member their account is bound to.
        var my = app.MapGroup("/api/v1/my/appraisals").WithTags("Appraisals").RequireAuthorization(BastionPolicies.ReadOrganizations);
        my.MapGet("/", Mine).WithSummary("The open appraisals the signed-in member takes part in, with the peers they may assess and their votes so far.");
        my.MapPut("/{id:long}/self-assessment", MySelfAssessment).WithSummary("Writes or revises the signed-in member's own self-assessment.");
        my.MapPost("/{id:long}/votes", MyVote).WithSummary("The signed-in member's peer vote (member, grade); a second vote for the same member replaces the first.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AppraisalSummary>>, NotFound>> List(long id, BastionDb db, CancellationToken ct) =>
        await AppraisalQueries.ForOrganizationAsync(db, id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Created<AppraisalDetail>> Open(long id, OpenAppraisal.Command command, BastionDb db, CancellationToken ct)
    {
        var round = await OpenAppraisal.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/appraisals/{round.Id}", await Detail(db, round.Id, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<AppraisalHistoryItem>>, NotFound>> History(long id, BastionDb db, CancellationToken ct) =>
        await AppraisalQueries.HistoryAsync(db, id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<AppraisalDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await AppraisalQueries.GetAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Ok<AppraisalDetail>> SelfAssess(long id, long memberId, SubmitSelfAssessment.Command command, BastionDb db, CancellationToken ct)
    {
        await SubmitSelfAssessment.HandleAsync(db, id, memberId, command, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Ok<AppraisalDetail>> Vote(long id, CastVote.Command command, BastionDb db, CancellationToken ct)
    {
        await CastVote.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Ok<AppraisalDetail>> Grades(long id, DecideGrades.Command command, BastionDb db, CancellationToken ct)
    {
        await DecideGrades.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Ok<AppraisalDetail>> Close(long id, BastionDb db, CancellationToken ct)
    {
        await CloseAppraisal.HandleAsync(db, id, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Ok<IReadOnlyList<MyAppraisal>>> Mine(ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MyAppraisalQueries.OpenAsync(db, MemberOf(user), ct));

    private static async Task<Ok<IReadOnlyList<MyAppraisal>>> MySelfAssessment(long id, SubmitSelfAssessment.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var me = MemberOf(user);
        await SubmitSelfAssessment.HandleAsync(db, id, me, command, ct);
        return TypedResults.Ok(await MyAppraisalQueries.OpenAsync(db, me, ct));
    }

    public sealed record MyVoteCommand(long? MemberId, AppraisalGrade? Grade);

    private static async Task<Ok<IReadOnlyList<MyAppraisal>>> MyVote(long id, MyVoteCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var me = MemberOf(user);
        await CastVote.HandleAsync(db, id, new CastVote.Command { VoterMemberId = me, MemberId = command.MemberId, Grade = command.Grade }, ct);
        return TypedResults.Ok(await MyAppraisalQueries.OpenAsync(db, me, ct));
    }

    /// <summary>The member record the account is bound to; an account without one cannot take part.</summary>
    internal static long MemberOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(BastionClaims.MemberId), out var id) ? id
            : throw new DomainRuleException("Appraisals.NoMemberRecord", "This account is not bound to a member record, so it cannot take part in an appraisal.");

    private static async Task<AppraisalDetail> Detail(BastionDb db, long id, CancellationToken ct) =>
        await AppraisalQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Appraisal {id}");
}
