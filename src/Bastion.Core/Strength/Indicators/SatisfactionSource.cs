using System.Globalization;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// satisfaction: requests in the organization's queue rated in the period with 4 or 5 stars / rated in the period
/// (as the request dashboard counts them). One grouped statement.
/// </summary>
public sealed class SatisfactionSource : IIndicatorSource
{
    public const int SatisfiedFrom = 4;

    public string Code => "satisfaction";

    private sealed class Row
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public required string TrackingCode { get; init; }
        public DateTime RatedAt { get; init; }
        public int Rating { get; init; }
    }

    private static IQueryable<Row> Rows(AssessmentScope scope)
    {
        var (start, until) = (scope.FromUtc, scope.ToUtcExclusive);
        return from r in scope.Db.Set<ServiceRequest>()
               join o in scope.Organizations on r.OrganizationId equals o.Id
               where r.Rating != null && r.RatedAt >= start && r.RatedAt < until
               select new Row { Id = r.Id, OrganizationId = r.OrganizationId, TrackingCode = r.TrackingCode, RatedAt = r.RatedAt!.Value, Rating = r.Rating!.Value };
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Rows(scope).GroupBy(r => r.OrganizationId)
            .Select(g => new { g.Key, Rated = g.Count(), Satisfied = g.Count(r => r.Rating >= SatisfiedFrom) }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.Satisfied, r => r.Rated);
    }

    /// <summary>Every rating of the period: the lowest first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await Rows(scope.For(organizationId)).OrderBy(r => r.Rating).ThenBy(r => r.RatedAt).ThenBy(r => r.Id).Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.TrackingCode, DateOnly.FromDateTime(r.RatedAt), r.Rating >= SatisfiedFrom,
            r.Rating.ToString(CultureInfo.InvariantCulture), $"/Requests/Details/{r.Id}")).ToList();
    }
}
