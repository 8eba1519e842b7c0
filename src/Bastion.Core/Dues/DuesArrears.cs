using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Dues;

/// <summary>One member with unpaid months in the window.</summary>
public sealed record MemberArrears(
    long MemberId, string Name, long OrganizationId, string OrganizationName, IReadOnlyList<DateOnly> UnpaidMonths, int LongestUnpaidRun,
    bool LapseWarning);

/// <summary>Members of a subtree behind with their dues, worst first.</summary>
public sealed record DuesArrearsReport(
    long OrganizationId, DateOnly From, DateOnly To, int LapseAfterUnpaidMonths, string LapseRule, string LapseSource, string RuleSetVersion,
    Page<MemberArrears> Members);

/// <summary>欠缴党费: who in a subtree has not paid, over the last twelve months.</summary>
public static class DuesArrears
{
    /// <summary>The report looks back this many months, ending with last month (the current month is not yet late).</summary>
    public const int WindowMonths = 12;

    /// <summary>
    /// Active members of the organization's subtree with unpaid months in the window, flagged when the unpaid months
    /// include a run as long as the lapse rule (连续六个月不交纳党费). Two statements whatever the subtree's size: the
    /// members, and their payments in the window. Null when the organization is out of scope.
    /// </summary>
    public static async Task<DuesArrearsReport?> ForOrganizationAsync(BastionDb db, long organizationId, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        return await ReportAsync(db, organizationId, p, size, ct);
    }

    /// <summary>The whole list (up to <paramref name="max"/> members) in one page, for exports.</summary>
    public static Task<DuesArrearsReport?> AllAsync(BastionDb db, long organizationId, int max, CancellationToken ct = default) =>
        ReportAsync(db, organizationId, 1, max, ct);

    private static async Task<DuesArrearsReport?> ReportAsync(BastionDb db, long organizationId, int p, int size, CancellationToken ct)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var (lo, hi) = (path, TreePath.UpperBound(path));
        var rules = DuesRuleSet.Load();
        var to = DuesMonths.MonthOf(Clock.Today(db.Time)).AddMonths(-1);
        var from = to.AddMonths(-(WindowMonths - 1));

        var members = db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active
            && db.Organizations.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0));
        var people = await members
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m.Id, m.Name, m.OrganizationId, OrganizationName = o.Name, m.JoinedOn })
            .ToListAsync(ct);
        // Payments recorded while a member belonged elsewhere count too; the members query keeps the scope.
        var paid = (await db.Set<DuesPayment>().IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Month >= from && p.Month <= to && members.Any(m => m.Id == p.MemberId))
                .Select(p => new { p.MemberId, p.Month }).ToListAsync(ct))
            .ToLookup(p => p.MemberId, p => p.Month);

        var behind = new List<MemberArrears>();
        foreach (var m in people)
        {
            var unpaid = DuesMonths.Unpaid(from, to, m.JoinedOn, paid[m.Id].ToHashSet());
            if (unpaid.Count == 0) continue;
            var run = DuesMonths.LongestRun(unpaid);
            behind.Add(new MemberArrears(m.Id, m.Name, m.OrganizationId, m.OrganizationName, unpaid, run, run >= rules.Payment.LapseAfterUnpaidMonths));
        }
        var ordered = behind.OrderByDescending(a => a.LapseWarning).ThenByDescending(a => a.UnpaidMonths.Count)
            .ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.MemberId).ToList();
        var items = ordered.Skip((p - 1) * size).Take(size).ToList();
        return new DuesArrearsReport(organizationId, from, to, rules.Payment.LapseAfterUnpaidMonths, rules.Payment.LapseDescription,
            rules.Payment.LapseSource, rules.Version, new Page<MemberArrears>(items, p, size, ordered.Count));
    }
}
