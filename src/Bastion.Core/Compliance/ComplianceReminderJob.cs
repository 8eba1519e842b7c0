using System.Globalization;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Jobs;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Compliance;

/// <summary>
/// Reminds the people who run each organization (its secretary and organization-department users; for a party group,
/// also its branch's) of organizational-life obligations due within the rule set's due-soon days and of periods missed
/// within the overdue-reminder days. One notification per organization, obligation, period and state, each with its
/// dedup key, so hourly runs never repeat one. Computed for the whole tree with the engine's fixed set of queries.
/// </summary>
public sealed class ComplianceReminderJob : IBastionJob
{
    public const string JobName = "compliance.remind";
    public const string NotificationKind = "compliance";

    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var rules = OrganizationalLifeRuleSet.Load();
        var today = Clock.Today(db.Time);
        var result = await ComplianceQueries.ComputeAsync(db, TreePath.Everything, today.AddDays(-rules.OverdueReminderDays), today.AddDays(rules.DueSoonDays), rules, ct);

        var items = result.DueSoon.Select(i => (Item: i, Overdue: false))
            .Concat(result.Overdue.Where(i => i.DueOn >= today.AddDays(-rules.OverdueReminderDays)).Select(i => (Item: i, Overdue: true)))
            .Select(x => (x.Item, x.Overdue, Key: DedupKey(x.Item, x.Overdue)))
            .ToList();
        if (items.Count == 0) return "No obligations due soon or newly overdue.";

        // Two queries instead of two per item: which keys went out already, which organizations have someone to tell.
        var keys = items.Select(i => i.Key).ToList();
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(1000))
            sent.UnionWith(await db.Set<Notification>().Where(n => n.DedupKey != null && chunk.Contains(n.DedupKey)).Select(n => n.DedupKey!).Distinct().ToListAsync(ct));
        var candidates = items.SelectMany(i => Recipients(i.Item)).Distinct().ToList();
        var led = new HashSet<long>();
        foreach (var chunk in candidates.Chunk(1000))
            led.UnionWith(await db.Users
                .Where(u => chunk.Contains(u.OrganizationId) && (u.Role == BastionRoles.BranchSecretary || u.Role == BastionRoles.OrganizationDepartment))
                .Select(u => u.OrganizationId).Distinct().ToListAsync(ct));

        int notified = 0, dueSoon = 0, overdue = 0;
        foreach (var (item, isOverdue, key) in items)
        {
            if (sent.Contains(key)) continue;
            var recipients = Recipients(item).Where(led.Contains).ToList();
            if (recipients.Count == 0) continue;
            var count = await Notifier.ToOrganizationLeadersAsync(db, recipients, Message(item, isOverdue, key, rules), ct);
            if (count == 0) continue;
            notified += count;
            if (isOverdue) overdue++; else dueSoon++;
        }
        await db.SaveChangesAsync(ct);
        return $"{notified} notifications: {dueSoon} obligations due soon, {overdue} overdue.";
    }

    /// <summary>The organization itself, and for a party group also its branch.</summary>
    private static IEnumerable<long> Recipients(ObligationItem item) =>
        item.OrganizationKind == OrganizationKind.Group && item.ParentId is { } branch ? [item.OrganizationId, branch] : [item.OrganizationId];

    public static string DedupKey(ObligationItem item, bool overdue) =>
        string.Create(CultureInfo.InvariantCulture, $"compliance:{(overdue ? "overdue" : "due")}:{item.OrganizationId}:{item.Kind}:{item.Period}");

    private static NotificationMessage Message(ObligationItem item, bool overdue, string key, OrganizationalLifeRuleSet rules)
    {
        var kind = ComplianceView.KindNames[item.Kind];
        var due = item.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = overdue
            ? $"{item.OrganizationName}：{kind}（{item.Period}）未按期落实"
            : $"{item.OrganizationName}：{kind}（{item.Period}）将于 {due} 到期";
        if (title.Length > 200) title = title[..200];
        var rule = rules.For(item.Kind);
        var body = (overdue
                ? $"{item.Period} 已于 {due} 结束，已召开 {item.Held} 次，应不少于 {item.Minimum} 次。"
                : $"{item.Period} 截至 {due}，已召开 {item.Held} 次，应不少于 {item.Minimum} 次。")
            + (rule is null ? "" : $"依据：{rule.Description}（{rule.Source}）");
        return new NotificationMessage(NotificationKind, title, body, $"/Compliance?org={item.OrganizationId}", key);
    }
}
