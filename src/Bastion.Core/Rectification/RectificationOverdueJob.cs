using Bastion.Data;
using Bastion.Identity;
using Bastion.Jobs;
using Bastion.Notifications;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Rectification;

/// <summary>
/// Tells the secretary of an organization under rectification (and its organization-department users) when a measure
/// of its plan becomes overdue. One notice per measure and due date, so the job may run as often as it likes.
/// </summary>
public sealed class RectificationOverdueJob : IBastionJob
{
    public const string JobName = "rectification.overdue";
    public const int MaxPerRun = 2000;

    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        var overdue = await (from s in db.Set<RectificationStep>().IgnoreQueryFilters()
                             join c in db.Set<RectificationCase>().IgnoreQueryFilters() on s.CaseId equals c.Id
                             where s.CompletedOn == null && s.DueOn < today && (c.State == RectificationState.Planned || c.State == RectificationState.Rectifying)
                             orderby s.DueOn, s.Id
                             select new { s.Id, s.Number, s.Text, s.DueOn, c.OrganizationId }).Take(MaxPerRun).ToListAsync(ct);
        if (overdue.Count == 0) return "0 notice(s) sent.";

        var orgIds = overdue.Select(o => o.OrganizationId).Distinct().ToList();
        var leaders = await db.Users.IgnoreQueryFilters()
            .Where(u => orgIds.Contains(u.OrganizationId) && (u.Role == BastionRoles.BranchSecretary || u.Role == BastionRoles.OrganizationDepartment))
            .Select(u => new { u.Id, u.OrganizationId }).ToListAsync(ct);
        var byOrganization = leaders.GroupBy(l => l.OrganizationId).ToDictionary(g => g.Key, g => g.Select(l => l.Id).ToList());
        var sent = 0;
        foreach (var s in overdue)
        {
            if (!byOrganization.TryGetValue(s.OrganizationId, out var users)) continue;
            var text = s.Text.Length > 200 ? s.Text[..200] + "…" : s.Text;
            sent += await Notifier.ToUsersAsync(db, users, new NotificationMessage(
                "rectification.step-overdue", $"整改措施已逾期 / Rectification measure overdue since {s.DueOn:yyyy-MM-dd}",
                $"整顿方案第 {s.Number} 项措施“{text}”应于 {s.DueOn:yyyy-MM-dd} 完成，尚未完成。",
                $"/Organizations/Details/{s.OrganizationId}", $"rectification-step-overdue:{s.Id}:{s.DueOn:yyyy-MM-dd}"), ct);
        }
        if (sent > 0) await db.SaveChangesAsync(ct);
        return $"{sent} notice(s) sent.";
    }
}
