using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Positions;

public sealed record PositionView(long Id, long OrganizationId, long MemberId, string MemberName, PositionRole Role, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record OrganizationPositions(long OrganizationId, IReadOnlyList<PositionView> Current, IReadOnlyList<PositionView> History, SecretaryVacancy? Vacancy);

/// <summary>Reads of positions; everything passes through the data-scope filter.</summary>
public static class PositionQueries
{
    /// <summary>Current holders with member names, secretary first: one query.</summary>
    public static async Task<IReadOnlyList<PositionView>> CurrentAsync(BastionDb db, long organizationId, CancellationToken ct = default) =>
        await (from p in db.Set<Position>()
               where p.OrganizationId == organizationId && p.EndedOn == null
               join m in db.Members on p.MemberId equals m.Id
               orderby p.Role, p.StartedOn, p.Id
               select new PositionView(p.Id, p.OrganizationId, p.MemberId, m.Name, p.Role, p.StartedOn, p.EndedOn)).ToListAsync(ct);

    /// <summary>Ended terms, latest first (at most 200).</summary>
    public static async Task<IReadOnlyList<PositionView>> HistoryAsync(BastionDb db, long organizationId, CancellationToken ct = default) =>
        await (from p in db.Set<Position>()
               where p.OrganizationId == organizationId && p.EndedOn != null
               join m in db.Members on p.MemberId equals m.Id
               orderby p.EndedOn descending, p.Role, p.Id descending
               select new PositionView(p.Id, p.OrganizationId, p.MemberId, m.Name, p.Role, p.StartedOn, p.EndedOn)).Take(200).ToListAsync(ct);

    /// <summary>Current holders, history and the secretary vacancy; null when the organization is missing or out of scope.</summary>
    public static async Task<OrganizationPositions?> ForOrganizationAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var current = await CurrentAsync(db, organizationId, ct);
        var history = await HistoryAsync(db, organizationId, ct);
        var vacancies = await SecretaryVacancies.ForOrganizationsAsync(db, db.Organizations.Where(o => o.Id == organizationId), ct);
        var vacancy = vacancies.Count > 0 ? vacancies[0] : null;
        return new OrganizationPositions(organizationId, current, history, vacancy);
    }

    /// <summary>One position with its member's name, or null when missing or out of scope.</summary>
    public static async Task<PositionView?> GetAsync(BastionDb db, long positionId, CancellationToken ct = default) =>
        await Views(db, db.Set<Position>().Where(p => p.Id == positionId)).FirstOrDefaultAsync(ct);

    private static IQueryable<PositionView> Views(BastionDb db, IQueryable<Position> positions) =>
        from p in positions
        join m in db.Members on p.MemberId equals m.Id
        select new PositionView(p.Id, p.OrganizationId, p.MemberId, m.Name, p.Role, p.StartedOn, p.EndedOn);
}
