using Bastion.Attachments;
using Bastion.Content;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>/api/v1/study: 学习教育 — materials, campaigns, the member's own timed study and ledger, training, hours roll-ups.</summary>
public static class StudyApi
{
    public static IEndpointRouteBuilder MapStudyApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/study").WithTags("Study").RequireAuthorization(BastionPolicies.ReadOrganizations);
        read.MapGet("/materials", Materials).WithSummary("Materials published in the caller's subtree or above it, latest first; completed marks the caller's own counted study.");
        read.MapGet("/materials/{id:long}", Material).WithSummary("One material; an article's body as sanitized HTML.");
        read.MapGet("/campaigns", Campaigns).WithSummary("Campaigns published in the caller's subtree or above it.");
        read.MapPost("/materials/{id:long}/start", Start).WithSummary("The signed-in member starts studying a material; the server keeps the time.");
        read.MapPost("/records/{id:long}/finish", Finish).WithSummary("Finishes the member's study session: it counts (crediting the hours) only at the material's minimum time, once per material.");
        read.MapGet("/quizzes", QuizList).WithSummary("Quizzes published in the caller's subtree or above it.");
        read.MapPost("/quizzes/{id:long}/attempts", StartQuiz).WithSummary("The signed-in member starts an attempt: a paper drawn at random from the bank, timed; a running attempt is returned instead.");
        read.MapPost("/quiz-attempts/{id:long}/submit", SubmitQuiz).WithSummary("Submits answers {questionId: [option indexes]}; graded at once; refused after the time limit.");
        read.MapGet("/me", Me).WithSummary("The signed-in member's hours ledger for a year (default this year) against the target, with the projection.");

        var manage = app.MapGroup("/api/v1").WithTags("Study").RequireAuthorization(BastionPolicies.ReadRoster);
        manage.MapPost("/organizations/{id:long}/study/materials", Publish).WithSummary("Publishes a material for the organization's subtree (JSON, or multipart/form-data with the document in 'file').");
        manage.MapPost("/organizations/{id:long}/study/campaigns", Campaign).WithSummary("Creates a campaign; with targets it is assigned down the tree through a cascade, due at its end.");
        manage.MapGet("/study/campaigns/{id:long}/rollup.xlsx", CampaignRollUpExport).WithSummary("An assigned campaign's roll-up over the whole subtree of a node (default the publisher) as a workbook.");
        manage.MapGet("/study/campaigns/{id:long}/rollup", CampaignRollUp).WithSummary("An assigned campaign's roll-up at a node (default the publisher): the node, then its children with targets below; each target's state follows from its members' counted study.");
        manage.MapPost("/organizations/{id:long}/training-sessions", Training).WithSummary("Records an offline training session and its attendees; full day = 8, half day = 4 学时 by default.");
        manage.MapGet("/organizations/{id:long}/study/hours", Hours).WithSummary("Active members of the subtree with their hours for the year, target and projection; behind=true for those behind only.");
        manage.MapGet("/organizations/{id:long}/study/rollup", RollUp).WithSummary("Members and members behind per sub-organization for the year (one grouped statement), largest share behind first.");
        manage.MapPost("/organizations/{id:long}/question-banks", CreateBank).WithSummary("Creates a question bank for the organization's subtree.");
        manage.MapPost("/question-banks/{id:long}/questions", AddQuestion).WithSummary("Adds a single-choice, multiple-choice or true/false question with its correct options.");
        manage.MapPost("/organizations/{id:long}/quizzes", CreateQuiz).WithSummary("Creates a quiz: questions per paper, time limit, pass mark, attempts allowed.");
        manage.MapGet("/quizzes/{id:long}/results", QuizResults).WithSummary("Members who attempted and passed, for the organization (org) and each child (one grouped statement).");
        manage.MapGet("/members/{id:long}/study-ledger", Ledger).WithSummary("A member's hours ledger for a year.");
        return app;
    }

    public sealed record MaterialDetail(long Id, string Title, MaterialKind Kind, string? BodyHtml, string? Url, long? AttachmentId, double CreditHours, int LengthMinutes, int MinimumMinutes, long? CampaignId);

    private static long MemberOf(HttpContext http) =>
        long.TryParse(http.User.FindFirst(BastionClaims.MemberId)?.Value, out var id) ? id
            : throw new DomainRuleException("Study.NotAMember", "Only a signed-in member records study; this account is not bound to a member record.");

    private static int YearOr(int? year, BastionDb db) => year ?? Clock.Today(db.Time).Year;

    private static async Task<Ok<Page<MaterialView>>> Materials(long? campaign, int? page, int? pageSize, HttpContext http, BastionDb db, CancellationToken ct)
    {
        long? member = long.TryParse(http.User.FindFirst(BastionClaims.MemberId)?.Value, out var m) ? m : null;
        return TypedResults.Ok(await StudyQueries.MaterialsAsync(db, member, campaign, page, pageSize, ct));
    }

    internal static MaterialDetail Detail(StudyMaterial m) =>
        new(m.Id, m.Title, m.Kind, m.Body is null ? null : SafeMarkdown.ToHtml(m.Body), m.Url, m.AttachmentId, m.CreditHours, m.LengthMinutes, m.MinimumMinutes, m.CampaignId);

    private static async Task<Results<Ok<MaterialDetail>, NotFound>> Material(long id, BastionDb db, CancellationToken ct) =>
        await StudyQueries.MaterialAsync(db, id, ct) is { } m ? TypedResults.Ok(Detail(m)) : TypedResults.NotFound();

    private static async Task<Ok<List<StudyCampaign>>> Campaigns(BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            StudyQueries.VisibleCampaigns(db).OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Take(200), ct));

    private static async Task<Ok<StudyRecord>> Start(long id, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await StudySessions.StartAsync(db, MemberOf(http), id, ct));

    private static async Task<Ok<StudyRecord>> Finish(long id, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await StudySessions.FinishAsync(db, MemberOf(http), id, ct));

    public sealed record BankInput(string? Title);

    private static async Task<Created<QuestionBank>> CreateBank(long id, BankInput input, BastionDb db, CancellationToken ct) =>
        TypedResults.Created("/api/v1/question-banks", await Quizzes.CreateBankAsync(db, id, input.Title, ct));

    private static async Task<Created<PaperQuestion>> AddQuestion(long id, Quizzes.QuestionInput input, BastionDb db, CancellationToken ct)
    {
        var q = await Quizzes.AddQuestionAsync(db, id, input, ct);
        return TypedResults.Created($"/api/v1/question-banks/{id}/questions", new PaperQuestion(q.Id, q.Kind, q.Text, System.Text.Json.JsonSerializer.Deserialize<List<string>>(q.OptionsJson)!));
    }

    private static async Task<Created<Quiz>> CreateQuiz(long id, Quizzes.QuizInput input, BastionDb db, CancellationToken ct) =>
        TypedResults.Created("/api/v1/study/quizzes", await Quizzes.CreateQuizAsync(db, id, input, ct));

    private static async Task<Ok<List<Quiz>>> QuizList(BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(Quizzes.VisibleQuizzes(db).OrderByDescending(q => q.Id).Take(200), ct));

    private static async Task<Ok<AttemptView>> StartQuiz(long id, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await Quizzes.StartAsync(db, MemberOf(http), id, ct));

    public sealed record QuizAnswers(Dictionary<long, int[]>? Answers);

    private static async Task<Ok<AttemptView>> SubmitQuiz(long id, QuizAnswers body, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await Quizzes.SubmitAsync(db, MemberOf(http), id, body.Answers, ct));

    private static async Task<Results<Ok<List<QuizResultRow>>, NotFound>> QuizResults(long id, long? org, HttpContext http, BastionDb db, CancellationToken ct) =>
        await Quizzes.ResultsAsync(db, id, org ?? http.User.Organization() ?? 0, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    private static async Task<Results<Ok<MemberLedger>, NotFound>> Me(int? year, HttpContext http, BastionDb db, CancellationToken ct) =>
        await StudyQueries.MemberAsync(db, MemberOf(http), YearOr(year, db), ct) is { } l ? TypedResults.Ok(l) : TypedResults.NotFound();

    private static async Task<Created<MaterialDetail>> Publish(long id, HttpRequest request, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        PublishMaterial.Command command;
        EvidenceDocument? document = null;
        if (request.HasFormContentType)
        {
            var f = await request.ReadFormAsync(ct);
            command = new PublishMaterial.Command
            {
                Title = f["title"].ToString(), Kind = Enum.TryParse<MaterialKind>(f["kind"].ToString(), true, out var k) ? k : null, Body = f["body"].ToString(),
                Url = f["url"].ToString(), LengthMinutes = DirectivesApi.FormInt(f, "lengthMinutes"),
                CreditHours = double.TryParse(f["creditHours"].ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : null,
                CampaignId = long.TryParse(f["campaignId"].ToString(), out var c) ? c : null,
            };
            if (f.Files.Count > 0) document = new EvidenceDocument(f.Files[0].FileName, f.Files[0].OpenReadStream());
        }
        else command = await request.ReadFromJsonAsync<PublishMaterial.Command>(ct) ?? throw ValidationFailedException.For("body", "Send the material as JSON or a form.");
        try
        {
            var m = await PublishMaterial.HandleAsync(db, store, id, command, document, ct);
            return TypedResults.Created($"/api/v1/study/materials/{m.Id}", Detail(m));
        }
        finally { if (document is not null) await document.Content.DisposeAsync(); }
    }

    private static async Task<Created<StudyCampaign>> Campaign(long id, CreateCampaign.Command command, BastionDb db, CancellationToken ct)
    {
        var c = await CreateCampaign.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/study/campaigns", c);
    }

    private static async Task<Results<Ok<List<Bastion.Cascades.RollUpRow>>, NotFound>> CampaignRollUp(long id, long? node, BastionDb db, CancellationToken ct)
    {
        var campaign = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(StudyQueries.VisibleCampaigns(db).Where(c => c.Id == id && c.CascadeId != null), ct);
        if (campaign is null) return TypedResults.NotFound();
        return await Bastion.Cascades.CascadeQueries.LevelAsync(db, campaign.CascadeId!.Value, node ?? campaign.OrganizationId, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> CampaignRollUpExport(long id, long? node, BastionDb db, CancellationToken ct)
    {
        var campaign = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(StudyQueries.VisibleCampaigns(db).Where(c => c.Id == id && c.CascadeId != null), ct);
        if (campaign is null || await Bastion.Cascades.CascadeQueries.SubtreeAsync(db, campaign.CascadeId!.Value, node ?? campaign.OrganizationId, null, ct) is not { } rows)
            return TypedResults.NotFound();
        return TypedResults.File(Bastion.Cascades.RollUpWorkbook.Export(campaign.Title, rows), Bastion.Cascades.RollUpWorkbook.ContentType, $"学习落实情况-{campaign.Id}.xlsx");
    }

    private static async Task<Created<TrainingSession>> Training(long id, RecordTraining.Command command, BastionDb db, CancellationToken ct)
    {
        var s = await RecordTraining.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}/training-sessions", s);
    }

    private static async Task<Results<Ok<List<MemberHours>>, NotFound>> Hours(long id, int? year, bool? behind, BastionDb db, CancellationToken ct) =>
        await StudyQueries.MembersAsync(db, id, YearOr(year, db), behind ?? false, 1000, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<HoursRollUpRow>>, NotFound>> RollUp(long id, int? year, BastionDb db, CancellationToken ct) =>
        await StudyQueries.RollUpAsync(db, id, YearOr(year, db), ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    private static async Task<Results<Ok<MemberLedger>, NotFound>> Ledger(long id, int? year, BastionDb db, CancellationToken ct) =>
        await StudyQueries.MemberAsync(db, id, YearOr(year, db), ct) is { } l ? TypedResults.Ok(l) : TypedResults.NotFound();
}
