using Bastion.Data;
using Bastion.Jobs;
using Bastion.Notifications;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Requests;

/// <summary>
/// Keeps the deadlines: escalates overdue requests one or two levels up the tree (see <see cref="EscalateOverdueRequests"/>)
/// and tells the leaders there, and reminds owners (or, for a request nobody has taken, the organization's leaders)
/// before the resolution deadline. Reminders are de-duplicated per request and deadline, so the job may run hourly.
/// </summary>
public sealed class RequestDeadlinesJob : IBastionJob
{
    public const string JobName = "requests.deadlines";
    public const int MaxRemindersPerRun = 2000;

    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var escalated = await EscalateOverdueRequests.HandleAsync(db, ct);
        foreach (var e in escalated)
        {
            await Notifier.ToOrganizationLeadersAsync(db, [e.ToOrganizationId], new NotificationMessage(
                "request.escalated", "诉求超期升级 / Overdue request escalated",
                e.Level == 1 ? "一件诉求超过首次响应时限，已升级到本级督办。" : "一件诉求超过办结时限，已升级到本级督办。",
                $"/Requests/Details/{e.RequestId}", $"request-escalated:{e.RequestId}:{e.Level}"), ct);
        }
        if (escalated.Count > 0) await db.SaveChangesAsync(ct);

        var rules = ServiceRequestRuleSet.Load();
        var now = Clock.UtcNow(db.Time);
        var horizon = now.AddHours(rules.RemindBeforeHours);
        var dueSoon = await db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => (r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress) && r.ResolutionDueAt >= now && r.ResolutionDueAt <= horizon)
            .OrderBy(r => r.ResolutionDueAt).Take(MaxRemindersPerRun)
            .Select(r => new { r.Id, r.TrackingCode, r.OwnerUserId, r.OrganizationId, r.ResolutionDueAt }).ToListAsync(ct);
        var reminded = 0;
        foreach (var r in dueSoon)
        {
            var message = new NotificationMessage(
                "request.due", $"诉求即将到期 / Request due {r.ResolutionDueAt:yyyy-MM-dd HH:mm} UTC",
                $"诉求 {TrackingCode.Display(r.TrackingCode)} 将于 {r.ResolutionDueAt:yyyy-MM-dd HH:mm} (UTC) 到期，请及时答复。",
                $"/Requests/Details/{r.Id}", $"request-due:{r.Id}:{r.ResolutionDueAt:O}");
            reminded += r.OwnerUserId is { } owner
                ? await Notifier.ToUsersAsync(db, [owner], message, ct)
                : await Notifier.ToOrganizationLeadersAsync(db, [r.OrganizationId], message, ct);
        }
        if (reminded > 0) await db.SaveChangesAsync(ct);
        return $"{escalated.Count} request(s) escalated, {reminded} reminder(s) sent.";
    }
}
