using System.Globalization;
using Bastion.Members;
using Bastion.Positions;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// study-hours: the organization's active members whose study hours of the period's year so far (counted study records
/// finished by the period's last day, plus training sessions held by then), projected to the year's end as the study
/// module does (<see cref="StudyQueries.ProjectionFor"/> as of that day), reach their yearly target (the leaders' figure
/// for holders of a committee post on that day) / active members. Two grouped statements.
/// </summary>
public sealed class StudyHoursSource : IIndicatorSource
{
    public string Code => "study-hours";

    private sealed class Row
    {
        public long Id { get; init; }
        public required string Name { get; init; }
        public long OrganizationId { get; init; }
        public bool IsLeader { get; init; }
        public double Hours { get; init; }
    }

    /// <summary>
    /// The least hours so far whose projection reaches <paramref name="target"/>: <see cref="StudyRuleSet.Projection"/>
    /// rounds to 0.1, so a projection from target − 0.05 up rounds to the target.
    /// </summary>
    public static double Threshold(double target, DateOnly asOf)
    {
        var start = new DateOnly(asOf.Year, 1, 1);
        var days = DateTime.IsLeapYear(asOf.Year) ? 366 : 365;
        var elapsed = asOf.DayNumber - start.DayNumber + 1;
        return (target - 0.05) * elapsed / days - 1e-9;
    }

    /// <summary>The organizations' active members who had joined by the period's last day.</summary>
    private static IQueryable<Member> Members(AssessmentScope scope)
    {
        var to = scope.To;
        return from m in scope.Db.Members
               join o in scope.Organizations on m.OrganizationId equals o.Id
               where m.Status == MemberStatus.Active && m.JoinedOn <= to
               select m;
    }

    private static IQueryable<Row> Rows(AssessmentScope scope, bool withHoursOnly)
    {
        var db = scope.Db;
        var (to, until, year) = (scope.To, scope.ToUtcExclusive, scope.To.Year);
        var members = Members(scope);
        // Hours per member of the scope only, so one organization's records do not sum the whole year's study.
        var ids = members.Select(m => m.Id);
        var hours = db.Set<StudyRecord>().Where(r => r.Year == year && r.Counted && r.FinishedAt < until && ids.Contains(r.MemberId)).Select(r => new { r.MemberId, r.Hours })
            .Concat(from a in db.Set<TrainingAttendance>()
                    join s in db.Set<TrainingSession>() on a.SessionId equals s.Id
                    where a.Year == year && s.HeldOn <= to && ids.Contains(a.MemberId)
                    select new { a.MemberId, a.Hours })
            .GroupBy(x => x.MemberId).Select(g => new { MemberId = g.Key, Hours = g.Sum(x => x.Hours) });
        var leaders = db.Set<Position>().Where(p => p.Role != PositionRole.GroupLeader && p.StartedOn <= to && (p.EndedOn == null || p.EndedOn > to))
            .Select(p => p.MemberId);
        if (withHoursOnly)
            return from m in members
                   join h in hours on m.Id equals h.MemberId
                   select new Row { Id = m.Id, Name = m.Name, OrganizationId = m.OrganizationId, IsLeader = leaders.Contains(m.Id), Hours = h.Hours };
        return from m in members
               join h in hours on m.Id equals h.MemberId into hj
               from h in hj.DefaultIfEmpty()
               select new Row { Id = m.Id, Name = m.Name, OrganizationId = m.OrganizationId, IsLeader = leaders.Contains(m.Id), Hours = (double?)h.Hours ?? 0.0 };
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var (plain, leader) = Thresholds(scope);
        var members = await Members(scope).GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var onTrack = await Rows(scope, withHoursOnly: true).Where(r => r.Hours >= (r.IsLeader ? leader : plain))
            .GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Figures.ToFractions(members, r => r.Key, r => onTrack.GetValueOrDefault(r.Key), r => r.Count);
    }

    /// <summary>Every active member with hours so far → projection / target: the members behind first, the furthest behind first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var (plain, leader) = Thresholds(scope);
        var rows = await Rows(scope.For(organizationId), withHoursOnly: false)
            .OrderBy(r => r.Hours >= (r.IsLeader ? leader : plain)).ThenBy(r => r.Hours).ThenBy(r => r.Id).Take(limit).ToListAsync(ct);
        var rules = StudyRuleSet.Load();
        var to = scope.To;
        return rows.Select(r =>
        {
            var target = rules.TargetHours(r.IsLeader);
            var projection = StudyQueries.ProjectionFor(r.Hours, to.Year, to);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{r.Hours:0.#} → {projection:0.#} / {target:0.#}");
            return new IndicatorRecord(r.Name, null, r.Hours >= (r.IsLeader ? leader : plain), detail, $"/Study/Hours?org={organizationId}&year={to.Year}");
        }).ToList();
    }

    private static (double Plain, double Leader) Thresholds(AssessmentScope scope)
    {
        var rules = StudyRuleSet.Load();
        return (Threshold(rules.TargetHours(false), scope.To), Threshold(rules.TargetHours(true), scope.To));
    }
}
