using System.Globalization;
using Bastion.Villages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// village-income: the village's collective income (村集体经济收入, yuan) for the period's year from its village
/// indicators; numerator the income, denominator 1, so a roll-up averages the villages that reported. One statement.
/// </summary>
public sealed class VillageIncomeSource : IIndicatorSource
{
    public string Code => "village-income";

    private static IQueryable<VillageIndicator> Indicators(AssessmentScope scope)
    {
        var year = scope.Period.Year;
        return from i in scope.Db.Set<VillageIndicator>()
               join o in scope.Organizations on i.OrganizationId equals o.Id
               where i.Year == year
               select i;
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Indicators(scope).Select(i => new { i.OrganizationId, i.CollectiveIncome }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.OrganizationId, r => (double)r.CollectiveIncome, _ => 1);
    }

    /// <summary>The year's figure: it counts against the village when there is no collective income (空壳村).</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await Indicators(scope.For(organizationId)).Take(limit).Select(i => new { i.Year, i.CollectiveIncome }).ToListAsync(ct);
        return rows.Select(i => new IndicatorRecord(i.Year.ToString(CultureInfo.InvariantCulture), null, i.CollectiveIncome > 0,
            i.CollectiveIncome.ToString("0.00", CultureInfo.InvariantCulture), $"/Villages?org={organizationId}&year={i.Year}")).ToList();
    }
}
