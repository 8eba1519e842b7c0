using System.Globalization;
using Bastion.Data;
using Bastion.Meetings;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Meetings;

/// <summary>The member's own meetings (phone first), with check-in and a calendar subscription.</summary>
[Authorize]
public sealed class MineModel(BastionDb db) : PageModel
{
    public long? MemberId { get; private set; }
    public IReadOnlyList<MyMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<CalendarFeeds.FeedView> Feeds { get; private set; } = [];
    /// <summary>A feed URL just made: shown once.</summary>
    public string? NewFeedUrl { get; private set; }
    public BastionDb Db => db;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (MemberId is not { } memberId) return Page();
        var created = await CalendarFeeds.CreateForMemberAsync(db, User.UserId()!.Value, memberId, ct);
        NewFeedUrl = MeetingsApi.FeedUrl(HttpContext, created.Secret);
        Feeds = await CalendarFeeds.ListForUserAsync(db, User.UserId()!.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long feedId, CancellationToken ct)
    {
        try { await CalendarFeeds.RevokeAsync(db, User.UserId()!.Value, feedId, ct); }
        catch (NotFoundException) { return NotFound(); }
        return Redirect("/Meetings/Mine");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MemberId = long.TryParse(User.FindFirst(BastionClaims.MemberId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (MemberId is { } memberId)
            Meetings = await MeetingQueries.ForMemberAsync(db, memberId, Clock.UtcNow(db.Time) - CalendarFeeds.Past, ct);
        Feeds = await CalendarFeeds.ListForUserAsync(db, User.UserId()!.Value, ct);
    }
}
