using System.Security.Claims;
using Bastion.Attachments;
using Bastion.Data;
using Bastion.Discipline;
using Bastion.Identity;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/discipline: misconduct reports (问题线索举报). Filing and following by tracking code and secret need no
/// account (rate-limited like the public intake); reading and handling reports is for the Discipline role only, within
/// its data scope, and every read is audited; counts (no content) are open to every signed-in role.
/// </summary>
public static class DisciplineApi
{
    public static IEndpointRouteBuilder MapDisciplineApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/api/v1/discipline").WithTags("Discipline");

        var open = root.MapGroup("/public").AllowAnonymous().RequireRateLimiting(RequestsApi.PublicIntakeRateLimit);
        open.MapGet("/categories", Categories).WithSummary("The report categories and the handling deadlines, from the rule set.");
        open.MapPost("/reports", Submit).WithSummary("Files a report, anonymous or named; answers the tracking code and the secret (shown once).");
        open.MapPost("/reports/follow", Follow).WithSummary("The status and the public statement of a report, for its tracking code and secret.");
        open.MapPost("/reports/supplement", Supplement).WithSummary("Adds information to an open report, with its tracking code and secret.");

        var staff = root.MapGroup("/reports").RequireAuthorization(p => p.RequireRole(BastionRoles.Discipline));
        staff.MapGet("/", List).WithSummary("Reports received in the caller's subtree (audited).");
        staff.MapGet("/export", Export).WithSummary("The reports as an Excel workbook (audited).");
        staff.MapGet("/{id:long}", Get).WithSummary("One report with its timeline and evidence list (audited).");
        staff.MapGet("/{id:long}/evidence/{fileId:long}", Evidence).WithSummary("One evidence file (audited).");
        staff.MapGet("/{id:long}/reporter", Reporter).WithSummary("A named reporter's name and contact in clear (audited).");
        staff.MapPost("/{id:long}/accept", Accept).WithSummary("Accepts the report and opens the preliminary check (初核).");
        staff.MapPost("/{id:long}/decline", Decline).WithSummary("Declines the report with a reason the reporter reads.");
        staff.MapPost("/{id:long}/notes", Note).WithSummary("A note of the preliminary check (never shown to the reporter).");
        staff.MapPost("/{id:long}/dispose", Dispose).WithSummary("Decides the disposition after the preliminary check.");
        staff.MapPost("/{id:long}/close", Close).WithSummary("Closes the report with its outcome and the statement the reporter reads.");

        var figures = root.MapGroup("/statistics").RequireAuthorization();
        figures.MapGet("/{organizationId:long}", Statistics).WithSummary("Counts by category, status, outcome, level and child organization, rolled up; no content.");
        figures.MapGet("/{organizationId:long}/substantiated", Substantiated).WithSummary("Substantiated reports closed in a period, per organization concerned.");
        return app;
    }

    public sealed record FollowBody(string? TrackingCode, string? Secret);
    public sealed record SupplementBody(string? TrackingCode, string? Secret, string? Text);
    public sealed record ReceiptView(string TrackingCode, string Secret);
    public sealed record RevealedReporter(long Id, string? Reporter);

    private static Ok<DisciplineRuleSet> Categories() => TypedResults.Ok(DisciplineRuleSet.Load());

    private static async Task<Created<ReceiptView>> Submit(SubmitMisconductReport.Command command, BastionDb db, PiiProtector pii, AttachmentStore store, CancellationToken ct)
    {
        var receipt = await SubmitMisconductReport.HandleAsync(db, pii, store, command, [], ct);
        return TypedResults.Created("/api/v1/discipline/public/reports/follow", new ReceiptView(receipt.TrackingCode, receipt.Secret));
    }

    private static async Task<Ok<ReporterAccess.View>> Follow(FollowBody body, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await ReporterAccess.FollowAsync(db, body.TrackingCode, body.Secret, ct));

    private static async Task<NoContent> Supplement(SupplementBody body, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        await ReporterAccess.SupplementAsync(db, store, body.TrackingCode, body.Secret, body.Text, [], ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<MisconductListItem>>> List(MisconductStatus? status, MisconductCategory? category, bool? overdue, int? page, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MisconductQueries.ListAsync(db, new MisconductFilter { Status = status, Category = category, OverdueOnly = overdue == true }, page ?? 1, ct));

    private static async Task<FileContentHttpResult> Export(MisconductStatus? status, MisconductCategory? category, bool? overdue, string? lang, BastionDb db, CancellationToken ct)
    {
        var bytes = await MisconductQueries.ExportAsync(db, new MisconductFilter { Status = status, Category = category, OverdueOnly = overdue == true }, lang == "en", ct);
        return TypedResults.File(bytes, Workbook.ContentType, $"misconduct-reports-{Clock.Today(db.Time):yyyyMMdd}.xlsx");
    }

    private static async Task<Ok<MisconductReportView>> Get(long id, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MisconductQueries.GetAsync(db, id, "api", ct));

    private static async Task<FileStreamHttpResult> Evidence(long id, long fileId, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var file = await MisconductQueries.EvidenceAsync(db, id, fileId, ct);
        return TypedResults.File(store.Open(file), file.ContentType, file.FileName);
    }

    private static async Task<Ok<RevealedReporter>> Reporter(long id, BastionDb db, PiiProtector pii, CancellationToken ct) =>
        TypedResults.Ok(new RevealedReporter(id, await MisconductQueries.RevealReporterAsync(db, pii, id, ct)));

    private static async Task<NoContent> Accept(long id, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await HandleMisconductReport.AcceptAsync(db, id, Handler(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Decline(long id, HandleMisconductReport.DeclineBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await HandleMisconductReport.DeclineAsync(db, id, Handler(user), body, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Note(long id, HandleMisconductReport.NoteBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await HandleMisconductReport.AddCheckNoteAsync(db, id, Handler(user), body, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Dispose(long id, HandleMisconductReport.DisposeBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await HandleMisconductReport.DisposeAsync(db, id, Handler(user), body, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Close(long id, HandleMisconductReport.CloseBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await HandleMisconductReport.CloseAsync(db, id, Handler(user), body, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MisconductSummary>> Statistics(long organizationId, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await MisconductStatistics.SummaryAsync(db, organizationId, includeOpen: user.IsInRole(BastionRoles.Discipline), ct));

    private static async Task<Ok<List<SubstantiatedCount>>> Substantiated(long organizationId, DateOnly? from, DateOnly? to, BastionDb db, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        return TypedResults.Ok(await MisconductStatistics.SubstantiatedByOrganizationAsync(db, organizationId, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct));
    }

    internal static string Handler(ClaimsPrincipal user) => user.FindFirstValue(BastionClaims.DisplayName) ?? user.Identity?.Name ?? "?";
}
