using Bastion.Cascades;
using Bastion.Data;
using Bastion.Jobs;
using Bastion.Notifications;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Directives;

/// <summary>
/// Escalates overdue directive targets: the target organization's leaders are told once per target and due date, the
/// assigning organization's leaders once a day per directive with the count. Notifications are de-duplicated by key,
/// so running the job again changes nothing.
/// </summary>
public sealed class OverdueDirectivesJob : IBastionJob
{
    public const string JobName = "directives.escalate-overdue";
    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        // One grouped statement: per directive, assigner and due date, the overdue target organizations.
        var overdue = await (from t in db.Set<CascadeTarget>().Where(CascadeRules.Overdue(today))
                             join d in db.Set<Directive>() on t.CascadeId equals d.CascadeId
                             select new { DirectiveId = d.Id, d.Title, t.AssignedByOrganizationId, t.DueOn, t.OrganizationId })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var group in overdue.GroupBy(o => (o.DirectiveId, o.Title, o.DueOn)))
        {
            var (id, title, dueOn) = group.Key;
            sent += await Notifier.ToOrganizationLeadersAsync(db, group.Select(g => g.OrganizationId), new NotificationMessage(
                "directive.overdue", $"逾期未办结：{title}", $"“{title}”应于 {dueOn:yyyy-MM-dd} 前办结，现已逾期，请尽快落实并报送。",
                $"/Directives/Details/{id}", $"directive-overdue:{id}:{dueOn:yyyyMMdd}"), ct);
        }
        foreach (var group in overdue.GroupBy(o => (o.DirectiveId, o.Title, o.AssignedByOrganizationId)))
        {
            var (id, title, assigner) = group.Key;
            sent += await Notifier.ToOrganizationLeadersAsync(db, [assigner], new NotificationMessage(
                "directive.overdue-summary", $"下级逾期：{title}", $"“{title}”有 {group.Count()} 个下级组织逾期未办结。",
                $"/Directives/Details/{id}", $"directive-overdue-summary:{id}:{assigner}:{today:yyyyMMdd}"), ct);
        }
        await db.SaveChangesAsync(ct);
        return $"{overdue.Count} overdue directive targets; {sent} notifications sent.";
    }
}
