using System.Globalization;
using Bastion.Grids;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// households-contacted: the households (联系户) in the organization's grids, registered by the period's last day,
/// contacted at least once in the period / those households (as the household coverage page counts them). Two grouped statements.
/// </summary>
public sealed class HouseholdsContactedSource : IIndicatorSource
{
    public string Code => "households-contacted";

    private static IQueryable<Household> Households(AssessmentScope scope)
    {
        var until = scope.ToUtcExclusive;
        return from h in scope.Db.Set<Household>()
               join o in scope.Organizations on h.OrganizationId equals o.Id
               where h.CreatedAt < until
               select h;
    }

    private static IQueryable<HouseholdContact> Contacts(AssessmentScope scope)
    {
        var (start, to) = (scope.From, scope.To);
        return scope.Db.Set<HouseholdContact>().Where(c => c.ContactedOn >= start && c.ContactedOn <= to);
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var contacts = Contacts(scope);
        var households = Households(scope);
        var total = await households.GroupBy(h => h.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var contacted = await households.Where(h => contacts.Any(c => c.HouseholdId == h.Id))
            .GroupBy(h => h.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Figures.ToFractions(total, r => r.Key, r => contacted.GetValueOrDefault(r.Key), r => r.Count);
    }

    /// <summary>Every household with its contacts in the period and the last one's date: those not contacted first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var contacts = Contacts(scope);
        var rows = await Households(scope.For(organizationId))
            .Select(h => new { h.Id, h.GridId, h.Address, Contacts = contacts.Count(c => c.HouseholdId == h.Id), Last = contacts.Where(c => c.HouseholdId == h.Id).Max(c => (DateOnly?)c.ContactedOn) })
            .OrderBy(h => h.Contacts > 0).ThenBy(h => h.Address).ThenBy(h => h.Id).Take(limit).ToListAsync(ct);
        return rows.Select(h => new IndicatorRecord(h.Address, h.Last, h.Contacts > 0, h.Contacts.ToString(CultureInfo.InvariantCulture), $"/Households?gridId={h.GridId}")).ToList();
    }
}
