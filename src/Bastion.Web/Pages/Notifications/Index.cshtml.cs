using Bastion.Data;
using Bastion.Notifications;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications (reminders, escalations, hand-overs), newest first.</summary>
public sealed class IndexModel(BastionDb db) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];
    public bool UnreadOnly { get; private set; }

    public async Task OnGetAsync(bool unread, CancellationToken ct)
    {
        UnreadOnly = unread;
        Items = await NotificationQueries.ListAsync(db, Me, unread, 100, ct);
    }

    /// <summary>Opens a notification: marks it read and follows its link.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var item = (await NotificationQueries.ListAsync(db, Me, false, 200, ct)).FirstOrDefault(n => n.Id == id);
        if (item is null) return NotFound();
        await NotificationQueries.MarkReadAsync(db, Me, id, ct);
        return LocalRedirect(item.Link ?? "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await NotificationQueries.MarkReadAsync(db, Me, null, ct);
        return RedirectToPage();
    }

    private long Me => User.UserId() ?? throw new InvalidOperationException("The signed-in principal has no user id.");
}
