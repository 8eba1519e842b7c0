using Bastion.Data;
using Bastion.Jobs;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

/// <summary>
/// Reminds the discipline staff of the receiving level (or the nearest level above that has staff) of reports whose
/// current step is due within the rule set's lead time or overdue. One reminder per report, step and due date, so the
/// job may run as often as it likes. Reminders carry no content, only a link.
/// </summary>
public sealed class DisciplineDeadlinesJob : IBastionJob
{
    public const string JobName = "discipline.deadlines";
    public const int MaxPerRun = 2000;

    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var rules = DisciplineRuleSet.Load();
        var today = Clock.Today(db.Time);
        var horizon = today.AddDays(rules.RemindBeforeDays);
        var due = await db.Set<MisconductReport>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => (r.Status == MisconductStatus.Received && r.DecideDueOn <= horizon) || (r.Status == MisconductStatus.UnderCheck && r.CheckDueOn <= horizon)
                || (r.Status == MisconductStatus.Disposed && r.CloseDueOn <= horizon))
            .Join(db.Organizations.IgnoreQueryFilters(), r => r.OrganizationId, o => o.Id, (r, o) => new
            {
                r.Id, r.Status, Due = r.Status == MisconductStatus.Received ? r.DecideDueOn : r.Status == MisconductStatus.UnderCheck ? r.CheckDueOn!.Value : r.CloseDueOn!.Value, o.Path,
            })
            .OrderBy(r => r.Due).Take(MaxPerRun).ToListAsync(ct);
        if (due.Count == 0) return "0 reminder(s) sent.";

        // The staff of every level above the receivers, in one query; each report goes to the nearest level with staff.
        var chainIds = due.SelectMany(r => TreePath.Ids(r.Path)).Distinct().ToList();
        var staff = await db.Users.Where(u => u.Role == Identity.BastionRoles.Discipline && chainIds.Contains(u.OrganizationId))
            .Select(u => new { u.Id, u.OrganizationId }).ToListAsync(ct);
        var byOrganization = staff.GroupBy(s => s.OrganizationId).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList());
        var sent = 0;
        foreach (var r in due)
        {
            var recipients = TreePath.Ids(r.Path).Reverse().Select(id => byOrganization.GetValueOrDefault(id)).FirstOrDefault(l => l is not null) ?? [];
            var overdue = r.Due < today;
            sent += await Notifier.ToUsersAsync(db, recipients, new NotificationMessage(
                overdue ? "discipline.overdue" : "discipline.due",
                overdue ? $"问题线索办理已超期 / Report overdue since {r.Due:yyyy-MM-dd}" : $"问题线索办理即将到期 / Report due {r.Due:yyyy-MM-dd}",
                $"一件问题线索举报的当前环节期限为 {r.Due:yyyy-MM-dd}。",
                $"/Discipline/Details/{r.Id}", $"discipline-due:{r.Id}:{r.Status}:{r.Due:yyyy-MM-dd}:{(overdue ? "late" : "soon")}"), ct);
        }
        if (sent > 0) await db.SaveChangesAsync(ct);
        return $"{sent} reminder(s) sent.";
    }
}
