using System.Globalization;
using Bastion.Alliances;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// alliance-activity: the joint-building alliances (联建共建) the organization belongs to (the lead is a member too)
/// that were alive during the period — founded by its last day, joined by then, and active or ended no earlier than
/// its first day — that held an activity in the period / those alliances. Two grouped statements.
/// </summary>
public sealed class AllianceActivitySource : IIndicatorSource
{
    public string Code => "alliance-activity";

    private sealed class Membership
    {
        public long AllianceId { get; init; }
        public long OrganizationId { get; init; }
        public required string Name { get; init; }
    }

    private static IQueryable<Membership> Memberships(AssessmentScope scope)
    {
        var db = scope.Db;
        var (start, to) = (scope.From, scope.To);
        return from m in db.Set<AllianceMember>()
               join o in scope.Organizations on m.OrganizationId equals o.Id
               join a in db.Set<Alliance>() on m.AllianceId equals a.Id
               where m.JoinedOn <= to && a.FoundedOn <= to
                     && ((a.Status == AllianceStatus.Active && a.EndedOn == null) || a.EndedOn >= start)
               select new Membership { AllianceId = a.Id, OrganizationId = m.OrganizationId, Name = a.Name };
    }

    private static IQueryable<AllianceActivity> Held(AssessmentScope scope)
    {
        var (start, to) = (scope.From, scope.To);
        return scope.Db.Set<AllianceActivity>().Where(x => x.HeldOn >= start && x.HeldOn <= to);
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var held = Held(scope);
        var rows = Memberships(scope);
        var alliances = await rows.GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var active = await rows.Where(r => held.Any(x => x.AllianceId == r.AllianceId))
            .GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Figures.ToFractions(alliances, r => r.Key, r => active.GetValueOrDefault(r.Key), r => r.Count);
    }

    /// <summary>Every alliance with its activities in the period and the last one's date: those without any first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var held = Held(scope);
        var rows = await Memberships(scope.For(organizationId))
            .Select(m => new { m.AllianceId, m.Name, Activities = held.Count(x => x.AllianceId == m.AllianceId), Last = held.Where(x => x.AllianceId == m.AllianceId).Max(x => (DateOnly?)x.HeldOn) })
            .OrderBy(r => r.Activities > 0).ThenBy(r => r.Name).ThenBy(r => r.AllianceId).Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.Name, r.Last, r.Activities > 0, r.Activities.ToString(CultureInfo.InvariantCulture), $"/Alliances/{r.AllianceId}")).ToList();
    }
}
