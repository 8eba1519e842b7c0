using Bastion.Attachments;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Standardization;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/standardization: branch standardization (标准化规范化建设, DOMAIN §9) — the checklist rule set, a branch's
/// assessments for a year (automatic items from the records, inspection items from above, confirmation into the
/// category history) and the subtree's categories, weakest first.
/// </summary>
public static class StandardizationApi
{
    public static IEndpointRouteBuilder MapStandardizationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/standardization").WithTags("Standardization").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/rules", Rules).WithSummary("The checklist in force: dimensions, items (automatic or by inspection, points, threshold, source) and category lines.");
        api.MapGet("/organizations/{id:long}", Subtree).WithSummary("Every branch of the subtree with its current category, weakest first; counts per category; category=weak|standard|model|none filters.");
        api.MapGet("/organizations/{id:long}/export.xlsx", Export).WithSummary("The same list (same filter, weakest first) as a workbook.");
        api.MapGet("/branches/{id:long}", Branch).WithSummary("A branch's current category, its category history (every confirmed assessment, newest first) and open drafts.");
        api.MapPost("/branches/{id:long}/assessments", Assess).WithSummary("Starts the year's assessment from above (automatic items decided from the records); replaces the year's draft.");
        api.MapGet("/assessments/{id:long}", Get).WithSummary("An assessment with every item, the figure an automatic item was decided on, per-dimension totals and the category.");
        api.MapPut("/assessments/{id:long}/items/{code}", Inspect).WithSummary("Fills an inspection item (met, note; a note is required when not met). From above the branch only.");
        api.MapPost("/assessments/{id:long}/items/{code}/evidence", Evidence).DisableAntiforgery().WithSummary("Attaches evidence to an inspection item (picture, PDF, Word, Excel).");
        api.MapGet("/assessments/{id:long}/items/{code}/evidence", Download).WithSummary("Downloads an item's evidence.");
        api.MapPost("/assessments/{id:long}/confirm", Confirm).WithSummary("Confirms a complete draft into the history; superseding the year's confirmed assessment needs a reason.");
        return app;
    }

    private static Ok<StandardizationRuleSet> Rules() => TypedResults.Ok(StandardizationRuleSet.Load());

    private static async Task<Results<Ok<SubtreeStandardization>, NotFound>> Subtree(long id, string? category, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await StandardizationQueries.SubtreeAsync(db, id, ParseCategory(category), page, pageSize, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(long id, string? category, BastionDb db, CancellationToken ct) =>
        await StandardizationQueries.ExportAsync(db, id, ParseCategory(category), ct) is { } file
            ? TypedResults.File(file, Workbook.ContentType, $"标准化规范化-{id}.xlsx")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<BranchStandardization>, NotFound>> Branch(long id, BastionDb db, CancellationToken ct) =>
        await StandardizationQueries.BranchAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Created<AssessmentView>> Assess(long id, AssessBranch.Command command, HttpContext http, BastionDb db, CancellationToken ct)
    {
        var assessment = await AssessBranch.HandleAsync(db, http.User.Role(), id, command, ct: ct);
        return TypedResults.Created($"/api/v1/standardization/assessments/{assessment.Id}", await ViewOf(db, assessment.Id, ct));
    }

    private static async Task<Results<Ok<AssessmentView>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await StandardizationQueries.AssessmentAsync(db, id, ct: ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<AssessmentView>> Inspect(long id, string code, InspectItem.Command command, HttpContext http, BastionDb db, CancellationToken ct)
    {
        await InspectItem.HandleAsync(db, http.User.Role(), id, code, command, ct: ct);
        return TypedResults.Ok(await ViewOf(db, id, ct));
    }

    private static async Task<Ok<AssessmentView>> Evidence(long id, string code, IFormFile? file, HttpContext http, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        await AttachEvidenceAsync(db, store, http.User.Role(), id, code, file, ct);
        return TypedResults.Ok(await ViewOf(db, id, ct));
    }

    /// <summary>Shared by the API and the page: evidence for an inspection item, keeping its decision.</summary>
    public static async Task AttachEvidenceAsync(BastionDb db, AttachmentStore store, string? role, long id, string code, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw ValidationFailedException.For(AttachmentStore.Field, "Choose a file.");
        await AttachEvidence.HandleAsync(db, store, role, id, code, file.FileName, file.OpenReadStream(), ct);
    }

    private static async Task<IResult> Download(long id, string code, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var evidenceId = await db.Set<StandardizationAssessment>().Where(a => a.Id == id)
            .SelectMany(a => a.Items).Where(i => i.Code == code).Select(i => i.EvidenceId).FirstOrDefaultAsync(ct);
        var attachment = evidenceId is { } eid ? await db.Set<Attachment>().FirstOrDefaultAsync(a => a.Id == eid, ct) : null;
        if (attachment is null) throw new NotFoundException($"Evidence of {code}");
        return Results.File(store.Open(attachment), attachment.ContentType, attachment.FileName);
    }

    private static async Task<Ok<AssessmentView>> Confirm(long id, ConfirmAssessment.Command command, HttpContext http, BastionDb db, CancellationToken ct)
    {
        await ConfirmAssessment.HandleAsync(db, http.User.Role(), id, command, ct: ct);
        return TypedResults.Ok(await ViewOf(db, id, ct));
    }

    /// <summary>"weak", "standard", "model" or "none" (never assessed); empty: every branch.</summary>
    public static CategoryFilter? ParseCategory(string? category) => category?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "weak" => CategoryFilter.Weak,
        "standard" => CategoryFilter.Standard,
        "model" => CategoryFilter.Model,
        "none" => CategoryFilter.NotAssessed,
        _ => throw ValidationFailedException.For("category", "Give weak, standard, model or none."),
    };

    private static async Task<AssessmentView> ViewOf(BastionDb db, long id, CancellationToken ct) =>
        await StandardizationQueries.AssessmentAsync(db, id, ct: ct) ?? throw new NotFoundException($"Standardization assessment {id}");
}
