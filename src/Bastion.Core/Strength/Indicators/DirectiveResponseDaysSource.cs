using System.Globalization;
using Bastion.Cascades;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// directive-response-days: directive targets that reached the organization in the period, the days from their arrival
/// to their acknowledgement (签收), or to the period's last day while unacknowledged; numerator the sum of days,
/// denominator the targets (an average; the scale makes fewer days better). A target reaches its organization when its
/// cascade is issued, or — passed down by a target above — when that target passed it down: the latest pass-down of the
/// parent on or before the acknowledgement (or the period's last day). One grouped statement.
/// </summary>
public sealed class DirectiveResponseDaysSource : IIndicatorSource
{
    public string Code => "directive-response-days";

    private sealed class Row
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public required string Title { get; init; }
        public DateOnly Created { get; init; }
        public DateOnly? AcknowledgedOn { get; init; }
        public int Days { get; init; }
    }

    private static IQueryable<Row> Rows(AssessmentScope scope)
    {
        var db = scope.Db;
        var (start, to) = (scope.From, scope.To);
        var toDay = to.DayNumber;
        var arrived =
            from t in db.Set<CascadeTarget>()
            join o in scope.Organizations on t.OrganizationId equals o.Id
            join c in db.Set<Cascade>() on t.CascadeId equals c.Id
            where c.Subject == CascadeSubject.Directive
            let acknowledged = t.AcknowledgedOn != null && t.AcknowledgedOn <= to ? t.AcknowledgedOn : null
            let passedDown = db.Set<CascadeTargetEvent>()
                .Where(e => e.TargetId == t.ParentTargetId && e.Kind == TargetEventKind.PassedDown && DateOnly.FromDateTime(e.CreatedAt) <= (acknowledged ?? to))
                .Max(e => (DateTime?)e.CreatedAt)
            select new { t.Id, t.OrganizationId, c.Title, Created = DateOnly.FromDateTime(t.ParentTargetId == null ? c.CreatedAt : passedDown ?? c.CreatedAt), Acknowledged = acknowledged };
        return from x in arrived
               where x.Created >= start && x.Created <= to
               let days = (x.Acknowledged != null ? x.Acknowledged.Value.DayNumber : toDay) - x.Created.DayNumber
               select new Row { Id = x.Id, OrganizationId = x.OrganizationId, Title = x.Title, Created = x.Created, AcknowledgedOn = x.Acknowledged, Days = days < 0 ? 0 : days };
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Rows(scope).GroupBy(r => r.OrganizationId)
            .Select(g => new { g.Key, Targets = g.Count(), Days = g.Sum(r => r.Days) }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.Days, r => r.Targets);
    }

    /// <summary>Every target with its days: the unacknowledged first, then the slowest.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await Rows(scope.For(organizationId))
            .OrderBy(r => r.AcknowledgedOn != null).ThenByDescending(r => r.Days).ThenBy(r => r.Id).Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.Title, r.Created, r.AcknowledgedOn != null,
            r.Days.ToString(CultureInfo.InvariantCulture), $"/Directives/Target/{r.Id}")).ToList();
    }
}
