using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Notifications;

public sealed record NotificationView(long Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A user's own notifications, newest first.</summary>
public static class NotificationQueries
{
    public static Task<int> UnreadCountAsync(BastionDb db, long userId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public static Task<List<NotificationView>> ListAsync(BastionDb db, long userId, bool unreadOnly, int take, CancellationToken ct = default) =>
        db.Set<Notification>()
            .Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);

    /// <summary>Marks one (or, with null, every) unread notification of the user read; returns how many changed.</summary>
    public static Task<int> MarkReadAsync(BastionDb db, long userId, long? id, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(db.Time);
        return db.Set<Notification>()
            .Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
