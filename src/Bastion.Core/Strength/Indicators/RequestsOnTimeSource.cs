using System.Globalization;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Requests (诉求) in the organization's queue whose resolution deadline falls in the period, answered (or closed) by
/// the deadline / due, for one audience of the service-request rule set's categories (enterprise or citizen; a category
/// the rule set no longer lists counts as a citizen's). One grouped statement.
/// </summary>
public abstract class RequestsOnTimeSource : IIndicatorSource
{
    public abstract string Code { get; }

    /// <summary>True for the enterprise categories, false for the others.</summary>
    protected abstract bool Enterprise { get; }

    private sealed class Row
    {
        public long Id { get; init; }
        public long OrganizationId { get; init; }
        public required string TrackingCode { get; init; }
        public DateTime DueAt { get; init; }
        public DateTime? DoneAt { get; init; }
        public bool OnTime { get; init; }
    }

    private IQueryable<Row> Rows(AssessmentScope scope)
    {
        var enterprise = ServiceRequestRuleSet.Load().Categories.Where(c => c.Audience == "enterprise").Select(c => c.Code).ToList();
        var (start, until) = (scope.FromUtc, scope.ToUtcExclusive);
        var requests = scope.Db.Set<ServiceRequest>().Where(r => r.ResolutionDueAt >= start && r.ResolutionDueAt < until);
        requests = Enterprise ? requests.Where(r => enterprise.Contains(r.CategoryCode)) : requests.Where(r => !enterprise.Contains(r.CategoryCode));
        return from r in requests
               join o in scope.Organizations on r.OrganizationId equals o.Id
               let done = r.AnsweredAt ?? r.ClosedAt
               select new Row { Id = r.Id, OrganizationId = r.OrganizationId, TrackingCode = r.TrackingCode, DueAt = r.ResolutionDueAt, DoneAt = done, OnTime = done != null && done <= r.ResolutionDueAt };
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Rows(scope).GroupBy(r => r.OrganizationId)
            .Select(g => new { g.Key, Due = g.Count(), OnTime = g.Count(r => r.OnTime) }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.OnTime, r => r.Due);
    }

    /// <summary>Every request due in the period with its deadline and answer time: the late and unanswered first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await Rows(scope.For(organizationId)).OrderBy(r => r.OnTime).ThenBy(r => r.DueAt).ThenBy(r => r.Id).Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.TrackingCode, DateOnly.FromDateTime(r.DueAt), r.OnTime,
            r.DoneAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), $"/Requests/Details/{r.Id}")).ToList();
    }
}
