using Bastion.Discipline;
using Bastion.Members;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Substantiated misconduct: reports concerning the organization closed as substantiated (属实 or 部分属实) in the period,
/// per active member. Only counts leave the discipline module: the records name the report's category and date, never its content.
/// </summary>
public sealed class MisconductSource : IIndicatorSource
{
    public string Code => "misconduct";

    private static IQueryable<MisconductReport> Substantiated(AssessmentScope scope) =>
        scope.Db.Set<MisconductReport>().IgnoreQueryFilters()
            .Where(r => r.Status == MisconductStatus.Closed && r.ClosedOn >= scope.From && r.ClosedOn <= scope.To
                        && (r.Outcome == MisconductOutcome.Substantiated || r.Outcome == MisconductOutcome.PartlySubstantiated)
                        && scope.Organizations.Any(o => o.Id == r.ConcernedOrganizationId));

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var members = await scope.Db.Members.Where(m => m.Status == MemberStatus.Active && scope.Organizations.Any(o => o.Id == m.OrganizationId))
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var reports = await Substantiated(scope).GroupBy(r => r.ConcernedOrganizationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var result = new Dictionary<long, Fraction>();
        foreach (var (id, count) in members) result[id] = new Fraction(reports.GetValueOrDefault(id), count);
        // Reports against an organization without members still count, over a denominator of 1.
        foreach (var (id, count) in reports) if (!members.ContainsKey(id)) result[id] = new Fraction(count, 1);
        return result;
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await Substantiated(scope.For(organizationId)).OrderBy(r => r.ClosedOn)
            .Select(r => new { r.Category, r.ClosedOn }).Take(limit).ToListAsync(ct);
        var rules = DisciplineRuleSet.Load();
        return rows.Select(r => new IndicatorRecord(rules.For(r.Category).Name, r.ClosedOn, false)).ToList();
    }
}
