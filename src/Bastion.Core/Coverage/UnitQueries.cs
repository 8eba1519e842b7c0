using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Coverage;

public sealed record UnitSummary(
    long Id, string Name, UnitType UnitType, string? CreditCode, bool CreditCodeWarning, int? EmployeeCount, int PartyMemberCount,
    CoverageKind Coverage, long OrganizationId, string? OrganizationName, long? CoveringOrganizationId, string? CoveringOrganizationName);

public sealed record UnitFilter
{
    /// <summary>Units owned in this organization's subtree; null for the caller's whole scope.</summary>
    public long? OrganizationId { get; init; }
    public UnitType? UnitType { get; init; }
    public CoverageKind? Coverage { get; init; }
    /// <summary>Part of the name, or the start of the credit code.</summary>
    public string? Search { get; init; }
    public bool? CreditCodeWarning { get; init; }
}

/// <summary>Reads of the unit register; each list is one statement (names come from correlated subqueries, never per row).</summary>
public static class UnitQueries
{
    public static async Task<UnitSummary?> GetAsync(BastionDb db, long id, CancellationToken ct = default) =>
        await Summaries(db, db.Set<Unit>().AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>A page of units matching the filter, by name; null when the filter's organization is out of scope.</summary>
    public static async Task<Page<UnitSummary>?> ListAsync(BastionDb db, UnitFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (await FilteredAsync(db, filter, ct) is not { } query) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await Summaries(db, query.OrderBy(u => u.Name).ThenBy(u => u.Id).Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<UnitSummary>(items, p, size, total);
    }

    /// <summary>Up to <paramref name="max"/> units matching the filter, by name, in one statement (exports).</summary>
    public static async Task<List<UnitSummary>?> AllAsync(BastionDb db, UnitFilter filter, int max, CancellationToken ct = default) =>
        await FilteredAsync(db, filter, ct) is { } query
            ? await Summaries(db, query.OrderBy(u => u.Name).ThenBy(u => u.Id).Take(max)).ToListAsync(ct)
            : null;

    private static async Task<IQueryable<Unit>?> FilteredAsync(BastionDb db, UnitFilter filter, CancellationToken ct)
    {
        var query = db.Set<Unit>().AsNoTracking();
        if (filter.OrganizationId is { } orgId)
        {
            var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null) return null;
            var subtree = OrganizationQueries.InSubtree(db, path);
            query = query.Where(u => subtree.Any(o => o.Id == u.OrganizationId));
        }
        if (filter.UnitType is { } type) query = query.Where(u => u.UnitType == type);
        if (filter.Coverage is { } coverage) query = query.Where(u => u.Coverage == coverage);
        if (filter.CreditCodeWarning is { } warning) query = query.Where(u => u.CreditCodeWarning == warning);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var code = search.ToUpperInvariant();
            query = query.Where(u => u.Name.Contains(search) || (u.CreditCode != null && u.CreditCode.StartsWith(code)));
        }
        return query;
    }

    /// <summary>Uncovered units of the subtree: those with ≥ 3 party members (who could form a branch) first, then by party members, most first.</summary>
    public static async Task<Page<UnitSummary>?> UncoveredAsync(BastionDb db, long organizationId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var subtree = OrganizationQueries.InSubtree(db, path);
        var query = db.Set<Unit>().AsNoTracking().Where(u => u.Coverage == CoverageKind.NotCovered && subtree.Any(o => o.Id == u.OrganizationId));
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var ordered = query
            .OrderByDescending(u => u.PartyMemberCount >= CoverageRules.OwnBranchFromMembers)
            .ThenByDescending(u => u.PartyMemberCount).ThenBy(u => u.Name).ThenBy(u => u.Id);
        var items = await Summaries(db, ordered.Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<UnitSummary>(items, p, size, total);
    }

    private static IQueryable<UnitSummary> Summaries(BastionDb db, IQueryable<Unit> query) =>
        query.Select(u => new UnitSummary(
            u.Id, u.Name, u.UnitType, u.CreditCode, u.CreditCodeWarning, u.EmployeeCount, u.PartyMemberCount, u.Coverage,
            u.OrganizationId, db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            u.CoveringOrganizationId, db.Organizations.Where(o => o.Id == u.CoveringOrganizationId).Select(o => o.Name).FirstOrDefault()));
}
