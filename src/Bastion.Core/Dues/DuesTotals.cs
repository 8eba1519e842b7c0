using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Dues;

/// <summary>Dues collected in one part of the tree for a year: the organization itself or one of its children with everything below it.</summary>
public sealed record DuesTotalRow(long OrganizationId, string Name, decimal Amount, int MonthsPaid, int MembersPaying);

/// <summary>党费收缴 totals of a subtree for a year, per direct child, with the grand total.</summary>
public sealed record DuesTotals(long OrganizationId, int Year, decimal Amount, int MonthsPaid, int MembersPaying, IReadOnlyList<DuesTotalRow> Rows);

public static class DuesTotalsQuery
{
    /// <summary>
    /// Three statements whatever the subtree's size: the children, one grouped sum per collecting organization (the
    /// payments' own organization, so dues follow where they were collected), and the distinct paying members. The
    /// sums are added up to the children along the paths in memory. Null when the organization is out of scope.
    /// </summary>
    public static async Task<DuesTotals?> ForSubtreeAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == root.Id).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
        var subtree = OrganizationQueries.InSubtree(db, root.Path);
        var payments = db.Set<DuesPayment>().AsNoTracking().Where(p => p.Month >= from && p.Month <= to && subtree.Any(o => o.Id == p.OrganizationId));
        var sums = await payments
            .GroupBy(p => p.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Amount = g.Sum(p => p.Amount), Months = g.Count(), Members = g.Select(p => p.MemberId).Distinct().Count() })
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { s.Amount, s.Months, s.Members, o.Path })
            .ToListAsync(ct);
        var payingMembers = await payments.Select(p => p.MemberId).Distinct().CountAsync(ct);

        DuesTotalRow Row(long id, string name, string path)
        {
            var mine = sums.Where(s => TreePath.Contains(path, s.Path)).ToList();
            // A member who paid through two organizations of the subtree in the year is counted in both rows.
            return new DuesTotalRow(id, name, mine.Sum(s => s.Amount), mine.Sum(s => s.Months), mine.Sum(s => s.Members));
        }
        var rows = new List<DuesTotalRow>();
        var own = sums.Where(s => s.Path == root.Path).ToList();
        if (own.Count > 0) rows.Add(new DuesTotalRow(root.Id, root.Name, own.Sum(s => s.Amount), own.Sum(s => s.Months), own.Sum(s => s.Members)));
        rows.AddRange(children.Select(c => Row(c.Id, c.Name, c.Path)));
        return new DuesTotals(root.Id, year, sums.Sum(s => s.Amount), sums.Sum(s => s.Months), payingMembers, rows);
    }
}
