using Bastion.Data;
using Bastion.Notifications;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Web.Api;

/// <summary>The signed-in user's own notifications.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications");
        group.MapGet("/", List).WithSummary("My notifications, newest first (unread only with ?unread=true).");
        group.MapPost("/{id:long}/read", MarkRead).WithSummary("Marks one of my notifications read.");
        group.MapPost("/read-all", MarkAllRead).WithSummary("Marks all my notifications read.");
        return app;
    }

    private static async Task<Ok<List<NotificationView>>> List(HttpContext http, BastionDb db, bool? unread, int? take, CancellationToken ct) =>
        TypedResults.Ok(await NotificationQueries.ListAsync(db, Me(http), unread == true, take ?? 50, ct));

    private static async Task<Results<NoContent, NotFound>> MarkRead(long id, HttpContext http, BastionDb db, CancellationToken ct) =>
        await NotificationQueries.MarkReadAsync(db, Me(http), id, ct) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<int>> MarkAllRead(HttpContext http, BastionDb db, CancellationToken ct) =>
        TypedResults.Ok(await NotificationQueries.MarkReadAsync(db, Me(http), null, ct));

    // The fallback policy admits only signed-in users, and every Bastion principal carries its user id.
    private static long Me(HttpContext http) => http.User.UserId() ?? throw new InvalidOperationException("The signed-in principal has no user id.");
}
