using Bastion.Data;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Transfers;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>/api/v1/transfers: 组织关系转接 — letters between branches, visible to both sides, and letters to and from outside the system.</summary>
public static class TransfersApi
{
    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        // Transfers are roster work: secretaries and the organization department, each for their own subtree.
        var api = app.MapGroup("/api/v1/transfers").WithTags("Transfers").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/", List).WithSummary("Transfers of the caller's scope, paged: box=incoming (to it), outgoing (from it) or overdue (open past the validity period, either side); optional status.");
        api.MapGet("/export.xlsx", Export).WithSummary("The same list as a workbook (box and status as for the list), at most 10,000 rows; only the member's name, no personal data.");
        api.MapGet("/{id:long}", Get).WithSummary("One transfer, visible to both the sending and the receiving side.");
        api.MapGet("/destinations", Destinations).WithSummary("Active branches anywhere in the system whose name contains the text (at least 2 characters), at most 20: possible receivers.");
        api.MapPost("/", Issue).WithSummary("Issues a transfer letter for an active member of the caller's scope to another branch; the member stays on the sender's roster until accepted.");
        api.MapPost("/{id:long}/accept", Accept).WithSummary("The receiving side accepts; the member moves to the receiving branch.");
        api.MapPost("/{id:long}/return", Return).WithSummary("The receiving side returns the letter with a reason; the member stays with the sender.");
        api.MapPost("/{id:long}/cancel", Cancel).WithSummary("The sending side withdraws an open letter.");
        api.MapPost("/outgoing-letters", Outgoing).WithSummary("Records a letter to an organization outside the system; the member stays active until the return slip is recorded.");
        api.MapPost("/{id:long}/return-slip", ReturnSlip).WithSummary("Records the return slip (回执) of a letter out of the system; the member is marked transferred out.");
        api.MapPost("/incoming-letters", Incoming).WithSummary("Records a letter from outside the system and registers the member in the receiving branch.");
        return app;
    }

    private static async Task<Ok<Page<TransferView>>> List(string? box, TransferStatus? status, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await TransferQueries.ListAsync(db, ParseBox(box), status, page, pageSize, ct));

    private static async Task<FileContentHttpResult> Export(string? box, TransferStatus? status, BastionDb db, CancellationToken ct)
    {
        var parsed = ParseBox(box);
        var rows = await TransferQueries.ExportAsync(db, parsed, status, ct);
        return TypedResults.File(TransferWorkbook.Export(rows), TransferWorkbook.ContentType, $"组织关系转接-{parsed.ToString().ToLowerInvariant()}.xlsx");
    }

    internal static TransferBox ParseBox(string? box) => box?.Trim().ToLowerInvariant() switch
    {
        null or "" or "incoming" => TransferBox.Incoming,
        "outgoing" => TransferBox.Outgoing,
        "overdue" => TransferBox.Overdue,
        _ => throw ValidationFailedException.For("box", "Choose incoming, outgoing or overdue."),
    };

    private static async Task<Results<Ok<TransferView>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await TransferQueries.GetAsync(db, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<List<DestinationView>>> Destinations(string? name, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await TransferQueries.DestinationsAsync(db, name, ct));

    private static async Task<Created<TransferView>> Issue(IssueTransfer.Command command, BastionDb db, CancellationToken ct) =>
        Created(await IssueTransfer.HandleAsync(db, command, ct));

    private static async Task<Ok<TransferView>> Accept(long id, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await AcceptTransfer.HandleAsync(db, id, ct));

    private static async Task<Ok<TransferView>> Return(long id, ReturnTransfer.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await ReturnTransfer.HandleAsync(db, id, command, ct));

    private static async Task<Ok<TransferView>> Cancel(long id, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await CancelTransfer.HandleAsync(db, id, ct));

    private static async Task<Created<TransferView>> Outgoing(RecordOutgoingLetter.Command command, BastionDb db, CancellationToken ct) =>
        Created(await RecordOutgoingLetter.HandleAsync(db, command, ct));

    private static async Task<Ok<TransferView>> ReturnSlip(long id, RecordReturnSlip.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await RecordReturnSlip.HandleAsync(db, id, command, ct));

    private static async Task<Created<TransferView>> Incoming(RecordIncomingLetter.Command command, BastionDb db, PiiProtector pii, CancellationToken ct) =>
        Created(await RecordIncomingLetter.HandleAsync(db, pii, command, ct));

    private static Created<TransferView> Created(TransferView view) => TypedResults.Created($"/api/v1/transfers/{view.Id}", view);
}
