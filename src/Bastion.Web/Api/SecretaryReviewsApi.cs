using System.Security.Claims;
using Bastion.Data;
using Bastion.Identity;
using Bastion.SecretaryReviews;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// 书记抓基层党建工作述职评议考核: the organizing committee opens a round, names reviewers and closes it; each
/// secretary submits a report (the strength index and warnings are attached as a frozen copy); reviewers rate
/// 好/较好/一般/差; results are stored at closing and read per subtree.
/// </summary>
public static class SecretaryReviewsApi
{
    public static IEndpointRouteBuilder MapSecretaryReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/secretary-reviews").WithTags("SecretaryReviews").RequireAuthorization(BastionPolicies.ReadOrganizations);

        // The organizing committee: organization department users and administrators, for rounds in their scope.
        var manage = group.MapGroup("").RequireAuthorization(BastionPolicies.ManageOrganizations);
        manage.MapGet("/", List).WithSummary("Rounds organized in the subtree of an organization (default: the whole scope), newest year first, with report and rating progress.");
        manage.MapPost("/", Open).WithSummary("Opens a committee's review for a year (not a future one; one per committee and year) with a report for each organization directly under it.");
        manage.MapGet("/{id:long}", Get).WithSummary("A round: reviewers, each report's status, rating progress and, once closed, the stored results.");
        manage.MapPost("/{id:long}/reviewers", AddReviewerTo).WithSummary("Names one more reviewer (by user name) while the round is open.");
        manage.MapDelete("/{id:long}/reviewers/{userId:long}", RemoveReviewerFrom).WithSummary("Takes a reviewer off an open round, with the ratings they gave.");
        manage.MapPost("/{id:long}/close", Close).WithSummary("Closes the round and stores each secretary's result; refused while a submitted report has too few ratings.");
        manage.MapGet("/results", Results).WithSummary("Stored results of a year's closed rounds for the organizations in a subtree: counts per grade and a page of rows with the frozen index and warnings.");
        manage.MapGet("/results.xlsx", Export).WithSummary("The same results as a workbook.");

        // Secretaries and reviewers, by their part in a round.
        group.MapGet("/mine", Mine).WithSummary("The signed-in secretary's reports: open rounds to report in, and past results.");
        group.MapGet("/to-rate", ToRate).WithSummary("The rounds the signed-in user reviews, with each submitted report and their own rating.");
        group.MapGet("/reports/{reportId:long}", Report).WithSummary("One report as the caller may see it (organizer, its secretary, or a reviewer); 404 for anyone else.");
        group.MapPut("/reports/{reportId:long}", Submit).WithSummary("The organization's current secretary submits or revises the report text; the first submission attaches the frozen index.");
        group.MapPut("/reports/{reportId:long}/rating", Rate).WithSummary("A reviewer of the round rates the secretary (Good, FairlyGood, Average, Poor) with an optional comment; rating again changes it.");
        return app;
    }

    internal static bool MayManage(ClaimsPrincipal user) => user.Role() is BastionRoles.SystemAdmin or BastionRoles.OrganizationDepartment;

    internal static long? MemberOf(ClaimsPrincipal user) => long.TryParse(user.FindFirstValue(BastionClaims.MemberId), out var id) ? id : null;

    private static async Task<Results<Ok<IReadOnlyList<RoundSummary>>, NotFound>> List(long? organizationId, BastionDb db, CancellationToken ct) =>
        await SecretaryReviewQueries.RoundsAsync(db, organizationId, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Created<RoundDetail>> Open(OpenReviewRound.Command command, BastionDb db, CancellationToken ct)
    {
        var round = await OpenReviewRound.HandleAsync(db, command, ct);
        return TypedResults.Created($"/api/v1/secretary-reviews/{round.Id}", await Detail(db, round.Id, ct));
    }

    private static async Task<Results<Ok<RoundDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await SecretaryReviewQueries.RoundAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Ok<RoundDetail>> AddReviewerTo(long id, AddReviewer.Command command, BastionDb db, CancellationToken ct)
    {
        await AddReviewer.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Ok<RoundDetail>> RemoveReviewerFrom(long id, long userId, BastionDb db, CancellationToken ct)
    {
        await RemoveReviewer.HandleAsync(db, id, userId, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Ok<RoundDetail>> Close(long id, BastionDb db, CancellationToken ct)
    {
        await CloseReviewRound.HandleAsync(db, id, ct);
        return TypedResults.Ok(await Detail(db, id, ct));
    }

    private static async Task<Results<Ok<SubtreeResults>, NotFound, ValidationProblem>> Results(
        long? organizationId, int? year, int? page, int? pageSize, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        if (year is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give the year."] });
        var org = organizationId ?? user.Organization();
        return org is { } o && await SecretaryReviewQueries.ResultsAsync(db, o, year.Value, page, pageSize, ct) is { } results
            ? TypedResults.Ok(results) : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Export(
        long? organizationId, int? year, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        if (year is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give the year."] });
        var org = organizationId ?? user.Organization();
        if (org is not { } o || await SecretaryReviewQueries.ResultsForExportAsync(db, o, year.Value, ct) is not { } rows) return TypedResults.NotFound();
        return TypedResults.File(ResultsWorkbook.Export(rows), Workbook.ContentType, $"述职评议结果-{year}.xlsx");
    }

    private static async Task<Ok<IReadOnlyList<MyReport>>> Mine(ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(MemberOf(user) is { } me ? await SecretaryReviewQueries.MineAsync(db, me, ct) : []);

    private static async Task<Ok<IReadOnlyList<RoundToRate>>> ToRate(ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(user.UserId() is { } me ? await SecretaryReviewQueries.ToRateAsync(db, me, null, ct) : []);

    private static async Task<Results<Ok<ReportDetail>, NotFound>> Report(long reportId, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        await SecretaryReviewQueries.ReportAsync(db, reportId, user.UserId(), MemberOf(user), MayManage(user), ct) is { } report
            ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<Ok<ReportDetail>> Submit(long reportId, SubmitReport.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await SubmitReport.HandleAsync(db, null, reportId, MemberOf(user), command, null, ct);
        return TypedResults.Ok(await ReportDetail(db, reportId, user, ct));
    }

    private static async Task<Ok<ReportDetail>> Rate(long reportId, RateSecretary.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await RateSecretary.HandleAsync(db, reportId, user.UserId(), MemberOf(user), command, ct);
        return TypedResults.Ok(await ReportDetail(db, reportId, user, ct));
    }

    private static async Task<ReportDetail> ReportDetail(BastionDb db, long reportId, ClaimsPrincipal user, CancellationToken ct) =>
        await SecretaryReviewQueries.ReportAsync(db, reportId, user.UserId(), MemberOf(user), MayManage(user), ct) ?? throw new NotFoundException($"Report {reportId}");

    private static async Task<RoundDetail> Detail(BastionDb db, long id, CancellationToken ct) =>
        await SecretaryReviewQueries.RoundAsync(db, id, ct) ?? throw new NotFoundException($"Secretaries' review {id}");
}
