using Bastion.Data;
using Bastion.Identity;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Notifications;

/// <summary>
/// Adds notifications to the context (the caller saves with its own change). Recipients are resolved with one
/// query; a (user, dedup key) pair already notified, in the database or earlier in this unit of work, is skipped.
/// </summary>
public static class Notifier
{
    public const int MaxBodyLength = 2000;

    public static async Task<int> ToUsersAsync(BastionDb db, IEnumerable<long> userIds, NotificationMessage message, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return 0;
        Validate(message);
        if (message.DedupKey is { } key)
        {
            var already = await db.Set<Notification>().Where(n => n.DedupKey == key && ids.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct);
            var pending = db.ChangeTracker.Entries<Notification>()
                .Where(e => e.State == EntityState.Added && e.Entity.DedupKey == key).Select(e => e.Entity.UserId);
            ids = ids.Except(already).Except(pending).ToList();
        }
        var now = Clock.UtcNow(db.Time);
        foreach (var id in ids)
        {
            db.Set<Notification>().Add(new Notification
            {
                UserId = id, Kind = message.Kind, Title = message.Title, Body = message.Body,
                Link = message.Link, DedupKey = message.DedupKey, CreatedAt = now,
            });
        }
        return ids.Count;
    }

    /// <summary>The users bound to these member records.</summary>
    public static async Task<int> ToMembersAsync(BastionDb db, IEnumerable<long> memberIds, NotificationMessage message, CancellationToken ct = default)
    {
        var members = memberIds.Distinct().ToList();
        var users = await db.Users.Where(u => u.MemberId != null && members.Contains(u.MemberId.Value)).Select(u => u.Id).ToListAsync(ct);
        return await ToUsersAsync(db, users, message, ct);
    }

    /// <summary>The people who run these organizations: branch secretaries and organization-department users bound to them.</summary>
    public static async Task<int> ToOrganizationLeadersAsync(BastionDb db, IEnumerable<long> organizationIds, NotificationMessage message, CancellationToken ct = default)
    {
        var orgs = organizationIds.Distinct().ToList();
        var users = await db.Users
            .Where(u => orgs.Contains(u.OrganizationId) && (u.Role == BastionRoles.BranchSecretary || u.Role == BastionRoles.OrganizationDepartment))
            .Select(u => u.Id).ToListAsync(ct);
        return await ToUsersAsync(db, users, message, ct);
    }

    private static void Validate(NotificationMessage m)
    {
        if (string.IsNullOrWhiteSpace(m.Kind) || m.Kind.Length > 60) throw new ArgumentException("A notification needs a kind of at most 60 characters.", nameof(m));
        if (string.IsNullOrWhiteSpace(m.Title) || m.Title.Length > 200) throw new ArgumentException("A notification needs a title of at most 200 characters.", nameof(m));
        if (m.Body.Length > MaxBodyLength) throw new ArgumentException($"A notification body is at most {MaxBodyLength} characters.", nameof(m));
        if (m.Link is { } link && (!link.StartsWith('/') || link.StartsWith("//") || link.Length > 400))
            throw new ArgumentException("A notification link is a site-relative path.", nameof(m));
    }
}
