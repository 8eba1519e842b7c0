using System.Globalization;
using Bastion.Data;
using Bastion.Dues;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>/api/v1/dues: party dues (党费) — quotes for anyone signed in; payments and arrears for those who run an organization.</summary>
public static class DuesApi
{
    public static IEndpointRouteBuilder MapDuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/dues").WithTags("Dues").RequireAuthorization();
        api.MapGet("/quote", Quote).WithSummary("The monthly dues for a category (employed, retired, farmer, student, unemployed, low-income) and base (monthly pay after tax or pension, yuan).");
        // Recording dues is roster work: the same people who read the roster (secretaries, the organization department).
        api.MapPost("/payments", RecordPayment).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Records one member's dues for one month or several consecutive months (at most 6 months back).");
        api.MapGet("/arrears", Arrears).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Members of an organization's subtree with unpaid months in the last 12, worst first; flags 6 consecutive unpaid months.");
        api.MapGet("/totals", Totals).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Dues collected in an organization's subtree in a year (default: this year), per direct child with the total.");
        api.MapGet("/arrears.xlsx", ArrearsExport).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("The same arrears list as a workbook (at most 20,000 members).");
        api.MapGet("/members/{memberId:long}", OfMember).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("A member's declared dues base, monthly amount and latest payments.");
        api.MapPut("/members/{memberId:long}/base", DeclareBase).RequireAuthorization(BastionPolicies.ReadRoster)
            .WithSummary("Declares a member's dues category and base; answers the monthly amount.");
        return app;
    }

    public sealed record QuoteResponse(string Category, decimal? Base, decimal MonthlyAmount, decimal? Rate, string Rule, string RuleEn, string Source, string RuleSetVersion)
    {
        public static QuoteResponse From(DuesQuote q) => new(q.Category.Code(), q.Base, q.MonthlyAmount, q.Rate, q.Rule, q.RuleEn, q.Source, q.RuleSetVersion);
    }

    /// <summary>The base arrives as text so that "abc" is a validation error on <c>base</c>, like a negative number.</summary>
    private static Ok<QuoteResponse> Quote(string? category, string? @base) =>
        TypedResults.Ok(QuoteResponse.From(DuesCalculator.Quote(DuesRuleSet.Load(), category, ParseBase(@base))));

    private static async Task<Created<RecordPayment.Result>> RecordPayment(RecordPayment.Command command, BastionDb db, CancellationToken ct)
    {
        var result = await Dues.RecordPayment.HandleAsync(db, command, ct);
        return TypedResults.Created($"/api/v1/dues/members/{result.MemberId}", result);
    }

    private static async Task<Results<Ok<DuesArrearsReport>, NotFound>> Arrears(long? organizationId, int? page, int? pageSize, BastionDb db, HttpContext http, CancellationToken ct) =>
        (organizationId ?? http.User.Organization()) is { } id && await DuesArrears.ForOrganizationAsync(db, id, page, pageSize, ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DuesTotals>, NotFound>> Totals(long? organizationId, int? year, BastionDb db, HttpContext http, CancellationToken ct) =>
        (organizationId ?? http.User.Organization()) is { } id && await DuesTotalsQuery.ForSubtreeAsync(db, id, year ?? Clock.Today(db.Time).Year, ct) is { } totals
            ? TypedResults.Ok(totals)
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ArrearsExport(long? organizationId, BastionDb db, HttpContext http, CancellationToken ct) =>
        (organizationId ?? http.User.Organization()) is { } id && await ArrearsWorkbook.ExportAsync(db, id, ct) is { } file
            ? TypedResults.File(file, Workbook.ContentType, $"欠缴党费-{id}.xlsx")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<MemberDuesStatus>, NotFound>> OfMember(long memberId, BastionDb db, CancellationToken ct) =>
        await DuesQueries.OfMemberAsync(db, memberId, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    private static async Task<Ok<QuoteResponse>> DeclareBase(long memberId, DeclareDuesBase.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(QuoteResponse.From(await DeclareDuesBase.HandleAsync(db, memberId, command, ct)));

    internal static decimal? ParseBase(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ValidationFailedException.For("base", "The monthly pay or pension must be a number of yuan, such as 4500.50.");
    }
}
