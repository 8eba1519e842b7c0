using Bastion.Coverage;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// Organization attributes, structure findings (DOMAIN §2) and the coverage register (全覆盖):
/// /api/v1/organizations/{id} (PUT), …/profile, …/findings, …/coverage and /api/v1/units.
/// </summary>
public static class StructureApi
{
    public static IEndpointRouteBuilder MapStructureApi(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization(BastionPolicies.ReadOrganizations);
        orgs.MapGet("/{id:long}/profile", Profile).WithSummary("Unit type, new-business tags, division code, founding date and the committee term with the next election date.");
        orgs.MapPut("/{id:long}", Edit).RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Replaces the name and attributes of an organization (division code GB/T 2260, term 1–6 years; a blank term length takes the rule's default).");
        orgs.MapGet("/{id:long}/findings", Findings)
            .WithSummary("Structure findings (DOMAIN §2) for the whole subtree, most severe first, paged; minSeverity=Notice|Warning|Violation filters.");
        orgs.MapGet("/{id:long}/coverage", Rates).WithSummary("Coverage rates of the subtree's units per unit type and in total (one grouped query).");
        orgs.MapGet("/{id:long}/coverage/uncovered", Uncovered).WithSummary("Uncovered units of the subtree, those with ≥ 3 party members first, paged.");

        var units = app.MapGroup("/api/v1/units").WithTags("Coverage").RequireAuthorization(BastionPolicies.ReadOrganizations);
        units.MapGet("/", List).WithSummary("Units in the caller's scope (or an organization's subtree), filtered by unit type, coverage, name/credit code, credit-code warning; paged.");
        units.MapGet("/{id:long}", Get).WithSummary("One unit.");
        units.MapGet("/template.xlsx", () => TypedResults.File(ImportUnits.Template(), Workbook.ContentType, "单位台账模板.xlsx")).WithSummary("The empty unit template.");
        // Multipart from the same site only (SameSite=Lax cookie) or with a bearer token, as for the roster import.
        orgs.MapPost("/{id:long}/units/import", ImportUnitsEndpoint).DisableAntiforgery().RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Imports units (.xlsx, ≤ 10 MB) under the organization: all rows or none; 422 lists every row error.");
        units.MapGet("/export.xlsx", ExportUnits).WithSummary("The units of the list's filter as a workbook (at most 20,000 rows).");
        orgs.MapGet("/{id:long}/export.xlsx", ExportOrganizations).WithSummary("The organizations of the subtree with their attributes and member counts as a workbook (at most 20,000 rows).");
        units.MapPost("/", Register).RequireAuthorization(BastionPolicies.ManageOrganizations)
            .WithSummary("Registers a unit. A credit code failing the GB 32100 check is kept and flagged (creditCodeWarning), not refused.");
        units.MapPut("/{id:long}", EditUnitEndpoint).RequireAuthorization(BastionPolicies.ManageOrganizations).WithSummary("Replaces a unit's entry, coverage included.");
        return app;
    }

    private static async Task<Results<Ok<OrganizationProfile>, NotFound>> Profile(long id, BastionDb db, CancellationToken ct) =>
        await OrganizationProfile.GetAsync(db, id, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Ok<OrganizationProfile>> Edit(long id, EditOrganization.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(OrganizationProfile.From(await EditOrganization.HandleAsync(db, id, command, ct)));

    private static async Task<Results<Ok<Page<StructureFinding>>, NotFound>> Findings(long id, FindingSeverity? minSeverity, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await StructureFindings.PageAsync(db, id, Clock.Today(db.Time), minSeverity, page, pageSize, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<CoverageReport>, NotFound>> Rates(long id, BastionDb db, CancellationToken ct) =>
        await CoverageStatistics.RatesAsync(db, id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<Results<Ok<Page<UnitSummary>>, NotFound>> Uncovered(long id, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await UnitQueries.UncoveredAsync(db, id, page, pageSize, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<Page<UnitSummary>>, NotFound>> List(
        long? org, UnitType? unitType, CoverageKind? coverage, string? q, bool? creditCodeWarning, int? page, int? pageSize, BastionDb db, CancellationToken ct) =>
        await UnitQueries.ListAsync(db, new UnitFilter { OrganizationId = org, UnitType = unitType, Coverage = coverage, Search = q, CreditCodeWarning = creditCodeWarning }, page, pageSize, ct) is { } result
            ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<UnitSummary>, NotFound>> Get(long id, BastionDb db, CancellationToken ct) =>
        await UnitQueries.GetAsync(db, id, ct) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound();

    private static async Task<Created<UnitSummary>> Register(RegisterUnit.Command command, BastionDb db, CancellationToken ct)
    {
        var unit = await RegisterUnit.HandleAsync(db, command, ct);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", await UnitQueries.GetAsync(db, unit.Id, ct) ?? throw new NotFoundException($"Unit {unit.Id}"));
    }

    private static async Task<Ok<UnitSummary>> EditUnitEndpoint(long id, EditUnit.Command command, BastionDb db, CancellationToken ct)
    {
        await EditUnit.HandleAsync(db, id, command, ct);
        return TypedResults.Ok(await UnitQueries.GetAsync(db, id, ct) ?? throw new NotFoundException($"Unit {id}"));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportUnits(
        long? org, UnitType? unitType, CoverageKind? coverage, string? q, bool? creditCodeWarning, BastionDb db, CancellationToken ct) =>
        await UnitWorkbook.ExportAsync(db, new UnitFilter { OrganizationId = org, UnitType = unitType, Coverage = coverage, Search = q, CreditCodeWarning = creditCodeWarning }, ct) is { } file
            ? TypedResults.File(file, Workbook.ContentType, "单位台账.xlsx") : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportOrganizations(long id, BastionDb db, CancellationToken ct) =>
        await OrganizationWorkbook.ExportAsync(db, id, ct) is { } file ? TypedResults.File(file, Workbook.ContentType, $"组织名册-{id}.xlsx") : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportUnits.Result>, ProblemHttpResult>> ImportUnitsEndpoint(long id, IFormFile? file, BastionDb db, CancellationToken ct)
    {
        MembersApi.EnsureWorkbook(file);
        await using var stream = file!.OpenReadStream();
        var result = await ImportUnits.HandleAsync(db, id, stream, ct);
        if (result.Succeeded) return TypedResults.Ok(result);
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The sheet has errors; nothing was imported.",
            detail: $"{result.Errors.Count} error(s).", extensions: new Dictionary<string, object?> { ["rowErrors"] = result.Errors });
    }
}
