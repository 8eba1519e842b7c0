using Bastion.MobileMembers;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Mobile members kept in contact: the organization's active out-flow mobile members (left on or before the as-of day),
/// those with a contact in the months before it that the member-status rule set allows (6).
/// </summary>
public sealed class MobileContactSource : IIndicatorSource
{
    public string Code => "mobile-contact";

    public static DateOnly ContactSince(AssessmentScope scope) => scope.AsOf.AddMonths(-MemberStatusRuleSet.Load().NoContactMonths);

    private static IQueryable<Row> Records(AssessmentScope scope)
    {
        var contacts = scope.Db.Set<MobileContact>();
        return scope.Db.Set<MobileRecord>()
            .Where(r => r.Direction == MobileDirection.OutFlow && r.LeftOn <= scope.AsOf
                        && (r.Status == MobileStatus.Active || (r.ReturnedOn != null && r.ReturnedOn > scope.AsOf))
                        && scope.Organizations.Any(o => o.Id == r.OrganizationId))
            .Select(r => new Row
            {
                Id = r.Id, MemberId = r.MemberId, OrganizationId = r.OrganizationId, LeftOn = r.LeftOn,
                LastContact = contacts.Where(c => c.MobileRecordId == r.Id && c.ContactedOn <= scope.AsOf).Max(c => (DateOnly?)c.ContactedOn),
            });
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long? MemberId { get; init; }
        public long OrganizationId { get; init; }
        public DateOnly LeftOn { get; init; }
        public DateOnly? LastContact { get; init; }
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var since = ContactSince(scope);
        var rows = await Records(scope).GroupBy(r => r.OrganizationId)
            .Select(g => new { g.Key, Contacted = g.Count(r => r.LastContact != null && r.LastContact > since), All = g.Count() }).ToListAsync(ct);
        return Figures.ToFractions(rows, r => r.Key, r => r.Contacted, r => r.All);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var since = ContactSince(scope);
        var rows = await (from r in Records(scope.For(organizationId))
                          join m in scope.Db.Members on r.MemberId equals m.Id into mm
                          from m in mm.DefaultIfEmpty()
                          select new { r.Id, Name = m != null ? m.Name : "", r.LastContact, r.LeftOn }).ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord(r.Name, r.LastContact ?? r.LeftOn, r.LastContact is { } c && c > since, null, "/MobileMembers"))
            .OrderBy(r => r.Counts).ThenBy(r => r.On).Take(limit).ToList();
    }
}
