using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>A member organization. Outside the caller's scope only its name is shown (<see cref="InScope"/> false).</summary>
public sealed record AllianceMemberView(long OrganizationId, string Name, bool InScope, string? Role, DateOnly JoinedOn);

public sealed record AllianceActivityView(long Id, DateOnly HeldOn, string Title, string? Summary, int ParticipantCount, long OrganizingOrganizationId, string OrganizingOrganizationName);

public sealed record AllianceSummary(
    long Id, string Name, AllianceType Type, AllianceStatus Status, long LeadOrganizationId, string LeadOrganizationName, DateOnly FoundedOn,
    IReadOnlyList<AllianceMemberView> Members, DateOnly? LastActivityOn);

public sealed record AllianceDetail(
    long Id, string Name, AllianceType Type, AllianceStatus Status, long LeadOrganizationId, string LeadOrganizationName, bool LeadInScope,
    DateOnly FoundedOn, DateOnly? EndedOn, string? AgreementSummary, IReadOnlyList<AllianceMemberView> Members, IReadOnlyList<AllianceActivityView> RecentActivities);

/// <summary>Reads of alliances visible to the caller: those whose lead or any member organization is in scope.</summary>
public static class AllianceQueries
{
    public const int RecentActivityCount = 20;

    public static async Task<Page<AllianceSummary>> ListAsync(BastionDb db, AllianceType? type, AllianceStatus? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        var query = AllianceAccess.Visible(db).AsNoTracking();
        if (type is { } t) query = query.Where(a => a.Type == t);
        if (status is { } s) query = query.Where(a => a.Status == s);
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Status == AllianceStatus.Active).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(a => new
            {
                a.Id, a.Name, a.Type, a.Status, a.LeadOrganizationId, a.FoundedOn,
                LastActivityOn = db.Set<AllianceActivity>().Where(x => x.AllianceId == a.Id).Max(x => (DateOnly?)x.HeldOn),
            })
            .ToListAsync(ct);
        var members = await MembersAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var names = await NamesAsync(db, rows.Select(r => r.LeadOrganizationId), ct);
        var items = rows.Select(r => new AllianceSummary(
            r.Id, r.Name, r.Type, r.Status, r.LeadOrganizationId, names.GetValueOrDefault(r.LeadOrganizationId, ""), r.FoundedOn,
            members.GetValueOrDefault(r.Id, []), r.LastActivityOn)).ToList();
        return new Page<AllianceSummary>(items, p, size, total);
    }

    public static async Task<AllianceDetail?> GetAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var a = await AllianceAccess.Visible(db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var members = (await MembersAsync(db, [id], ct)).GetValueOrDefault(id, []);
        var activities = await ActivitiesQuery(db, id).Take(RecentActivityCount).ToListAsync(ct);
        var names = await NamesAsync(db, activities.Select(x => x.OrganizingOrganizationId).Append(a.LeadOrganizationId), ct);
        return new AllianceDetail(
            a.Id, a.Name, a.Type, a.Status, a.LeadOrganizationId, names.GetValueOrDefault(a.LeadOrganizationId, ""),
            members.Any(m => m.OrganizationId == a.LeadOrganizationId && m.InScope) || await db.Organizations.AnyAsync(o => o.Id == a.LeadOrganizationId, ct),
            a.FoundedOn, a.EndedOn, a.AgreementSummary, members, activities.Select(x => View(x, names)).ToList());
    }

    /// <summary>The alliance's activities, latest first; null when the alliance is not visible.</summary>
    public static async Task<Page<AllianceActivityView>?> ActivitiesAsync(BastionDb db, long id, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await AllianceAccess.Visible(db).AnyAsync(a => a.Id == id, ct)) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await db.Set<AllianceActivity>().CountAsync(x => x.AllianceId == id, ct);
        var rows = await ActivitiesQuery(db, id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var names = await NamesAsync(db, rows.Select(x => x.OrganizingOrganizationId), ct);
        return new Page<AllianceActivityView>(rows.Select(x => View(x, names)).ToList(), p, size, total);
    }

    /// <summary>The members of a visible alliance; null when it is not visible.</summary>
    public static async Task<IReadOnlyList<AllianceMemberView>?> MembersAsync(BastionDb db, long id, CancellationToken ct = default) =>
        await AllianceAccess.Visible(db).AnyAsync(a => a.Id == id, ct) ? (await MembersAsync(db, [id], ct)).GetValueOrDefault(id, []) : null;

    private static IQueryable<AllianceActivity> ActivitiesQuery(BastionDb db, long id) =>
        db.Set<AllianceActivity>().AsNoTracking().Where(x => x.AllianceId == id).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id);

    private static AllianceActivityView View(AllianceActivity x, IReadOnlyDictionary<long, string> names) =>
        new(x.Id, x.HeldOn, x.Title, x.Summary, x.ParticipantCount, x.OrganizingOrganizationId, names.GetValueOrDefault(x.OrganizingOrganizationId, ""));

    /// <summary>Members of the given alliances, by alliance: three statements whatever the number of alliances.</summary>
    private static async Task<Dictionary<long, IReadOnlyList<AllianceMemberView>>> MembersAsync(BastionDb db, IReadOnlyList<long> allianceIds, CancellationToken ct)
    {
        if (allianceIds.Count == 0) return [];
        var rows = await db.Set<AllianceMember>().AsNoTracking().Where(m => allianceIds.Contains(m.AllianceId)).ToListAsync(ct);
        var orgIds = rows.Select(m => m.OrganizationId).Distinct().ToList();
        var inScope = (await db.Organizations.Where(o => orgIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var names = await NamesAsync(db, orgIds, ct);
        return rows.GroupBy(m => m.AllianceId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<AllianceMemberView>)g
                .Select(m => new AllianceMemberView(m.OrganizationId, names.GetValueOrDefault(m.OrganizationId, ""), inScope.Contains(m.OrganizationId), m.Role, m.JoinedOn))
                .OrderBy(m => m.JoinedOn).ThenBy(m => m.Name).ToList());
    }

    /// <summary>Names of organizations anywhere in the tree — the name only, never other details.</summary>
    private static async Task<Dictionary<long, string>> NamesAsync(BastionDb db, IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
