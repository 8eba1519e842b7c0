using System.Security.Claims;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Volunteering;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>
/// /api/v1/volunteering: service activities and pioneer posts (志愿服务, 党员先锋岗/责任区/服务区) — publish, sign up
/// within capacity, attendance and hours, members' service hours per year.
/// </summary>
public static class VolunteeringApi
{
    public static IEndpointRouteBuilder MapVolunteeringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/volunteering").WithTags("Volunteering").RequireAuthorization(BastionPolicies.ReadOrganizations);
        api.MapGet("/activities", List).WithSummary("Activities published in the caller's scope, latest first.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapPost("/activities", Publish).WithSummary("Publishes an activity or pioneer post shift with date, place and capacity.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/activities/{id:long}", Detail).WithSummary("One activity with its sign-ups, attendance and hours.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapPost("/activities/{id:long}/attendance", Attendance).WithSummary("Records attendance and hours of signed-up members.").RequireAuthorization(BastionPolicies.ReadRoster);
        api.MapGet("/mine", Mine).WithSummary("Upcoming activities the caller's member may sign up for.");
        api.MapPost("/activities/{id:long}/signup", SignUp).WithSummary("The caller's member signs up; refused when full or already signed up.");
        api.MapGet("/hours/{organizationId:long}", Hours).WithSummary("Members' service hours in a year (default: this year) over the subtree.").RequireAuthorization(BastionPolicies.ReadRoster);
        return app;
    }

    public sealed record ActivityDetail(ActivityView Activity, List<SignUpView> SignUps);

    private static async Task<Ok<List<ActivityView>>> List(BastionDb db, CancellationToken ct) => TypedResults.Ok(await VolunteeringQueries.ListAsync(db, ct));

    private static async Task<Created<ServiceActivity>> Publish(PublishActivity.Command command, BastionDb db, CancellationToken ct)
    {
        var a = await PublishActivity.HandleAsync(db, command, ct);
        return TypedResults.Created($"/api/v1/volunteering/activities/{a.Id}", a);
    }

    private static async Task<Results<Ok<ActivityDetail>, NotFound>> Detail(long id, BastionDb db, CancellationToken ct) =>
        await VolunteeringQueries.DetailAsync(db, id, ct) is { } d ? TypedResults.Ok(new ActivityDetail(d.Activity, d.SignUps)) : TypedResults.NotFound();

    private static async Task<Ok<RecordedBody>> Attendance(long id, RecordAttendance.Command command, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(new RecordedBody(await RecordAttendance.HandleAsync(db, id, command, ct)));

    private static async Task<Ok<List<MemberActivityView>>> Mine(ClaimsPrincipal user, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(CallUpsApi.MemberOf(user) is { } m ? await VolunteeringQueries.ForMemberAsync(db, m, ct) : []);

    private static async Task<Created<ServiceSignUp>> SignUp(long id, ClaimsPrincipal user, BastionDb db, CancellationToken ct)
    {
        var s = await SignUpForActivity.HandleAsync(db, id, CallUpsApi.MemberOf(user), ct);
        return TypedResults.Created($"/api/v1/volunteering/activities/{id}", s);
    }

    private static async Task<Results<Ok<List<MemberHours>>, NotFound>> Hours(long organizationId, int? year, BastionDb db, CancellationToken ct) =>
        await VolunteeringQueries.HoursPerYearAsync(db, organizationId, year ?? Clock.Today(db.Time).Year, ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound();

    public sealed record RecordedBody(int Recorded);
}
