using Bastion.Data;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Api;

/// <summary>/api/v1/members: member records in the caller's subtree; resident ID numbers masked unless revealed (audited).</summary>
public static class MembersApi
{
    public sealed record RevealedResidentId(long MemberId, string ResidentId);

    public sealed record ImportSucceeded(int Imported);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        // Secretaries and the organization department keep the records of their own subtree (ReadRoster for now).
        var api = app.MapGroup("/api/v1").WithTags("Members").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/organizations/{id:long}/members", OfOrganization).WithSummary("Members of one organization, paged and filtered (name prefix, category, status), resident ID masked.");
        api.MapPost("/organizations/{id:long}/members", Register).WithSummary("Registers a member in a branch; the resident ID number must be valid and new anywhere in the tree.");
        api.MapGet("/members/{id:long}", Get).WithSummary("One member, resident ID and phone masked.");
        api.MapPut("/members/{id:long}", Update).WithSummary("Corrects a member record (same checks as registering). A blank resident ID or a missing phone keeps the stored one.");
        api.MapPost("/members/{id:long}/resident-id/reveal", Reveal)
            .RequireAuthorization(BastionPolicies.SeePersonalData)
            .WithSummary("The unmasked resident ID number; every reveal is written to the audit log.");
        api.MapGet("/members/template.xlsx", Template).WithSummary("The empty roster template (花名册) with its Chinese headers.");
        api.MapGet("/organizations/{id:long}/members/export.xlsx", Export).WithSummary("The roster of one organization as a workbook, resident ID and phone masked.");
        // The sign-in cookie is SameSite=Lax, so no other site can make a browser send this multipart POST with it;
        // machine clients use bearer tokens and have no antiforgery token to send.
        api.MapPost("/organizations/{id:long}/members/import", Import).DisableAntiforgery()
            .WithSummary("Imports a roster workbook (.xlsx, ≤ 10 MB): all rows or none; 422 lists every row error.");
        return app;
    }

    private static async Task<Results<Ok<Page<MemberSummary>>, NotFound>> OfOrganization(
        long id, string? name, MemberCategory? category, MemberStatus? status, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await MemberQueries.OfOrganizationAsync(db, id, new MemberFilter { Name = name, Category = category, Status = status }, page, pageSize, ct) is { } result
            ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Created<MemberDetail>> Register(long id, MemberInput member, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        var created = await RegisterMember.HandleAsync(db, pii, new RegisterMember.Command { OrganizationId = id, Member = member }, ct);
        var detail = await MemberQueries.GetDetailAsync(db, created.Id, ct) ?? throw new NotFoundException($"Member {created.Id}");
        return TypedResults.Created($"/api/v1/members/{created.Id}", detail);
    }

    private static async Task<Results<Ok<MemberDetail>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await MemberQueries.GetDetailAsync(db, id, ct) is { } member ? TypedResults.Ok(member) : TypedResults.NotFound();

    private static async Task<Ok<MemberDetail>> Update(long id, MemberInput member, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        await UpdateMember.HandleAsync(db, pii, new UpdateMember.Command { MemberId = id, Member = member }, ct);
        return TypedResults.Ok(await MemberQueries.GetDetailAsync(db, id, ct) ?? throw new NotFoundException($"Member {id}"));
    }

    private static async Task<Results<Ok<RevealedResidentId>, NotFound>> Reveal(long id, BastionDb db, PiiProtector pii, CancellationToken ct) =>
        await MemberQueries.RevealResidentIdAsync(db, pii, id, ct) is { } value ? TypedResults.Ok(new RevealedResidentId(id, value)) : TypedResults.NotFound();

    private static FileContentHttpResult Template() =>
        TypedResults.File(RosterWorkbook.Template(), RosterWorkbook.ContentType, "花名册模板.xlsx");

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(
        long id, string? name, MemberCategory? category, MemberStatus? status, BastionDb db, CancellationToken ct) =>
        await MemberQueries.ExportAsync(db, id, new MemberFilter { Name = name, Category = category, Status = status }, ct) is { } rows
            ? TypedResults.File(RosterWorkbook.Export(rows), RosterWorkbook.ContentType, $"花名册-{id}.xlsx")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportSucceeded>, ProblemHttpResult>> Import(long id, IFormFile? file, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        EnsureWorkbook(file);
        await using var stream = file!.OpenReadStream();
        var result = await ImportMembers.HandleAsync(db, pii, id, stream, ct);
        if (result.Succeeded) return TypedResults.Ok(new ImportSucceeded(result.Imported));
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The roster has errors; nothing was imported.",
            detail: $"{result.Errors.Count} error(s) in {result.Errors.Select(e => e.Row).Distinct().Count()} row(s).",
            extensions: new Dictionary<string, object?> { ["rowErrors"] = result.Errors });
    }

    /// <summary>Only .xlsx files up to 10 MB; the check is the same for the API and the import page.</summary>
    public static void EnsureWorkbook(IFormFile? file)
    {
        if (file is null || file.Length == 0)
            throw ValidationFailedException.For("File", "Choose a roster workbook (.xlsx) to import.");
        if (file.Length > ImportMembers.MaxFileBytes)
            throw ValidationFailedException.For("File", "The file is larger than 10 MB.");
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw ValidationFailedException.For("File", "Only .xlsx workbooks can be imported; save the file as .xlsx first.");
    }
}
