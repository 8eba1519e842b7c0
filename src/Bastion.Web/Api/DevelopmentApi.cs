using Bastion.Attachments;
using Bastion.Data;
using Bastion.Development;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Api;

/// <summary>
/// Member development (发展党员, DOMAIN §3): candidates through 5 stages and 25 steps with the rules of the versioned
/// rule set, the branch's board, the upper level's queue and subtree view, yearly plans, and each candidate's file.
/// </summary>
public static class DevelopmentApi
{
    public static IEndpointRouteBuilder MapDevelopmentApi(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/v1/organizations").WithTags("Development").RequireAuthorization(BastionPolicies.ReadRoster);
        orgs.MapPost("/{id:long}/candidates", Register).WithSummary("Registers an applicant (入党申请人) in a branch with step ① (age ≥ 18 on the day of application).");
        orgs.MapGet("/{id:long}/candidates", Board).WithSummary("The pipeline board of the organization's subtree: who is at which step, what is due by when, what is late.");
        orgs.MapGet("/{id:long}/development", Subtree).WithSummary("The subtree view: candidates per stage, late steps, branches with no activist or development target for 2 years, intake against the yearly plan.");
        orgs.MapPut("/{id:long}/development-plans/{year:int}", SetPlan).WithSummary("Sets the organization's yearly intake plan (发展党员计划).");

        var candidates = app.MapGroup("/api/v1/candidates").WithTags("Development").RequireAuthorization(BastionPolicies.ReadRoster);
        candidates.MapGet("/{id:long}", File).WithSummary("A candidate's complete file: every step with date, people, votes, documents and the rule-set version.");
        candidates.MapPost("/{id:long}/steps", Record).WithSummary("Records the next step (in order, dated in order and not in the future, checked against the rule set in force on its date).");
        candidates.MapPost("/{id:long}/probation-extension", Extend).WithSummary("Extends probation once, by 6–12 months (延长预备期).");
        candidates.MapPost("/{id:long}/close", Close).WithSummary("Ends the development: withdrawn by the applicant, or cancelled (a probationary member leaves the roster).");
        candidates.MapPost("/{id:long}/relatives", AddRelative).WithSummary("Records a member as the candidate's relative (not allowed as introducer).");
        candidates.MapPost("/{id:long}/steps/{stepId:long}/documents", Attach).DisableAntiforgery().WithSummary("Adds a document to a step (picture, PDF, Word, Excel; size and type checked).");
        candidates.MapGet("/{id:long}/steps/{stepId:long}/documents/{attachmentId:long}", Download).WithSummary("Downloads a document of a step.");

        var development = app.MapGroup("/api/v1/development").WithTags("Development").RequireAuthorization(BastionPolicies.ReadRoster);
        development.MapGet("/queue", Queue).WithSummary("The upper level's queue: candidates below whose next step belongs to the upper committee (④ ⑧ ⑬ ⑯ ⑰ ⑱ ㉔).");
        development.MapGet("/rule-sets", RuleSets).WithSummary("The development rule-set versions with every number and its source.");
        return app;
    }

    private static async Task<Created<CandidateFile>> Register(long id, RegisterCandidate.Command command, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        var c = await RegisterCandidate.HandleAsync(db, pii, command with { OrganizationId = id }, ct: ct);
        return TypedResults.Created($"/api/v1/candidates/{c.Id}", await FileOf(db, c.Id, ct));
    }

    private static async Task<Ok<IReadOnlyList<PipelineRow>>> Board(long id, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await DevelopmentQueries.BoardAsync(db, id, ct));

    private static async Task<Results<Ok<SubtreePipeline>, NotFound>> Subtree(long id, int? year, BastionDb db, CancellationToken ct) =>
        await DevelopmentQueries.SubtreeAsync(db, id, year, ct: ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public sealed record PlanBody(int? Target);

    public sealed record PlanView(long OrganizationId, int Year, int Target);

    private static async Task<Ok<PlanView>> SetPlan(long id, int year, PlanBody body, BastionDb db, CancellationToken ct)
    {
        var plan = await SetDevelopmentPlan.HandleAsync(db, id, new SetDevelopmentPlan.Command { Year = year, Target = body.Target }, ct);
        return TypedResults.Ok(new PlanView(plan.OrganizationId, plan.Year, plan.Target));
    }

    private static async Task<Results<Ok<CandidateFile>, NotFound>> File(long id, BastionDb db, CancellationToken ct) =>
        await DevelopmentQueries.FileAsync(db, id, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    private static async Task<Ok<CandidateFile>> Record(long id, RecordStep.Command command, HttpContext http, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        await RecordStep.HandleAsync(db, pii, http.User.Role(), id, command, ct: ct);
        return TypedResults.Ok(await FileOf(db, id, ct));
    }

    private static async Task<Ok<CandidateFile>> Extend(long id, ExtendProbation.Command command, BastionDb db, CancellationToken ct)
    {
        await ExtendProbation.HandleAsync(db, id, command, ct: ct);
        return TypedResults.Ok(await FileOf(db, id, ct));
    }

    private static async Task<Ok<CandidateFile>> Close(long id, CloseCandidate.Command command, BastionDb db, CancellationToken ct)
    {
        await CloseCandidate.HandleAsync(db, id, command, ct: ct);
        return TypedResults.Ok(await FileOf(db, id, ct));
    }

    private static async Task<Ok<CandidateFile>> AddRelative(long id, RegisterCandidate.RelativeInput input, BastionDb db, CancellationToken ct)
    {
        await AddCandidateRelative.HandleAsync(db, id, input, ct);
        return TypedResults.Ok(await FileOf(db, id, ct));
    }

    private static async Task<Created<StepDocumentView>> Attach(long id, long stepId, IFormFile? file, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var a = await AddDocumentAsync(db, store, id, stepId, file, ct);
        return TypedResults.Created($"/api/v1/candidates/{id}/steps/{stepId}/documents/{a.Id}", new StepDocumentView(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAt));
    }

    /// <summary>Shared by the API and the file page: the step must belong to the candidate, both in scope.</summary>
    public static async Task<Attachment> AddDocumentAsync(BastionDb db, AttachmentStore store, long candidateId, long stepId, IFormFile? file, CancellationToken ct)
    {
        var step = await db.Set<DevelopmentStep>().Where(s => s.Id == stepId && s.CandidateId == candidateId).Select(s => new { s.Id, s.OrganizationId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Step {stepId}");
        if (file is null || file.Length == 0) throw ValidationFailedException.For(AttachmentStore.Field, "Choose a file.");
        await using var stream = file.OpenReadStream();
        var attachment = await store.AddAsync(db, step.OrganizationId, DevelopmentQueries.AttachmentOwner, step.Id, file.FileName, stream, ct);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    public static async Task<IResult> Download(long id, long stepId, long attachmentId, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var a = await db.Set<Attachment>().FirstOrDefaultAsync(x => x.Id == attachmentId && x.OwnerType == DevelopmentQueries.AttachmentOwner && x.OwnerId == stepId, ct);
        if (a is null || !await db.Set<DevelopmentStep>().AnyAsync(s => s.Id == stepId && s.CandidateId == id, ct)) throw new NotFoundException($"Document {attachmentId}");
        return Results.File(store.Open(a), a.ContentType, a.FileName);
    }

    private static async Task<Ok<IReadOnlyList<PipelineRow>>> Queue(BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await DevelopmentQueries.QueueAsync(db, ct));

    private static Ok<IReadOnlyList<DevelopmentRuleSet>> RuleSets() => TypedResults.Ok(DevelopmentRuleCatalogue.Shipped.Versions);

    private static async Task<CandidateFile> FileOf(BastionDb db, long id, CancellationToken ct) =>
        await DevelopmentQueries.FileAsync(db, id, ct) ?? throw new NotFoundException($"Candidate {id}");
}
