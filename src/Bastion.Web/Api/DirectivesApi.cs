using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Data;
using Bastion.Directives;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/directives: 决策部署落实 — directives sent down the tree, each target's acknowledgement, progress and completion,
/// the assigner's acceptance or return, the live roll-up, supervision (督导) and accountability (问责).
/// </summary>
public static class DirectivesApi
{
    public static IEndpointRouteBuilder MapDirectivesApi(this IEndpointRouteBuilder app)
    {
        // Directives are the work of the people who run organizations (secretaries, the organization department).
        var api = app.MapGroup("/api/v1/directives").WithTags("Directives").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/", Issued).WithSummary("Directives issued by an organization of the caller's scope (org, default the caller's own), latest first, with completed and overdue counts.");
        api.MapGet("/inbox", Inbox).WithSummary("Directive targets received by an organization (org, default the caller's own), open first; open=false includes completed ones.");
        api.MapPost("/", Issue).WithSummary("Issues a directive from an organization in scope (org, default the caller's own) to its subtree, to kinds/unit types within it, or to a list.");
        api.MapGet("/{id:long}", Get).WithSummary("One directive with its body rendered as sanitized HTML.");
        api.MapGet("/{id:long}/rollup", Level).WithSummary("The roll-up at a node (default the issuer): the node, then its children with targets below, most overdue first. One grouped query.");
        api.MapGet("/{id:long}/rollup/subtree", Subtree).WithSummary("The roll-up of every organization with targets below the node, in tree order (depth limits the levels).");
        api.MapGet("/{id:long}/rollup.xlsx", Export).WithSummary("The subtree roll-up as a workbook.");
        api.MapGet("/{id:long}/targets", Targets).WithSummary("Targets below a node, optionally one bucket: completed, submitted, overdue, notstarted, inprogress.");

        var targets = app.MapGroup("/api/v1/directive-targets").WithTags("Directives").RequireAuthorization(BastionPolicies.ReadRoster);
        targets.MapGet("/{id:long}", Target).WithSummary("One target with its timeline, evidence, supervision and accountability records.");
        targets.MapPost("/{id:long}/acknowledge", Acknowledge).WithSummary("签收: the target acknowledges receipt.");
        targets.MapPost("/{id:long}/progress", Progress).WithSummary("进展: percentage (0–100), text and the asked-for figure; multipart/form-data may add evidence files (field 'file').");
        targets.MapPost("/{id:long}/submit", Submit).WithSummary("报送办结: text, the asked-for figure and evidence files (multipart/form-data, field 'file') when the directive requires them.");
        targets.MapPost("/{id:long}/accept", Accept).WithSummary("验收: the assigning organization accepts a submission.");
        targets.MapPost("/{id:long}/return", Return).WithSummary("退回: the assigning organization returns a submission with a reason; that target alone reopens.");
        targets.MapPost("/{id:long}/pass-down", PassDown).WithSummary("转发: the target passes the directive to organizations below it with its own instructions and an earlier or equal date.");
        targets.MapPost("/{id:long}/supervision", Supervise).WithSummary("督导: records a visit or check with findings and a rectification date (assigning side only).");
        targets.MapPost("/{id:long}/accountability", Accountability).WithSummary("问责: records an accountability action with its basis (assigning side only).");
        app.MapPost("/api/v1/supervision/{id:long}/follow-up", FollowUp).WithTags("Directives").RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Records the follow-up of a supervision and the date rectification was confirmed.");
        app.MapGet("/api/v1/directive-evidence/{id:long}", Evidence).WithTags("Directives").RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("An evidence file, when its target organization is in the caller's scope.");
        var lists = app.MapGroup("/api/v1").WithTags("Directives").RequireAuthorization(BastionPolicies.ReadRoster);
        lists.MapGet("/organizations/{id:long}/responsibilities", ResponsibilityLists).WithSummary("一岗双责: the current committee positions with their responsibility lists for a year (default this year), secretary first.");
        lists.MapPut("/positions/{id:long}/responsibilities", SetResponsibilities).WithSummary("Records or replaces the responsibility list of a current committee position for a year.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ResponsibilityView>>, NotFound>> ResponsibilityLists(long id, int? year, BastionDb db, CancellationToken ct) =>
        await Responsibilities.ForOrganizationAsync(db, id, year ?? Clock.Today(db.Time).Year, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<ResponsibilityView>>> SetResponsibilities(long id, Responsibilities.Command command, BastionDb db, CancellationToken ct)
    {
        var list = await Responsibilities.SetAsync(db, id, command, ct);
        return TypedResults.Ok((await Responsibilities.ForOrganizationAsync(db, list.OrganizationId, list.Year, ct))!);
    }

    private static long OrgOrOwn(long? org, HttpContext http) =>
        org ?? http.User.Organization() ?? throw ValidationFailedException.For("org", "Give the organization.");

    private static async Task<Ok<Page<DirectiveSummary>>> Issued(long? org, int? page, int? pageSize, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await DirectiveQueries.IssuedAsync(db, OrgOrOwn(org, http), page, pageSize, ct));

    private static async Task<Ok<Page<TargetView>>> Inbox(long? org, bool? open, int? page, int? pageSize, HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await CascadeQueries.InboxAsync(db, OrgOrOwn(org, http), CascadeSubject.Directive, open ?? true, page, pageSize, ct));

    private static async Task<Created<DirectiveDetail>> Issue(long? org, IssueDirective.Command command, HttpContext http, BastionDb db, CancellationToken ct)
    {
        var directive = await IssueDirective.HandleAsync(db, OrgOrOwn(org, http), command, ct);
        var view = await DirectiveQueries.GetAsync(db, directive.Id, ct) ?? throw new NotFoundException($"Directive {directive.Id}");
        return TypedResults.Created($"/api/v1/directives/{directive.Id}", view);
    }

    private static async Task<Results<Ok<DirectiveDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await DirectiveQueries.GetAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<DirectiveDetail> DirectiveAsync(BastionDb db, long id, CancellationToken ct) =>
        await DirectiveQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Directive {id}");

    private static async Task<Results<Ok<List<RollUpRow>>, NotFound>> Level(long id, long? node, BastionDb db, CancellationToken ct)
    {
        var d = await DirectiveAsync(db, id, ct);
        return await CascadeQueries.LevelAsync(db, d.CascadeId, node ?? d.IssuerOrganizationId, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<RollUpRow>>, NotFound>> Subtree(long id, long? node, int? depth, BastionDb db, CancellationToken ct)
    {
        var d = await DirectiveAsync(db, id, ct);
        if (depth is < 0) throw ValidationFailedException.For("depth", "The depth may not be negative.");
        return await CascadeQueries.SubtreeAsync(db, d.CascadeId, node ?? d.IssuerOrganizationId, depth, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(long id, long? node, BastionDb db, CancellationToken ct)
    {
        var d = await DirectiveAsync(db, id, ct);
        if (await CascadeQueries.SubtreeAsync(db, d.CascadeId, node ?? d.IssuerOrganizationId, null, ct) is not { } rows) return TypedResults.NotFound();
        return TypedResults.File(RollUpWorkbook.Export(d.Title, rows), RollUpWorkbook.ContentType, $"落实情况-{d.Id}.xlsx");
    }

    internal static RollUpBucket? ParseBucket(string? bucket) => bucket?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => null,
        "completed" => RollUpBucket.Completed,
        "submitted" => RollUpBucket.Submitted,
        "overdue" => RollUpBucket.Overdue,
        "notstarted" => RollUpBucket.NotStarted,
        "inprogress" => RollUpBucket.InProgress,
        _ => throw ValidationFailedException.For("bucket", "Choose completed, submitted, overdue, notstarted or inprogress."),
    };

    private static async Task<Ok<Page<TargetView>>> Targets(long id, long? node, string? bucket, int? page, int? pageSize, BastionDb db, CancellationToken ct)
    {
        var d = await DirectiveAsync(db, id, ct);
        return TypedResults.Ok(await CascadeQueries.TargetsAsync(db, d.CascadeId, node ?? d.IssuerOrganizationId, ParseBucket(bucket), page, pageSize, ct));
    }

    private static async Task<Results<Ok<DirectiveTargetDetail>, NotFound>> Target(long id, BastionDb db, CancellationToken ct) =>
        await DirectiveQueries.TargetAsync(db, id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    private static async Task<Ok<DirectiveTargetDetail>> Detail(BastionDb db, long id, CancellationToken ct) =>
        TypedResults.Ok(await DirectiveQueries.TargetAsync(db, id, ct) ?? throw new NotFoundException($"Target {id}"));

    private static async Task<Ok<DirectiveTargetDetail>> Acknowledge(long id, BastionDb db, CancellationToken ct)
    {
        await SubmitDirectiveTarget.ForTargetAsync(db, id, ct);
        await AcknowledgeTarget.HandleAsync(db, id, ct);
        return await Detail(db, id, ct);
    }

    /// <summary>JSON, or multipart/form-data with the same fields and evidence files.</summary>
    private static async Task<(T Command, List<EvidenceFile> Files)> ReadAsync<T>(HttpRequest request, Func<IFormCollection, T> fromForm, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (await request.ReadFromJsonAsync<T>(ct) ?? throw ValidationFailedException.For("body", "Send the fields as JSON or a form."), []);
        var form = await request.ReadFormAsync(ct);
        var files = form.Files.Select(f => new EvidenceFile(f.FileName, f.OpenReadStream())).ToList();
        return (fromForm(form), files);
    }

    internal static int? FormInt(IFormCollection form, string name) =>
        int.TryParse(form[name].ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    internal static decimal? FormDecimal(IFormCollection form, string name)
    {
        var raw = form[name].ToString();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return decimal.TryParse(raw, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw ValidationFailedException.For(name, "Give a number.");
    }

    private static async Task<Ok<DirectiveTargetDetail>> Progress(long id, HttpRequest request, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var (command, files) = await ReadAsync(request, f => new ReportTargetProgress.Command
        {
            Percent = FormInt(f, "percent"), Text = f["text"].ToString(), Number = FormDecimal(f, "number"),
        }, ct);
        try { await SubmitDirectiveTarget.ReportProgressAsync(db, store, id, command, files, ct); }
        finally { foreach (var f in files) await f.Content.DisposeAsync(); }
        return await Detail(db, id, ct);
    }

    private static async Task<Ok<DirectiveTargetDetail>> Submit(long id, HttpRequest request, BastionDb db, AttachmentStore store, CancellationToken ct)
    {
        var (command, files) = await ReadAsync(request, f => new SubmitTarget.Command { Text = f["text"].ToString(), Number = FormDecimal(f, "number") }, ct);
        try { await SubmitDirectiveTarget.SubmitAsync(db, store, id, command, files, ct); }
        finally { foreach (var f in files) await f.Content.DisposeAsync(); }
        return await Detail(db, id, ct);
    }

    private static async Task<Ok<DirectiveTargetDetail>> Accept(long id, AcceptTarget.Command? command, BastionDb db, CancellationToken ct)
    {
        await SubmitDirectiveTarget.ForTargetAsync(db, id, ct);
        await AcceptTarget.HandleAsync(db, id, command ?? new AcceptTarget.Command(), ct);
        return await Detail(db, id, ct);
    }

    private static async Task<Ok<DirectiveTargetDetail>> Return(long id, ReturnTarget.Command command, BastionDb db, CancellationToken ct)
    {
        await SubmitDirectiveTarget.ForTargetAsync(db, id, ct);
        await ReturnTarget.HandleAsync(db, id, command, ct);
        return await Detail(db, id, ct);
    }

    private static async Task<Ok<PassDownTarget.Result>> PassDown(long id, PassDownTarget.Command command, BastionDb db, CancellationToken ct)
    {
        await SubmitDirectiveTarget.ForTargetAsync(db, id, ct);
        return TypedResults.Ok(await PassDownTarget.HandleAsync(db, id, command, ct));
    }

    private static async Task<Ok<DirectiveTargetDetail>> Supervise(long id, RecordSupervision.Command command, BastionDb db, CancellationToken ct)
    {
        await RecordSupervision.HandleAsync(db, id, command, ct);
        return await Detail(db, id, ct);
    }

    private static async Task<Ok<DirectiveTargetDetail>> Accountability(long id, RecordAccountability.Command command, BastionDb db, CancellationToken ct)
    {
        await RecordAccountability.HandleAsync(db, id, command, ct);
        return await Detail(db, id, ct);
    }

    private static async Task<Ok<DirectiveTargetDetail>> FollowUp(long id, FollowUpSupervision.Command command, BastionDb db, CancellationToken ct)
    {
        var record = await FollowUpSupervision.HandleAsync(db, id, command, ct);
        return await Detail(db, record.TargetId, ct);
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Evidence(long id, BastionDb db, AttachmentStore store, CancellationToken ct) =>
        await DirectiveQueries.EvidenceAsync(db, id, ct) is { } a ? TypedResults.File(store.Open(a), a.ContentType, a.FileName) : TypedResults.NotFound();
}
