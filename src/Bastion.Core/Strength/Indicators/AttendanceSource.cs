using Bastion.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Attendance against 应到会: of the attendance recorded for the organization's meetings held in the period (one row per
/// person who should attend, exclusions left out), those present.
/// </summary>
public sealed class AttendanceSource : IIndicatorSource
{
    public string Code => "attendance";

    private static IQueryable<MeetingAttendance> Rows(AssessmentScope scope) =>
        from a in scope.Db.Set<MeetingAttendance>()
        join m in scope.Db.Set<Meeting>() on a.MeetingId equals m.Id
        where m.Status == MeetingStatus.Held && m.HeldOn >= scope.From && m.HeldOn <= scope.To
              && scope.Organizations.Any(o => o.Id == m.OrganizationId)
        select a;

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var rows = await Rows(scope).GroupBy(a => a.OrganizationId)
            .Select(g => new { g.Key, Present = g.Count(a => a.Status == AttendanceStatus.Present), All = g.Count() }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.Present, r => r.All);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var rows = await (from a in Rows(scope.For(organizationId))
                          join m in scope.Db.Set<Meeting>() on a.MeetingId equals m.Id
                          join p in scope.Db.Members on a.MemberId equals p.Id
                          orderby a.Status == AttendanceStatus.Present, m.HeldOn, p.Name
                          select new { p.Name, m.Topic, m.HeldOn, m.Id, a.Status }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.Name, r.HeldOn, r.Status == AttendanceStatus.Present, r.Topic, $"/Meetings/Details/{r.Id}")).ToList();
    }
}
