using System.Security.Claims;
using Bastion.Attachments;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Rectification;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/rectification: rectification of weak and lax organizations (整顿软弱涣散基层党组织). For the organization
/// department and administrators only; the data scope limits every read to the caller's subtree, and every change is
/// made from above the organization rectified (the rule <see cref="RectificationRules.ActorAboveRule"/>).
/// </summary>
public static class RectificationApi
{
    public static IEndpointRouteBuilder MapRectificationApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/api/v1/rectification").WithTags("Rectification")
            .RequireAuthorization(p => p.RequireRole(BastionRoles.SystemAdmin, BastionRoles.OrganizationDepartment));
        root.MapGet("/cases", List).WithSummary("The ledger (台账): counts per state and one page of cases in the subtree, overdue first.");
        root.MapGet("/cases/export", Export).WithSummary("The ledger as an Excel workbook.");
        root.MapPost("/cases", Identify).WithSummary("Identifies (认定) an organization as weak and lax and opens its case.");
        root.MapGet("/cases/{id:long}", Get).WithSummary("One case with its plan, measures, progress, checks and timeline.");
        root.MapGet("/cases/{id:long}/files/{fileId:long}", File).WithSummary("An evidence file of the case.");
        root.MapPost("/cases/{id:long}/plan", Plan).WithSummary("The plan (一村一策) with its measures (整改措施).");
        root.MapPost("/cases/{id:long}/start", Start).WithSummary("Starts the rectification (整顿).");
        root.MapPost("/cases/{id:long}/steps", AddStep).WithSummary("Adds a measure to a planned or rectifying case.");
        root.MapPost("/cases/{id:long}/steps/{stepId:long}/complete", Complete).WithSummary("Completes a measure with its date and a note.");
        root.MapPost("/cases/{id:long}/notes", Note).WithSummary("A dated progress note.");
        root.MapPost("/cases/{id:long}/check", Check).WithSummary("The acceptance check (验收): passed → Checked, failed → back to Rectifying.");
        root.MapPost("/cases/{id:long}/close", Close).WithSummary("Closes the case (销号); refused without a passed acceptance check.");
        root.MapGet("/organizations/{organizationId:long}/open", OpenCase).WithSummary("The organization's open case, if any.");
        return app;
    }

    public sealed record CreatedCase(long Id);

    private static RectificationFilter Filter(RectificationState? state, WeakSituation? situation, int? year, long? org) =>
        new() { State = state, Situation = situation, Year = year, OrganizationId = org };

    private static async Task<Ok<Ledger>> List(RectificationState? state, WeakSituation? situation, int? year, long? org, int? page, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await RectificationQueries.LedgerAsync(db, Filter(state, situation, year, org), page ?? 1, ct));

    private static async Task<FileContentHttpResult> Export(RectificationState? state, WeakSituation? situation, int? year, long? org, BastionDb db,
        IStringLocalizer<RectificationResource> t, CancellationToken ct)
    {
        var rows = await RectificationQueries.ExportRowsAsync(db, Filter(state, situation, year, org), ct);
        return TypedResults.File(RectificationExport.Write(rows, t), Workbook.ContentType, $"rectification-ledger-{Clock.Today(db.Time):yyyyMMdd}.xlsx");
    }

    private static async Task<Created<CreatedCase>> Identify(IdentifyOrganization.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var c = await IdentifyOrganization.HandleAsync(db, user.Role(), command, ct);
        return TypedResults.Created($"/api/v1/rectification/cases/{c.Id}", new CreatedCase(c.Id));
    }

    private static async Task<Ok<CaseFile>> Get(long id, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await RectificationQueries.FileAsync(db, id, ct) ?? throw new NotFoundException($"Rectification case {id}"));

    private static async Task<FileStreamHttpResult> File(long id, long fileId, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var file = await RectificationQueries.FileOfCaseAsync(db, id, fileId, ct);
        return TypedResults.File(store.Open(file), file.ContentType, file.FileName);
    }

    private static async Task<NoContent> Plan(long id, PlanRectification.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await PlanRectification.HandleAsync(db, user.Role(), id, command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Start(long id, RecordRectification.StartCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await RecordRectification.StartAsync(db, user.Role(), id, command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<CreatedCase>> AddStep(long id, RecordRectification.StepCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var step = await RecordRectification.AddStepAsync(db, user.Role(), id, command, ct);
        return TypedResults.Created($"/api/v1/rectification/cases/{id}", new CreatedCase(step.Id));
    }

    private static async Task<NoContent> Complete(long id, long stepId, RecordRectification.CompleteCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await RecordRectification.CompleteStepAsync(db, user.Role(), id, stepId, command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<CreatedCase>> Note(long id, RecordRectification.NoteCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var note = await RecordRectification.AddNoteAsync(db, null, user.Role(), id, command, null, ct);
        return TypedResults.Created($"/api/v1/rectification/cases/{id}", new CreatedCase(note.Id));
    }

    private static async Task<NoContent> Check(long id, CheckRectification.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await CheckRectification.HandleAsync(db, user.Role(), id, command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Close(long id, CloseRectification.Command command, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await CloseRectification.HandleAsync(db, null, user.Role(), id, command, null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<OpenCaseSummary>, NoContent>> OpenCase(long organizationId, BastionDb db, CancellationToken ct) =>
        await RectificationQueries.OpenCaseAsync(db, organizationId, ct) is { } open ? TypedResults.Ok(open) : TypedResults.NoContent();
}

/// <summary>The ledger as a one-sheet workbook, in the request's language.</summary>
public static class RectificationExport
{
    public static byte[] Write(IReadOnlyList<LedgerRow> rows, IStringLocalizer<RectificationResource> t)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        string[] headers =
        [
            t["Col.Id"], t["Col.Organization"], t["Col.Year"], t["Col.IdentifiedOn"], t["Col.Situations"], t["Col.State"], t["Col.Leader"],
            t["Col.FirstSecretary"], t["Col.PairedUnit"], t["Col.TargetOn"], t["Col.Steps"], t["Col.StepsOverdue"], t["Col.CheckedOn"], t["Col.ClosedOn"], t["Col.Overdue"],
        ];
        return Workbook.Write(t["Export.Sheet"], headers, rows.Select(r => new object?[]
        {
            r.Id, r.OrganizationName, r.Year, D(r.IdentifiedOn), string.Join("；", r.Situations.Select(s => t[$"Situation.{s}"].Value)), t[$"State.{r.State}"].Value,
            r.LeaderName is null ? null : $"{r.LeaderName}（{r.LeaderPost}）", string.Join(" / ", new[] { r.FirstSecretary, r.WorkTeam }.Where(x => x is not null)),
            r.PairedUnit, D(r.TargetOn), $"{r.StepsDone}/{r.StepsTotal}", r.StepsOverdue, D(r.CheckedOn), D(r.ClosedOn), r.Overdue ? t["Yes"].Value : "",
        }));
    }
}
