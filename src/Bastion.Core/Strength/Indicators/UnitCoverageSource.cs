using Bastion.Coverage;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// unit-coverage: the units (单位) the organization is responsible for in the coverage register, registered by the
/// period's last day, that an organization or at least party work reaches (<see cref="CoverageRules.HasPartyWork"/>:
/// any kind but <see cref="CoverageKind.NotCovered"/>) / registered units. The register holds the current coverage,
/// so a re-run reads today's kinds. One grouped statement.
/// </summary>
public sealed class UnitCoverageSource : IIndicatorSource
{
    public string Code => "unit-coverage";

    private static IQueryable<Unit> Units(AssessmentScope scope)
    {
        var until = scope.ToUtcExclusive;
        return from u in scope.Db.Set<Unit>()
               join o in scope.Organizations on u.OrganizationId equals o.Id
               where u.CreatedAt < until
               select u;
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Units(scope).GroupBy(u => u.OrganizationId)
            .Select(g => new { g.Key, Units = g.Count(), Covered = g.Count(u => u.Coverage != CoverageKind.NotCovered) }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.Covered, r => r.Units);
    }

    /// <summary>Every unit with its coverage kind: the uncovered first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await Units(scope.For(organizationId))
            .OrderBy(u => u.Coverage != CoverageKind.NotCovered).ThenBy(u => u.Name).ThenBy(u => u.Id).Take(limit)
            .Select(u => new { u.Id, u.Name, u.Coverage }).ToListAsync(ct);
        return rows.Select(u => new IndicatorRecord(u.Name, null, CoverageRules.HasPartyWork(u.Coverage), u.Coverage.ToString(), $"/Coverage/Units/Edit/{u.Id}")).ToList();
    }
}
