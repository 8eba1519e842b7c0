using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Cascades;

/// <summary>
/// Counts of one organization's subtree for one cascade, in exclusive buckets (see <see cref="CascadeRules.Bucket"/>):
/// Completed + Submitted + Overdue + NotStarted + InProgress = Total.
/// </summary>
public sealed record RollUpRow(
    long OrganizationId, string Name, OrganizationKind Kind, long? ParentId, int Depth,
    int Total, int Completed, int Submitted, int Overdue, int NotStarted, int InProgress)
{
    /// <summary>Completed share of the targets, 0–100 (0 with no targets).</summary>
    public double CompletionPercent => Total == 0 ? 0 : Math.Round(100.0 * Completed / Total, 1);
}

/// <summary>One target as inboxes and lists show it.</summary>
public sealed record TargetView(
    long Id, long CascadeId, CascadeSubject Subject, string Title, long OrganizationId, string OrganizationName,
    long AssignedByOrganizationId, long? ParentTargetId, string? Instructions, DateOnly DueOn, TargetState State, RollUpBucket Bucket,
    int Percent, DateOnly? AcknowledgedOn, DateOnly? SubmittedOn, DateOnly? CompletedOn, string? ReturnReason);

public sealed record TargetEventView(long Id, TargetEventKind Kind, int? Percent, decimal? Number, string? Text, DateTime CreatedAt, string CreatedBy);

/// <summary>Reads of cascades; every count is one grouped statement, whatever the size of the tree.</summary>
public static class CascadeQueries
{
    /// <summary>Cascades the caller may see: issued in their subtree, or with a target in it.</summary>
    public static IQueryable<Cascade> Visible(BastionDb db) =>
        db.Set<Cascade>().Where(c => db.Organizations.Any(o => o.Id == c.IssuerOrganizationId)
                                     || db.Set<CascadeTarget>().Any(t => t.CascadeId == c.Id));

    /// <summary>
    /// The roll-up of <paramref name="cascadeId"/> for each organization in <paramref name="nodes"/>: the targets whose
    /// organization lies in the node's subtree (path range join), grouped per node. One statement; nodes without
    /// targets below are left out.
    /// </summary>
    public static IQueryable<RollUpRow> RollUp(BastionDb db, long cascadeId, IQueryable<Organization> nodes, DateOnly today) =>
        from n in nodes
        from o in db.Organizations
        where string.Compare(o.Path, n.Path) >= 0 && string.Compare(o.Path, n.Path + "~") < 0
        join t in db.Set<CascadeTarget>() on o.Id equals t.OrganizationId
        where t.CascadeId == cascadeId
        group t by new { n.Id, n.Name, n.Kind, n.ParentId, n.Depth } into g
        select new RollUpRow(g.Key.Id, g.Key.Name, g.Key.Kind, g.Key.ParentId, g.Key.Depth,
            g.Count(),
            g.Count(t => t.State == TargetState.Completed),
            g.Count(t => t.State == TargetState.Submitted),
            g.Count(t => t.State != TargetState.Completed && t.State != TargetState.Submitted && t.DueOn < today),
            g.Count(t => t.State == TargetState.NotStarted && t.DueOn >= today),
            g.Count(t => t.State != TargetState.NotStarted && t.State != TargetState.Completed && t.State != TargetState.Submitted && t.DueOn >= today));

    /// <summary>
    /// The tree-table level at <paramref name="nodeId"/>: the node itself first, then its children that have targets
    /// below, most overdue first. Null when the cascade or the node is not visible.
    /// </summary>
    public static async Task<List<RollUpRow>?> LevelAsync(BastionDb db, long cascadeId, long nodeId, CancellationToken ct = default)
    {
        if (!await Visible(db).AnyAsync(c => c.Id == cascadeId, ct)) return null;
        if (!await db.Organizations.AnyAsync(o => o.Id == nodeId, ct)) return null;
        var today = Clock.Today(db.Time);
        var rows = await RollUp(db, cascadeId, db.Organizations.Where(o => o.Id == nodeId || o.ParentId == nodeId), today).ToListAsync(ct);
        var self = rows.FirstOrDefault(r => r.OrganizationId == nodeId);
        var children = rows.Where(r => r.OrganizationId != nodeId)
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.CompletionPercent).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return self is null ? children : [self, .. children];
    }

    /// <summary>
    /// Every organization of the node's subtree that has targets below, in tree order (for exports). Two statements:
    /// the targets counted per organization and bucket (one grouped query), and the subtree's organizations; the counts
    /// are then added up along the paths in memory, which at city scale is far cheaper than a path-range join per node.
    /// </summary>
    public static async Task<List<RollUpRow>?> SubtreeAsync(BastionDb db, long cascadeId, long nodeId, int? maxDepth = null, CancellationToken ct = default)
    {
        if (!await Visible(db).AnyAsync(c => c.Id == cascadeId, ct)) return null;
        var node = await db.Organizations.Where(o => o.Id == nodeId).Select(o => new { o.Path, o.Depth }).FirstOrDefaultAsync(ct);
        if (node is null) return null;
        var today = Clock.Today(db.Time);
        var subtree = OrganizationQueries.InSubtree(db, node.Path);
        var perOrg = await (from t in db.Set<CascadeTarget>()
                            where t.CascadeId == cascadeId && subtree.Any(o => o.Id == t.OrganizationId)
                            group t by t.OrganizationId into g
                            select new
                            {
                                OrganizationId = g.Key, Total = g.Count(),
                                Completed = g.Count(t => t.State == TargetState.Completed),
                                Submitted = g.Count(t => t.State == TargetState.Submitted),
                                Overdue = g.Count(t => t.State != TargetState.Completed && t.State != TargetState.Submitted && t.DueOn < today),
                                NotStarted = g.Count(t => t.State == TargetState.NotStarted && t.DueOn >= today),
                            }).ToListAsync(ct);
        var nodes = subtree;
        if (maxDepth is { } d) nodes = nodes.Where(o => o.Depth <= node.Depth + d);
        var orgs = await nodes.OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Kind, o.ParentId, o.Depth, o.Path }).ToListAsync(ct);
        var byId = orgs.ToDictionary(o => o.Id);
        var paths = perOrg.Count == 0 ? [] : await subtree.Where(o => perOrg.Select(p => p.OrganizationId).Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var sums = new Dictionary<long, int[]>();
        foreach (var p in perOrg)
        {
            // Each organization's counts go to every ancestor within the node's subtree (itself included).
            foreach (var ancestor in TreePath.Ids(paths[p.OrganizationId]))
            {
                if (!byId.ContainsKey(ancestor)) continue;
                if (!sums.TryGetValue(ancestor, out var s)) sums[ancestor] = s = new int[5];
                s[0] += p.Total; s[1] += p.Completed; s[2] += p.Submitted; s[3] += p.Overdue; s[4] += p.NotStarted;
            }
        }
        return orgs.Where(o => sums.ContainsKey(o.Id)).Select(o =>
        {
            var s = sums[o.Id];
            return new RollUpRow(o.Id, o.Name, o.Kind, o.ParentId, o.Depth, s[0], s[1], s[2], s[3], s[4], s[0] - s[1] - s[2] - s[3] - s[4]);
        }).ToList();
    }

    /// <summary>Targets of the cascade in the node's subtree, optionally one bucket only, most urgent first.</summary>
    public static async Task<Page<TargetView>> TargetsAsync(BastionDb db, long cascadeId, long nodeId, RollUpBucket? bucket, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var today = Clock.Today(db.Time);
        var path = await db.Organizations.Where(o => o.Id == nodeId).Select(o => o.Path).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Organization {nodeId}");
        var orgs = OrganizationQueries.InSubtree(db, path);
        var query = db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && orgs.Any(o => o.Id == t.OrganizationId));
        query = bucket switch
        {
            RollUpBucket.Completed => query.Where(t => t.State == TargetState.Completed),
            RollUpBucket.Submitted => query.Where(t => t.State == TargetState.Submitted),
            RollUpBucket.Overdue => query.Where(CascadeRules.Overdue(today)),
            RollUpBucket.NotStarted => query.Where(t => t.State == TargetState.NotStarted && t.DueOn >= today),
            RollUpBucket.InProgress => query.Where(t => t.State != TargetState.NotStarted && t.State != TargetState.Completed && t.State != TargetState.Submitted && t.DueOn >= today),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var items = await Views(db, query.OrderBy(t => t.State == TargetState.Completed ? 1 : 0).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
            .Skip((p - 1) * size).Take(size), today).ToListAsync(ct);
        return new Page<TargetView>(items, p, size, total);
    }

    /// <summary>The targets an organization itself has received (its inbox), open ones first; optionally one subject only.</summary>
    public static async Task<Page<TargetView>> InboxAsync(BastionDb db, long organizationId, CascadeSubject? subject, bool openOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var today = Clock.Today(db.Time);
        var query = db.Set<CascadeTarget>().Where(t => t.OrganizationId == organizationId);
        if (subject is { } s) query = query.Where(t => db.Set<Cascade>().Any(c => c.Id == t.CascadeId && c.Subject == s));
        if (openOnly) query = query.Where(t => t.State != TargetState.Completed);
        var total = await query.CountAsync(ct);
        var items = await Views(db, query.OrderBy(t => t.State == TargetState.Completed ? 1 : t.State == TargetState.Submitted ? 1 : 0)
            .ThenBy(t => t.DueOn).ThenByDescending(t => t.Id).Skip((p - 1) * size).Take(size), today).ToListAsync(ct);
        return new Page<TargetView>(items, p, size, total);
    }

    public static async Task<TargetView?> TargetAsync(BastionDb db, long targetId, CancellationToken ct = default) =>
        await Views(db, db.Set<CascadeTarget>().Where(t => t.Id == targetId), Clock.Today(db.Time)).FirstOrDefaultAsync(ct);

    /// <summary>The target of a cascade at one organization, or null.</summary>
    public static async Task<TargetView?> TargetAtAsync(BastionDb db, long cascadeId, long organizationId, CancellationToken ct = default) =>
        await Views(db, db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.OrganizationId == organizationId), Clock.Today(db.Time)).FirstOrDefaultAsync(ct);

    public static async Task<List<TargetEventView>> TimelineAsync(BastionDb db, long targetId, CancellationToken ct = default) =>
        await db.Set<CascadeTargetEvent>().Where(e => e.TargetId == targetId).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new TargetEventView(e.Id, e.Kind, e.Percent, e.Number, e.Text, e.CreatedAt, e.CreatedBy)).ToListAsync(ct);

    private static IQueryable<TargetView> Views(BastionDb db, IQueryable<CascadeTarget> targets, DateOnly today) =>
        from t in targets
        join c in db.Set<Cascade>() on t.CascadeId equals c.Id
        join o in db.Organizations on t.OrganizationId equals o.Id
        select new TargetView(t.Id, t.CascadeId, c.Subject, c.Title, t.OrganizationId, o.Name, t.AssignedByOrganizationId, t.ParentTargetId,
            t.Instructions, t.DueOn, t.State,
            t.State == TargetState.Completed ? RollUpBucket.Completed
            : t.State == TargetState.Submitted ? RollUpBucket.Submitted
            : t.DueOn < today ? RollUpBucket.Overdue
            : t.State == TargetState.NotStarted ? RollUpBucket.NotStarted : RollUpBucket.InProgress,
            t.Percent, t.AcknowledgedOn, t.SubmittedOn, t.CompletedOn, t.ReturnReason);
}
