using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

public sealed record OrganizationSummary(long Id, string Name, OrganizationKind Kind, OrganizationStatus Status, long? ParentId, int Depth, int ChildCount);

public sealed record OrganizationDetail(
    long Id, string Name, OrganizationKind Kind, OrganizationStatus Status, long? ParentId, string Path, int Depth, long RegionId,
    IReadOnlyList<OrganizationBreadcrumb> Ancestors, int ChildCount, int SubtreeOrganizations, int SubtreeMembers);

public sealed record OrganizationBreadcrumb(long Id, string Name);

public sealed record KindCount(OrganizationKind Kind, int Count);

/// <summary>Reads of the organization tree. Every query passes through the data-scope filter; a subtree is one range scan.</summary>
public static class OrganizationQueries
{
    /// <summary>The organization with its visible ancestors and subtree counts, or null when it is missing or out of scope.</summary>
    public static async Task<OrganizationDetail?> GetAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return null;
        var ancestorIds = TreePath.Ids(org.Path).Where(a => a != id).ToList();
        // Ancestors above the user's own scope stay invisible: the filter removes them.
        var ancestors = await db.Organizations.AsNoTracking()
            .Where(o => ancestorIds.Contains(o.Id)).OrderBy(o => o.Depth)
            .Select(o => new OrganizationBreadcrumb(o.Id, o.Name)).ToListAsync(ct);
        var (lo, hi) = (org.Path, TreePath.UpperBound(org.Path));
        var childCount = await db.Organizations.CountAsync(o => o.ParentId == id, ct);
        var subtree = await db.Organizations.CountAsync(o => string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0, ct);
        var members = await MembersInSubtree(db, lo, hi).CountAsync(ct);
        return new OrganizationDetail(org.Id, org.Name, org.Kind, org.Status, org.ParentId, org.Path, org.Depth, org.RegionId,
            ancestors, childCount, subtree, members);
    }

    public static async Task<Page<OrganizationSummary>?> ChildrenAsync(BastionDb db, long id, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == id, ct)) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.Organizations.AsNoTracking().Where(o => o.ParentId == id);
        var total = await query.CountAsync(ct);
        var items = await Summaries(db, query.OrderBy(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Id).Skip((p - 1) * size).Take(size))
            .ToListAsync(ct);
        return new Page<OrganizationSummary>(items, p, size, total);
    }

    /// <summary>All organizations below <paramref name="id"/> (itself included), in tree order: one indexed range scan.</summary>
    public static async Task<Page<OrganizationSummary>?> SubtreeAsync(BastionDb db, long id, OrganizationKind? kind, int? page, int? pageSize, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var hi = TreePath.UpperBound(path);
        var query = db.Organizations.AsNoTracking().Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, hi) < 0);
        if (kind is not null) query = query.Where(o => o.Kind == kind);
        var total = await query.CountAsync(ct);
        var items = await Summaries(db, query.OrderBy(o => o.Path).Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<OrganizationSummary>(items, p, size, total);
    }

    /// <summary>How many organizations of each kind the subtree holds (itself included): one grouped range scan.</summary>
    public static async Task<IReadOnlyList<KindCount>> KindCountsAsync(BastionDb db, string path, CancellationToken ct = default) =>
        await InSubtree(db, path).GroupBy(o => o.Kind).OrderBy(g => g.Key).Select(g => new KindCount(g.Key, g.Count())).ToListAsync(ct);

    /// <summary>The organization ids of a subtree as a query, for other modules to join against.</summary>
    public static IQueryable<Organization> InSubtree(BastionDb db, string path)
    {
        var hi = TreePath.UpperBound(path);
        return db.Organizations.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, hi) < 0);
    }

    private static IQueryable<Member> MembersInSubtree(BastionDb db, string lo, string hi) =>
        db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0));

    private static IQueryable<OrganizationSummary> Summaries(BastionDb db, IQueryable<Organization> query) =>
        query.Select(o => new OrganizationSummary(o.Id, o.Name, o.Kind, o.Status, o.ParentId, o.Depth,
            db.Organizations.Count(c => c.ParentId == o.Id)));
}
