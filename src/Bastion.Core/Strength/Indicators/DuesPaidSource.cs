using Bastion.Dues;
using Bastion.Members;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Members paid up on dues: of the active members who joined before the period, those with a payment for every month of
/// the period that has ended by the as-of day (the current month is not yet late, as in <see cref="DuesArrears"/>).
/// Payments recorded while a member belonged elsewhere count too. An organization with no payment recorded in the period
/// has no data (its dues are not kept in Bastion).
/// </summary>
public sealed class DuesPaidSource : IIndicatorSource
{
    public string Code => "dues-paid";

    /// <summary>The months due in the scope's period: those that have ended by its last counted day.</summary>
    public static (DateOnly First, DateOnly Last, int Count) DueMonths(AssessmentScope scope)
    {
        var first = new DateOnly(scope.From.Year, scope.From.Month, 1);
        var last = new DateOnly(scope.To.Year, scope.To.Month, 1);
        if (last.AddMonths(1).AddDays(-1) > scope.To) last = last.AddMonths(-1);
        var count = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        return (first, last, Math.Max(0, count));
    }

    private static IQueryable<MemberPaid> Members(AssessmentScope scope)
    {
        var (first, last, _) = DueMonths(scope);
        var payments = scope.Db.Set<DuesPayment>().IgnoreQueryFilters();
        return scope.Db.Members
            .Where(m => m.Status == MemberStatus.Active && m.JoinedOn < scope.From && scope.Organizations.Any(o => o.Id == m.OrganizationId))
            .Select(m => new MemberPaid
            {
                Id = m.Id, Name = m.Name, OrganizationId = m.OrganizationId,
                PaidMonths = payments.Where(p => p.MemberId == m.Id && p.Month >= first && p.Month <= last).Select(p => p.Month).Distinct().Count(),
            });
    }

    private sealed class MemberPaid
    {
        public long Id { get; init; }
        public required string Name { get; init; }
        public long OrganizationId { get; init; }
        public int PaidMonths { get; init; }
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var (_, _, due) = DueMonths(scope);
        if (due == 0) return new Dictionary<long, Fraction>();
        var rows = await Members(scope).GroupBy(m => m.OrganizationId)
            .Select(g => new { g.Key, Paid = g.Count(m => m.PaidMonths >= due), Paying = g.Count(m => m.PaidMonths > 0), All = g.Count() }).ToListAsync(ct);
        // An organization that recorded no payment at all in the period does not keep its dues in Bastion: no data, not 0.
        return Figures.ToFractions(rows.Where(r => r.Paying > 0), r => r.Key, r => r.Paid, r => r.All);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var (_, _, due) = DueMonths(scope);
        if (due == 0) return [];
        var rows = await Members(scope.For(organizationId)).OrderBy(m => m.PaidMonths >= due).ThenBy(m => m.PaidMonths).ThenBy(m => m.Name)
            .Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.Name, null, r.PaidMonths >= due, $"{r.PaidMonths}/{due}", $"/Members/Edit/{r.Id}")).ToList();
    }
}
