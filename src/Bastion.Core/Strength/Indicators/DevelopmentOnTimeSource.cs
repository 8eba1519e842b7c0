using Bastion.Development;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>Development steps on time: the 发展党员 steps the organization recorded in the period, those not flagged late.</summary>
public sealed class DevelopmentOnTimeSource : IIndicatorSource
{
    public string Code => "development-on-time";

    private static IQueryable<DevelopmentStep> Steps(AssessmentScope scope) =>
        scope.Db.Set<DevelopmentStep>().Where(s => s.Kind == DevelopmentEventKind.Step && s.Date >= scope.From && s.Date <= scope.To
                                                   && scope.Organizations.Any(o => o.Id == s.OrganizationId));

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Steps(scope).GroupBy(s => s.OrganizationId)
            .Select(g => new { g.Key, OnTime = g.Count(s => !s.Late), All = g.Count() }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.OnTime, r => r.All);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await (from s in Steps(scope.For(organizationId))
                          join c in scope.Db.Set<Candidate>() on s.CandidateId equals c.Id
                          orderby s.Late descending, s.Date, c.Name
                          select new { c.Id, c.Name, s.Number, s.Date, s.Late }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.Name, r.Date, !r.Late, $"#{r.Number}", $"/Development/Candidate/{r.Id}")).ToList();
    }
}
