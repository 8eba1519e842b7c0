using System.Globalization;
using Bastion.Members;
using Bastion.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// volunteer-participation: the organization's active members (joined by the period's last day) with attendance
/// recorded at a service activity (志愿服务 and the other kinds) held in the period and not cancelled / those members.
/// Two grouped statements.
/// </summary>
public sealed class VolunteerParticipationSource : IIndicatorSource
{
    public string Code => "volunteer-participation";

    private static IQueryable<Member> Members(AssessmentScope scope)
    {
        var to = scope.To;
        return from m in scope.Db.Members
               join o in scope.Organizations on m.OrganizationId equals o.Id
               where m.Status == MemberStatus.Active && m.JoinedOn <= to
               select m;
    }

    /// <summary>Attendances at activities held in the period and not cancelled.</summary>
    private static IQueryable<ServiceSignUp> Served(AssessmentScope scope)
    {
        var db = scope.Db;
        var (start, to) = (scope.From, scope.To);
        return from s in db.Set<ServiceSignUp>()
               join a in db.Set<ServiceActivity>() on s.ActivityId equals a.Id
               where s.Attended == true && !a.Cancelled && a.HeldOn >= start && a.HeldOn <= to
               select s;
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var served = Served(scope);
        var members = Members(scope);
        var total = await members.GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var serving = await members.Where(m => served.Any(s => s.MemberId == m.Id))
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Figures.ToFractions(total, r => r.Key, r => serving.GetValueOrDefault(r.Key), r => r.Count);
    }

    /// <summary>Every active member with the hours served in the period and the last activity's date: those who did not serve first.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var served = Served(scope);
        var rows = await Members(scope.For(organizationId))
            .Select(m => new
            {
                m.Id, m.Name,
                Times = served.Count(s => s.MemberId == m.Id),
                Hours = served.Where(s => s.MemberId == m.Id).Sum(s => (double?)s.Hours) ?? 0.0,
                Last = served.Where(s => s.MemberId == m.Id).Max(s => (DateOnly?)s.HeldOn),
            })
            .OrderBy(m => m.Times > 0).ThenBy(m => m.Name).ThenBy(m => m.Id).Take(limit).ToListAsync(ct);
        var year = scope.To.Year;
        return rows.Select(m => new IndicatorRecord(m.Name, m.Last, m.Times > 0, m.Hours.ToString("0.#", CultureInfo.InvariantCulture),
            $"/Volunteering/Hours?organizationId={organizationId}&year={year}")).ToList();
    }
}
