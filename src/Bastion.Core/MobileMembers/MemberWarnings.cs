using Bastion.Data;
using Bastion.Dues;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

/// <summary>The warnings of one subtree, with the rule-set versions they were computed under.</summary>
public sealed record MemberWarningsReport(long OrganizationId, DateOnly Today, string RuleSetVersion, string DuesRuleSetVersion, IReadOnlyList<MemberWarning> Warnings);

/// <summary>
/// 党员状态预警: the facts of a subtree gathered set-based — active out-flow records with their last contact (one grouped
/// query), active members with their payments in the last twelve months (one query) — then the pure rules. The number
/// of statements does not grow with the subtree.
/// </summary>
public static class MemberWarnings
{
    /// <summary>Null when the organization is out of scope.</summary>
    public static async Task<MemberWarningsReport?> ForSubtreeAsync(BastionDb db, long organizationId, DateOnly today, CancellationToken ct = default)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var orgs = OrganizationQueries.InSubtree(db, path);
        var rules = MemberStatusRuleSet.Load();
        var duesRules = DuesRuleSet.Load();

        var records = db.Set<MobileRecord>().AsNoTracking()
            .Where(r => r.Direction == MobileDirection.OutFlow && r.Status == MobileStatus.Active && orgs.Any(o => o.Id == r.OrganizationId));
        var mobile = await records
            .Select(r => new { r.Id, r.MemberId, r.PersonName, r.OrganizationId, r.Direction, r.Status, r.FixedPlace, r.LeftOn })
            .ToListAsync(ct);
        var lastContacts = await db.Set<MobileContact>().AsNoTracking()
            .Where(c => records.Any(r => r.Id == c.MobileRecordId))
            .GroupBy(c => c.MobileRecordId)
            .Select(g => new { RecordId = g.Key, Last = g.Max(c => c.ContactedOn) })
            .ToDictionaryAsync(x => x.RecordId, x => x.Last, ct);

        var to = DuesMonths.MonthOf(today).AddMonths(-1);
        var from = to.AddMonths(-(MemberWarningRules.LookBackMonths - 1));
        var members = db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active && orgs.Any(o => o.Id == m.OrganizationId));
        var people = await members.Select(m => new { m.Id, m.Name, m.OrganizationId, m.JoinedOn }).ToListAsync(ct);
        // Months paid while the member belonged elsewhere count too; the members query keeps the scope.
        var paid = (await db.Set<DuesPayment>().IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Month >= from && p.Month <= to && members.Any(m => m.Id == p.MemberId))
                .Select(p => new { p.MemberId, p.Month }).ToListAsync(ct))
            .ToLookup(p => p.MemberId, p => p.Month);

        var warnings = MemberWarningRules.Evaluate(
            mobile.Select(r => new MobileFacts(r.Id, r.MemberId, r.PersonName, r.OrganizationId, r.Direction, r.Status, r.FixedPlace, r.LeftOn,
                lastContacts.TryGetValue(r.Id, out var last) ? last : null)),
            people.Select(m => new DuesFacts(m.Id, m.Name, m.OrganizationId, m.JoinedOn, paid[m.Id].ToHashSet())),
            today, rules, duesRules.Payment);
        var ordered = warnings.OrderBy(w => w.Rule, StringComparer.Ordinal).ThenByDescending(w => w.Months)
            .ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.MemberId).ToList();
        return new MemberWarningsReport(organizationId, today, rules.Version, duesRules.Version, ordered);
    }
}
