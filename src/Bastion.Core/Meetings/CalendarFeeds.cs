using System.Security.Cryptography;
using System.Text;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>
/// Secret iCalendar subscriptions. The secret (in the URL a phone calendar polls) is shown once; only its SHA-256
/// is stored, so a stolen database does not reveal feed URLs. Revoking kills the URL at once.
/// </summary>
public static class CalendarFeeds
{
    /// <summary>How far back and ahead a feed reaches.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(90);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(400);

    public sealed record Created(long Id, string Secret, string Hint);

    public sealed record FeedView(long Id, long OrganizationId, string OrganizationName, long? MemberId, string Hint, DateTime CreatedAt, DateTime? RevokedAt);

    /// <summary>A feed of an organization's meetings (the organization and, for a branch, its groups).</summary>
    public static async Task<Created> CreateForOrganizationAsync(BastionDb db, long userId, long organizationId, CancellationToken ct = default)
    {
        var host = await MeetingAudience.HostAsync(db, organizationId, ct);
        return await CreateAsync(db, userId, host.OrganizationId, host.RegionId, null, ct);
    }

    /// <summary>A member's own feed: the meetings they should attend.</summary>
    public static async Task<Created> CreateForMemberAsync(BastionDb db, long userId, long memberId, CancellationToken ct = default)
    {
        var member = await db.Members.IgnoreQueryFilters().Where(m => m.Id == memberId).Select(m => new { m.OrganizationId, m.RegionId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Member {memberId}");
        return await CreateAsync(db, userId, member.OrganizationId, member.RegionId, memberId, ct);
    }

    private static async Task<Created> CreateAsync(BastionDb db, long userId, long organizationId, long regionId, long? memberId, CancellationToken ct)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new CalendarFeed
        {
            OrganizationId = organizationId, RegionId = regionId, MemberId = memberId, UserId = userId,
            TokenHash = Hash(secret), Hint = secret[..6], CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Add(feed);
        await db.SaveChangesAsync(ct);
        return new Created(feed.Id, secret, feed.Hint);
    }

    /// <summary>The user's own feeds (revoked ones too), latest first.</summary>
    public static async Task<IReadOnlyList<FeedView>> ListForUserAsync(BastionDb db, long userId, CancellationToken ct = default) =>
        await (from f in db.Set<CalendarFeed>().IgnoreQueryFilters()
               where f.UserId == userId
               join o in db.Organizations.IgnoreQueryFilters() on f.OrganizationId equals o.Id
               orderby f.CreatedAt descending, f.Id descending
               select new FeedView(f.Id, f.OrganizationId, o.Name, f.MemberId, f.Hint, f.CreatedAt, f.RevokedAt)).ToListAsync(ct);

    /// <summary>Revokes one of the user's feeds; a feed of someone else answers 404.</summary>
    public static async Task RevokeAsync(BastionDb db, long userId, long feedId, CancellationToken ct = default)
    {
        var feed = await db.Set<CalendarFeed>().IgnoreQueryFilters().FirstOrDefaultAsync(f => f.Id == feedId && f.UserId == userId, ct)
            ?? throw new NotFoundException($"Calendar feed {feedId}");
        feed.RevokedAt ??= Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The calendar text for a secret, or null when unknown or revoked. Anonymous: the secret is the authority, so
    /// the scope filter is bypassed and the feed's own organization or member bounds what is shown.
    /// </summary>
    public static async Task<string?> RenderAsync(BastionDb db, string secret, string? baseUrl, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var feed = await db.Set<CalendarFeed>().IgnoreQueryFilters().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var now = Clock.UtcNow(db.Time);
        var today = Clock.Today(db.Time);
        var from = now - Past;
        var to = now + Ahead;
        var meetings = db.Set<Meeting>().IgnoreQueryFilters().Where(m => m.StartsAt >= from && m.StartsAt <= to);
        string name;
        if (feed.MemberId is { } memberId)
        {
            var branchId = feed.OrganizationId;
            meetings = meetings.Where(m =>
                (m.OrganizationId == branchId && m.Kind != MeetingKind.BranchCommitteeMeeting)
                || (m.OrganizationId == branchId && m.Kind == MeetingKind.BranchCommitteeMeeting && db.Set<Positions.Position>().IgnoreQueryFilters()
                    .Any(p => p.OrganizationId == branchId && p.MemberId == memberId && p.EndedOn == null && p.Role != Positions.PositionRole.GroupLeader))
                || (m.Kind == MeetingKind.GroupMeeting && db.Set<PartyGroupMember>().IgnoreQueryFilters()
                    .Any(g => g.OrganizationId == m.OrganizationId && g.MemberId == memberId && (g.LeftOn == null || g.LeftOn > today))));
            name = await db.Members.IgnoreQueryFilters().Where(m => m.Id == memberId).Select(m => m.Name).FirstAsync(ct) + " · 组织生活";
        }
        else
        {
            var orgId = feed.OrganizationId;
            meetings = meetings.Where(m => m.OrganizationId == orgId
                || db.Organizations.IgnoreQueryFilters().Any(o => o.Id == m.OrganizationId && o.ParentId == orgId && o.Kind == OrganizationKind.Group));
            name = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct) + " · 会议";
        }
        var rows = await (from m in meetings
                          join o in db.Organizations.IgnoreQueryFilters() on m.OrganizationId equals o.Id
                          orderby m.StartsAt, m.Id
                          select new { m.Id, m.Kind, m.Topic, m.StartsAt, m.EndsAt, m.Place, m.Online, m.Lecturer, m.Status, m.CreatedAt, m.RecordedAt, OrgName = o.Name })
            .Take(2000).ToListAsync(ct);
        var host = baseUrl?.TrimEnd('/');
        var events = rows.Select(r => new CalendarEvent(
            $"meeting-{r.Id}@bastion", r.StartsAt, r.EndsAt, $"{MeetingKinds.Chinese(r.Kind)}：{r.Topic}",
            r.Online ? "线上" + (r.Place is null ? "" : " " + r.Place) : r.Place,
            r.OrgName + (r.Lecturer is null ? "" : "\n主讲人：" + r.Lecturer),
            r.Status == MeetingStatus.Cancelled, r.RecordedAt ?? r.CreatedAt,
            host is null ? null : $"{host}/Meetings/Details/{r.Id}"));
        return ICalendar.Write(name, events);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
