using System.Security.Claims;
using Bastion.Data;
using Bastion.Grids;
using Bastion.Requests;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/requests: citizens' and enterprises' requests (诉求) as staff and members handle them — queues per
/// organization and per owner, first-inquiry responsibility (首问负责), agency handling (帮办代办), dashboard, export;
/// /api/v1/grids: grids (网格). The public side is the pages under /public and Open311 at /open311/v2.
/// </summary>
public static class RequestsApi
{
    /// <summary>The rate-limiter policy of anonymous intake (the public page and Open311 POST), per client address.</summary>
    public const string PublicIntakeRateLimit = "public-intake";

    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/requests").WithTags("Requests").RequireAuthorization(BastionPolicies.ReadOrganizations);
        api.MapGet("/categories", Categories).WithSummary("The service categories with their deadlines, from the rule set.").AllowAnonymous();
        api.MapGet("/queue", Queue).WithSummary("An organization's queue (its own requests and those escalated to it), most urgent first.");
        api.MapGet("/mine", Mine).WithSummary("The caller's requests and the hand-overs waiting for the caller's acceptance.");
        api.MapGet("/{id:long}", Get).WithSummary("One request with its whole timeline (staff view).");
        api.MapPost("/", Record).WithSummary("Records a request received by phone or visit, routed like the public page.");
        api.MapPost("/{id:long}/take", Take).WithSummary("Takes an unowned request: the caller becomes its first-inquiry owner.");
        api.MapPost("/{id:long}/handover", HandOver).WithSummary("Proposes a new owner with a reason; the current owner stays responsible until accepted.");
        api.MapPost("/{id:long}/handover/accept", Accept).WithSummary("The proposed owner accepts the hand-over.");
        api.MapPost("/{id:long}/handover/decline", Decline).WithSummary("The proposed owner declines (or the owner withdraws); the owner stays responsible.");
        api.MapPost("/{id:long}/reply", Reply).WithSummary("The owner answers; the answer is shown on the tracking page.");
        api.MapPost("/{id:long}/notes", Note).WithSummary("A staff-only note in the timeline.");
        api.MapPost("/{id:long}/close", Close).WithSummary("The owner closes an answered request.");
        api.MapPost("/{id:long}/agency", StartAgency).WithSummary("Handles the request on behalf of the requester: acting member and steps.");
        api.MapPost("/{id:long}/agency/steps/{stepId:long}/done", StepDone).WithSummary("Marks a step of agency handling done.");
        api.MapGet("/{id:long}/contact", Contact).WithSummary("The requester's contact in clear (audited).").RequireAuthorization(BastionPolicies.SeePersonalData);
        api.MapGet("/dashboard/{organizationId:long}", Dashboard).WithSummary("Figures for the organization's subtree: volume by category, on time, satisfaction, reopened, oldest open.");
        api.MapGet("/export", Export).WithSummary("The queue as an Excel workbook.");

        var grids = app.MapGroup("/api/v1/grids").WithTags("Grids").RequireAuthorization(BastionPolicies.ReadOrganizations);
        grids.MapGet("/", ListGrids).WithSummary("Grids in the caller's scope, optionally under one organization.");
        grids.MapPost("/", CreateGridEndpoint).WithSummary("Creates a grid under an organization in scope.").RequireAuthorization(BastionPolicies.ReadRoster);
        grids.MapPost("/{id:long}/active", SetActive).WithSummary("Opens or closes a grid for new requests.").RequireAuthorization(BastionPolicies.ReadRoster);
        grids.MapGet("/{id:long}/households", Households).WithSummary("The grid's households (住户) with the last contact date.");
        grids.MapPost("/{id:long}/households", AddHouseholdEndpoint).WithSummary("Registers a household in the grid, optionally with the member who keeps contact.");
        grids.MapPost("/households/{id:long}/contacts", RecordContact).WithSummary("A member's visit or call to a household; what was raised can become a request in the same step.");
        grids.MapGet("/households/coverage/{organizationId:long}", Coverage).WithSummary("Households of the subtree contacted at least once in the period (default: this year).");
        grids.MapGet("/households/coverage/{organizationId:long}/units", CoverageUnits).WithSummary("Coverage per direct sub-organization (and the organization's own grids), the least covered first.");
        grids.MapPut("/households/{id:long}", UpdateHouseholdEndpoint).WithSummary("Corrects a household and assigns (or withdraws) the member who keeps contact.").RequireAuthorization(BastionPolicies.ReadRoster);
        grids.MapGet("/households/mine", MyHouseholds).WithSummary("The households the caller (a member) keeps contact with, the longest without contact first.");
        grids.MapGet("/households/contacts", Contacts).WithSummary("The latest visits and calls: the caller's own (mine=true) or with one grid's households.");
        return app;
    }

    private static async Task<Ok<List<HouseholdView>>> Households(long id, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await HouseholdQueries.ForGridAsync(db, id, ct));

    private static async Task<Created<Household>> AddHouseholdEndpoint(long id, AddHousehold.Command command, BastionDb db, CancellationToken ct)
    {
        var household = await AddHousehold.HandleAsync(db, id, command, ct);
        return TypedResults.Created($"/api/v1/grids/{id}/households", household);
    }

    private static async Task<Ok<Household>> UpdateHouseholdEndpoint(long id, AddHousehold.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await UpdateHousehold.HandleAsync(db, id, command, ct));

    private static async Task<Ok<List<KeptHouseholdView>>> MyHouseholds(ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(CallUpsApi.MemberOf(user) is { } m ? await HouseholdQueries.ForKeeperAsync(db, m, ct) : []);

    private static async Task<Ok<List<HouseholdContactView>>> Contacts(bool? mine, long? gridId, int? take, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        if (mine == true) return TypedResults.Ok(CallUpsApi.MemberOf(user) is { } m ? await HouseholdQueries.RecentContactsAsync(db, m, null, take ?? 50, ct) : []);
        if (gridId is null) throw ValidationFailedException.For("gridId", "Give mine=true or a grid.");
        return TypedResults.Ok(await HouseholdQueries.RecentContactsAsync(db, null, gridId, take ?? 50, ct));
    }

    private static async Task<Results<Ok<List<UnitCoverage>>, NotFound>> CoverageUnits(long organizationId, DateOnly? from, DateOnly? to, BastionDb db, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        return await HouseholdQueries.CoverageByUnitAsync(db, organizationId, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct) is { } c
            ? TypedResults.Ok(c) : TypedResults.NotFound();
    }

    private static async Task<Created<HouseholdContact>> RecordContact(long id, RecordHouseholdContact.Command command, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        var contact = await RecordHouseholdContact.HandleAsync(db, pii, id, command, ct);
        return TypedResults.Created($"/api/v1/grids/households/{id}/contacts/{contact.Id}", contact);
    }

    private static async Task<Results<Ok<HouseholdCoverage>, NotFound>> Coverage(long organizationId, DateOnly? from, DateOnly? to, BastionDb db, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        return await HouseholdQueries.CoverageAsync(db, organizationId, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct) is { } c
            ? TypedResults.Ok(c) : TypedResults.NotFound();
    }

    public sealed record TextBody(string? Text);
    public sealed record ActiveBody(bool Active);
    public sealed record RevealedContact(long Id, string? Contact);

    internal static RequestActor Actor(ClaimsPrincipal user) =>
        new(user.UserId() ?? throw new InvalidOperationException("A signed-in user has an id."), user.FindFirstValue(BastionClaims.DisplayName) ?? user.Identity?.Name ?? "");

    private static Ok<IReadOnlyList<ServiceCategoryRule>> Categories() => TypedResults.Ok(ServiceRequestRuleSet.Load().Categories);

    private static async Task<Ok<Page<QueueItem>>> Queue(long? organizationId, ServiceRequestStatus? status, bool? overdue, bool? all, string? category, int? page, int? pageSize,
        ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await RequestQueries.QueueAsync(db, new QueueFilter
        {
            OrganizationId = organizationId ?? user.Organization(), Status = status, OverdueOnly = overdue == true, OpenOnly = all != true,
            CategoryCode = category, Page = page, PageSize = pageSize,
        }, ct));

    private static async Task<Ok<Page<QueueItem>>> Mine(bool? all, int? page, int? pageSize, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await RequestQueries.QueueAsync(db, new QueueFilter { OwnerUserId = user.UserId(), OpenOnly = all != true, Page = page, PageSize = pageSize }, ct));

    private static async Task<Results<Ok<RequestDetail>, NotFound>> Get(long id, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        await RequestQueries.DetailAsync(db, id, user.UserId(), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Created<RequestDetail>> Record(SubmitRequest.Command command, ClaimsPrincipal user, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        var r = await SubmitRequest.HandleAsync(db, pii, command with { Source = RequestSource.Staff }, ct);
        return TypedResults.Created($"/api/v1/requests/{r.Id}", await DetailAsync(db, r.Id, user, ct));
    }

    private static Task<Ok<RequestDetail>> Take(long id, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.TakeAsync(db, id, a, ct), ct);

    private static Task<Ok<RequestDetail>> HandOver(long id, RequestActions.HandoverCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.HandOverAsync(db, id, a, command, ct), ct);

    private static Task<Ok<RequestDetail>> Accept(long id, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.AcceptHandoverAsync(db, id, a, ct), ct);

    /// <summary>No body: a declining user outside the request's organization no longer sees it.</summary>
    private static async Task<NoContent> Decline(long id, TextBody? body, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        await RequestActions.DeclineHandoverAsync(db, id, Actor(user), body?.Text, ct);
        return TypedResults.NoContent();
    }

    private static Task<Ok<RequestDetail>> Reply(long id, TextBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.ReplyAsync(db, id, a, body.Text, ct), ct);

    private static Task<Ok<RequestDetail>> Note(long id, TextBody body, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.NoteAsync(db, id, a, body.Text, ct), ct);

    private static Task<Ok<RequestDetail>> Close(long id, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.CloseAsync(db, id, a, ct), ct);

    private static Task<Ok<RequestDetail>> StartAgency(long id, RequestActions.AgencyCommand command, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.StartAgencyAsync(db, id, a, command, ct), ct);

    private static Task<Ok<RequestDetail>> StepDone(long id, long stepId, TextBody? body, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        Act(db, id, user, a => RequestActions.CompleteAgencyStepAsync(db, id, stepId, a, body?.Text, ct), ct);

    private static async Task<Ok<RevealedContact>> Contact(long id, BastionDb db, PiiProtector pii, CancellationToken ct) =>
        TypedResults.Ok(new RevealedContact(id, await RequestQueries.RevealContactAsync(db, pii, id, ct)));

    private static async Task<Results<Ok<RequestDashboardView>, NotFound>> Dashboard(long organizationId, DateTime? from, DateTime? to, BastionDb db, CancellationToken ct) =>
        await RequestDashboard.ForSubtreeAsync(db, organizationId, from, to, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<FileContentHttpResult> Export(long? organizationId, bool? all, ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.File(await RequestWorkbook.ExportAsync(db, new QueueFilter { OrganizationId = organizationId ?? user.Organization(), OpenOnly = all != true }, ct),
            RequestWorkbook.ContentType, $"诉求-{organizationId ?? user.Organization()}.xlsx");

    private static async Task<Ok<List<GridView>>> ListGrids(long? organizationId, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await GridQueries.ListAsync(db, organizationId, ct));

    private static async Task<Created<Grid>> CreateGridEndpoint(CreateGrid.Command command, BastionDb db, CancellationToken ct)
    {
        var grid = await CreateGrid.HandleAsync(db, command, ct);
        return TypedResults.Created($"/api/v1/grids/{grid.Id}", grid);
    }

    private static async Task<Ok<Grid>> SetActive(long id, ActiveBody body, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await SetGridActive.HandleAsync(db, id, body.Active, ct));

    private static async Task<Ok<RequestDetail>> Act(BastionDb db, long id, ClaimsPrincipal user, Func<RequestActor, Task<ServiceRequest>> action, CancellationToken ct)
    {
        await action(Actor(user));
        return TypedResults.Ok(await DetailAsync(db, id, user, ct));
    }

    private static async Task<RequestDetail> DetailAsync(BastionDb db, long id, ClaimsPrincipal user, CancellationToken ct) =>
        await RequestQueries.DetailAsync(db, id, user.UserId(), ct) ?? throw new NotFoundException($"Request {id}");
}
