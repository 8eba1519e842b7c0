using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

/// <summary>The structure findings of a subtree: facts gathered set-based (four queries whatever the size), then <see cref="StructureRules"/>.</summary>
public static class StructureFindings
{
    /// <summary>Every finding in the subtree of <paramref name="organizationId"/>, most severe first then in tree order; null when out of scope.</summary>
    public static async Task<IReadOnlyList<StructureFinding>?> ForSubtreeAsync(BastionDb db, long organizationId, DateOnly today, CancellationToken ct = default)
    {
        var facts = await FactsAsync(db, organizationId, ct);
        if (facts is null) return null;
        return facts
            .SelectMany(f => StructureRules.Check(f.Facts, today).Select(finding => (finding, f.Path)))
            .OrderByDescending(x => x.finding.Severity).ThenBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.finding.Rule, StringComparer.Ordinal)
            .Select(x => x.finding)
            .ToList();
    }

    /// <summary>One page of <see cref="ForSubtreeAsync"/>, optionally only findings of one severity or more.</summary>
    public static async Task<Page<StructureFinding>?> PageAsync(BastionDb db, long organizationId, DateOnly today, FindingSeverity? minimum, int? page, int? pageSize, CancellationToken ct = default)
    {
        var all = await ForSubtreeAsync(db, organizationId, today, ct);
        if (all is null) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var selected = minimum is null ? all : all.Where(f => f.Severity >= minimum).ToList();
        return new Page<StructureFinding>(selected.Skip((p - 1) * size).Take(size).ToList(), p, size, selected.Count);
    }

    private sealed record Row(long Id, string Name, OrganizationKind Kind, UnitType? UnitType, long? ParentId, string Path, DateOnly? TermStartedOn, int? TermYears);

    private static async Task<List<(OrganizationFacts Facts, string Path)>?> FactsAsync(BastionDb db, long organizationId, CancellationToken ct)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Path, o.ParentId }).FirstOrDefaultAsync(ct);
        if (root is null) return null;

        var rows = await OrganizationQueries.InSubtree(db, root.Path).AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Active)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.UnitType, o.ParentId, o.Path, o.TermStartedOn, o.TermYears))
            .ToListAsync(ct);

        // One grouped query: active members per organization and category, over the subtree range.
        var counts = await (
                from m in db.Members
                join o in OrganizationQueries.InSubtree(db, root.Path) on m.OrganizationId equals o.Id
                where m.Status == MemberStatus.Active
                group m by new { m.OrganizationId, m.Category } into g
                select new { g.Key.OrganizationId, g.Key.Category, Count = g.Count() })
            .ToListAsync(ct);

        // Current committee positions (Positions module), one grouped query over the same range.
        var committees = await Positions.CommitteeSizes.ForOrganizationsAsync(db, OrganizationQueries.InSubtree(db, root.Path), ct);

        var rootParentKind = root.ParentId is { } parentId
            ? await db.Organizations.Where(o => o.Id == parentId).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct)
            : null;

        var byId = rows.ToDictionary(r => r.Id);
        var full = counts.Where(c => c.Category == MemberCategory.Full).ToDictionary(c => c.OrganizationId, c => c.Count);
        var direct = counts.GroupBy(c => c.OrganizationId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var subtree = new Dictionary<long, int>();
        foreach (var (orgId, count) in direct)
        {
            if (!byId.TryGetValue(orgId, out var row)) continue;
            foreach (var ancestor in TreePath.Ids(row.Path))
                if (byId.ContainsKey(ancestor)) subtree[ancestor] = subtree.GetValueOrDefault(ancestor) + count;
        }
        var withBranchChildren = rows
            .Where(r => r.ParentId is not null && r.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch or OrganizationKind.GeneralBranch)
            .Select(r => r.ParentId!.Value).ToHashSet();

        return rows.Select(r => (new OrganizationFacts
        {
            Id = r.Id, Name = r.Name, Kind = r.Kind, UnitType = r.UnitType,
            ParentKind = r.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Kind : r.Id == organizationId ? rootParentKind : null,
            HasBranchChildren = withBranchChildren.Contains(r.Id),
            FullMembers = full.GetValueOrDefault(r.Id), Members = direct.GetValueOrDefault(r.Id), SubtreeMembers = subtree.GetValueOrDefault(r.Id),
            // No current holder at all counts as size 0: a branch that must have a committee and records none is reported.
            CommitteeSize = committees.TryGetValue(r.Id, out var committee) ? committee.Members : 0,
            TermStartedOn = r.TermStartedOn, TermYears = r.TermYears,
        }, r.Path)).ToList();
    }
}
