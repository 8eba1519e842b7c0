using System.Globalization;
using Bastion.Cascades;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Targets of one cascade subject (study assignments, directives) due in the period, completed by their due date over
/// due: the organization's own <see cref="CascadeTarget"/> rows whose due date lies in [From, To]. One grouped statement.
/// </summary>
public abstract class CascadeOnTimeSource : IIndicatorSource
{
    public abstract string Code { get; }

    protected abstract CascadeSubject Subject { get; }

    /// <summary>Settable members, not a positional record: the queries group and order on them.</summary>
    private sealed class Row
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public long CascadeId { get; init; }
        public required string Title { get; init; }
        public DateOnly DueOn { get; init; }
        public DateOnly? CompletedOn { get; init; }
        public bool OnTime { get; init; }
    }

    /// <summary>The targets that count: the subject's, due in the period, of cascades issued by its end.</summary>
    private IQueryable<Row> Rows(AssessmentScope scope)
    {
        var db = scope.Db;
        var (start, to, until) = (scope.From, scope.To, scope.ToUtcExclusive);
        var subject = Subject;
        return from t in db.Set<CascadeTarget>()
               join o in scope.Organizations on t.OrganizationId equals o.Id
               join c in db.Set<Cascade>() on t.CascadeId equals c.Id
               where c.Subject == subject && c.CreatedAt < until && t.DueOn >= start && t.DueOn <= to
               select new Row { Id = t.Id, OrganizationId = t.OrganizationId, CascadeId = t.CascadeId, Title = c.Title, DueOn = t.DueOn, CompletedOn = t.CompletedOn, OnTime = t.CompletedOn != null && t.CompletedOn <= t.DueOn };
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Rows(scope).GroupBy(r => r.OrganizationId)
            .Select(g => new { g.Key, Due = g.Count(), OnTime = g.Count(r => r.OnTime) }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.OnTime, r => r.Due);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var db = scope.Db;
        var rows = await Rows(scope.For(organizationId)).OrderBy(r => r.OnTime).ThenBy(r => r.DueOn).ThenBy(r => r.Id).Take(limit)
            .Select(r => new { Row = r, CampaignId = db.Set<StudyCampaign>().Where(c => c.CascadeId == r.CascadeId).Select(c => (long?)c.Id).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(x => new IndicatorRecord(x.Row.Title, x.Row.DueOn, x.Row.OnTime,
            x.Row.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Href(x.Row.Id, x.CampaignId, organizationId))).ToList();
    }

    /// <summary>The page of the target (directives) or of its campaign at the organization (study).</summary>
    protected abstract string? Href(long targetId, long? campaignId, long organizationId);
}
