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

    private sealed record Row(long Id, long OrganizationId, long CascadeId, string Title, DateOnly DueOn, DateOnly? CompletedOn, bool OnTime);

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
               select new Row(t.Id, t.OrganizationId, t.CascadeId, c.Title, t.DueOn, t.CompletedOn, t.CompletedOn != null && t.CompletedOn <= t.DueOn);
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
