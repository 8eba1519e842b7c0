using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Study;

public sealed record MaterialView(long Id, string Title, MaterialKind Kind, double CreditHours, int LengthMinutes, int MinimumMinutes, long? CampaignId, DateTime CreatedAt, bool Completed);

public sealed record LedgerEntry(DateOnly On, string Title, string Source, int? Minutes, bool Counted, double Hours);

/// <summary>A member's 学时 for a year against the rule set's target, with the projection for the year.</summary>
public sealed record MemberLedger(long MemberId, string MemberName, int Year, bool IsLeader, double Target, double StudyHours, double TrainingHours,
    double Hours, double Projection, bool Behind, IReadOnlyList<LedgerEntry> Entries, string RuleVersion);

public sealed record MemberHours(long MemberId, string Name, long OrganizationId, bool IsLeader, double Hours, double Target, double Projection, bool Behind);

/// <summary>Per organization of a subtree (the node included): members, members behind, hours, summed over the node's subtree.</summary>
public sealed record HoursRollUpRow(long OrganizationId, string Name, OrganizationKind Kind, long? ParentId, int Depth, int Members, int Behind, double Hours)
{
    public double AverageHours => Members == 0 ? 0 : Math.Round(Hours / Members, 1);
}

public static class StudyQueries
{
    public const string MaterialOwner = "StudyMaterial";

    /// <summary>The paths of the scope root and its ancestors: material published there reaches the caller.</summary>
    private static List<string> AncestorPaths(BastionDb db)
    {
        var scope = db.Scope.Path;
        if (scope == TreePath.Everything) return [];
        var ids = TreePath.Ids(scope);
        var paths = new List<string>(ids.Count);
        string? path = null;
        foreach (var id in ids) paths.Add(path = TreePath.Child(path, id));
        return paths;
    }

    /// <summary>Materials published within the caller's subtree or by an organization above it.</summary>
    public static IQueryable<StudyMaterial> VisibleMaterials(BastionDb db)
    {
        var up = AncestorPaths(db);
        var lo = db.Scope.Path;
        var hi = TreePath.UpperBound(lo);
        return db.Set<StudyMaterial>().Where(m => up.Contains(m.PublisherPath) || (string.Compare(m.PublisherPath, lo) >= 0 && string.Compare(m.PublisherPath, hi) < 0));
    }

    public static IQueryable<StudyCampaign> VisibleCampaigns(BastionDb db)
    {
        var up = AncestorPaths(db);
        var lo = db.Scope.Path;
        var hi = TreePath.UpperBound(lo);
        return db.Set<StudyCampaign>().Where(c => up.Contains(c.PublisherPath) || (string.Compare(c.PublisherPath, lo) >= 0 && string.Compare(c.PublisherPath, hi) < 0));
    }

    /// <summary>Visible materials, latest first, marked completed when the member has a counted record: one statement.</summary>
    public static async Task<Page<MaterialView>> MaterialsAsync(BastionDb db, long? memberId, long? campaignId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = VisibleMaterials(db);
        if (campaignId is { } c) query = query.Where(m => m.CampaignId == c);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((p - 1) * size).Take(size)
            .Select(m => new MaterialView(m.Id, m.Title, m.Kind, m.CreditHours, m.LengthMinutes, m.MinimumMinutes, m.CampaignId, m.CreatedAt,
                memberId != null && db.Set<StudyRecord>().Any(r => r.MemberId == memberId && r.MaterialId == m.Id && r.Counted)))
            .ToListAsync(ct);
        return new Page<MaterialView>(items, p, size, total);
    }

    public static Task<StudyMaterial?> MaterialAsync(BastionDb db, long id, CancellationToken ct = default) =>
        VisibleMaterials(db).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Members who hold a current committee post (not a group leader) count as leaders for the yearly target.</summary>
    private static IQueryable<long> LeaderIds(BastionDb db) =>
        db.Set<Position>().Where(p => p.EndedOn == null && p.Role != PositionRole.GroupLeader).Select(p => p.MemberId);

    /// <summary>The member's ledger for the year: every record and attendance, their sums, the target and the projection.</summary>
    public static async Task<MemberLedger?> MemberAsync(BastionDb db, long memberId, int year, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
        if (member is null) return null;
        var rules = StudyRuleSet.Load();
        var isLeader = await LeaderIds(db).AnyAsync(id => id == memberId, ct);
        var studies = await (from r in db.Set<StudyRecord>()
                             where r.MemberId == memberId && r.Year == year && r.FinishedAt != null
                             join m in db.Set<StudyMaterial>() on r.MaterialId equals m.Id
                             orderby r.FinishedAt
                             select new { r.FinishedAt, m.Title, r.Minutes, r.Counted, r.Hours }).ToListAsync(ct);
        var trainings = await (from a in db.Set<TrainingAttendance>()
                               where a.MemberId == memberId && a.Year == year
                               join s in db.Set<TrainingSession>() on a.SessionId equals s.Id
                               orderby s.HeldOn
                               select new { s.HeldOn, s.Title, a.Hours }).ToListAsync(ct);
        var entries = studies.Select(s => new LedgerEntry(DateOnly.FromDateTime(s.FinishedAt!.Value), s.Title, "study", s.Minutes, s.Counted, s.Hours))
            .Concat(trainings.Select(t => new LedgerEntry(t.HeldOn, t.Title, "training", null, true, t.Hours)))
            .OrderBy(e => e.On).ToList();
        var studyHours = studies.Sum(s => s.Hours);
        var trainingHours = trainings.Sum(t => t.Hours);
        var hours = studyHours + trainingHours;
        var target = rules.TargetHours(isLeader);
        var projection = ProjectionFor(hours, year, Clock.Today(db.Time));
        return new MemberLedger(member.Id, member.Name, year, isLeader, target, studyHours, trainingHours, hours, projection, projection < target, entries, rules.Version);
    }

    /// <summary>For a past year the hours themselves; for the current year the projection; for a future year 0.</summary>
    public static double ProjectionFor(double hours, int year, DateOnly today) =>
        year < today.Year ? hours : year > today.Year ? 0 : StudyRuleSet.Projection(hours, today);

    /// <summary>
    /// Active members of the subtree with their hours for the year (study + training, two grouped sums in one
    /// statement), target and projection; behind first.
    /// </summary>
    public static async Task<List<MemberHours>?> MembersAsync(BastionDb db, long organizationId, int year, bool behindOnly, int limit = 1000, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var rows = await HoursQuery(db, path, year).ToListAsync(ct);
        var rules = StudyRuleSet.Load();
        var today = Clock.Today(db.Time);
        var result = rows.Select(r =>
        {
            var target = rules.TargetHours(r.IsLeader);
            var projection = ProjectionFor(r.Hours, year, today);
            return new MemberHours(r.Id, r.Name, r.OrganizationId, r.IsLeader, r.Hours, target, projection, projection < target);
        }).Where(m => !behindOnly || m.Behind).OrderByDescending(m => m.Behind).ThenBy(m => m.Projection - m.Target).ThenBy(m => m.Name, StringComparer.Ordinal).Take(limit).ToList();
        return result;
    }

    /// <summary>One organization's members, members behind pace and hours (the roll-up's grouped statement).</summary>
    public sealed record OrganizationHours(long OrganizationId, int Members, int Behind, double Hours);

    /// <summary>
    /// Members, members behind and hours per organization of a subtree in one grouped statement: per-member hours from
    /// counted study and training attendance (UNION ALL, grouped), leaders from current committee posts. Written in SQL
    /// because the provider cannot group over per-member sums; the subtree lies within the caller's scope (checked by the caller).
    /// </summary>
    private static Task<List<OrganizationHours>> PerOrganizationAsync(BastionDb db, string path, int year, double plain, double leader, CancellationToken ct)
    {
        var hi = TreePath.UpperBound(path);
        var active = (int)MemberStatus.Active;
        var groupLeader = (int)PositionRole.GroupLeader;
        return db.Database.SqlQuery<OrganizationHours>($"""
            SELECT m."OrganizationId" AS "OrganizationId", COUNT(*) AS "Members",
                   SUM(CASE WHEN COALESCE(h.hours, 0) < (CASE WHEN l.id IS NULL THEN {plain} ELSE {leader} END) - 0.000000001 THEN 1 ELSE 0 END) AS "Behind",
                   COALESCE(SUM(h.hours), 0) AS "Hours"
            FROM "Members" m
            JOIN "Organizations" o ON o."Id" = m."OrganizationId"
            LEFT JOIN (SELECT u."MemberId" AS id, SUM(u."Hours") AS hours FROM (
                           SELECT r."MemberId", r."Hours" FROM "StudyRecords" r WHERE r."Year" = {year} AND r."Counted"
                           UNION ALL
                           SELECT a."MemberId", a."Hours" FROM "TrainingAttendances" a WHERE a."Year" = {year}) u
                       GROUP BY u."MemberId") h ON h.id = m."Id"
            LEFT JOIN (SELECT DISTINCT p."MemberId" AS id FROM "Positions" p WHERE p."EndedOn" IS NULL AND p."Role" <> {groupLeader}) l ON l.id = m."Id"
            WHERE m."Status" = {active} AND o."Path" >= {path} AND o."Path" < {hi}
            GROUP BY m."OrganizationId"
            """).ToListAsync(ct);
    }

    private sealed record HoursRow(long Id, string Name, long OrganizationId, bool IsLeader, double Hours);

    private static IQueryable<HoursRow> HoursQuery(BastionDb db, string path, int year)
    {
        var orgs = OrganizationQueries.InSubtree(db, path);
        var leaders = LeaderIds(db);
        // Hours per member for the year: counted study and training attendance, summed in one grouped derived table.
        var hours = db.Set<StudyRecord>().Where(r => r.Year == year && r.Counted).Select(r => new { r.MemberId, r.Hours })
            .Concat(db.Set<TrainingAttendance>().Where(a => a.Year == year).Select(a => new { a.MemberId, a.Hours }))
            .GroupBy(x => x.MemberId).Select(g => new { MemberId = g.Key, Hours = g.Sum(x => x.Hours) });
        return from m in db.Members
               where m.Status == MemberStatus.Active && orgs.Any(o => o.Id == m.OrganizationId)
               join h in hours on m.Id equals h.MemberId into hj
               from h in hj.DefaultIfEmpty()
               select new HoursRow(m.Id, m.Name, m.OrganizationId, leaders.Contains(m.Id), (double?)h.Hours ?? 0.0);
    }

    /// <summary>
    /// Members and members behind per organization of the node's subtree, summed up the tree: one grouped statement
    /// per organization (members with their hours, grouped in SQL by organization and leader flag and pace), then the
    /// counts are added up along the paths in memory. Nodes are the node and its children.
    /// </summary>
    public static async Task<List<HoursRollUpRow>?> RollUpAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        var node = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Path }).FirstOrDefaultAsync(ct);
        if (node is null) return null;
        var rules = StudyRuleSet.Load();
        var today = Clock.Today(db.Time);
        // Behind: projection below target, i.e. hours below target × the share of the year gone (past years: the whole year).
        var share = year < today.Year ? 1.0 : year > today.Year ? 0.0
            : (today.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1) / (double)(DateTime.IsLeapYear(year) ? 366 : 365);
        var plain = rules.AnnualHours * share;
        var leader = rules.LeaderAnnualHours * share;
        var perOrg = await PerOrganizationAsync(db, node.Path, year, plain, leader, ct);
        var nodes = await db.Organizations.Where(o => o.Id == organizationId || o.ParentId == organizationId)
            .Select(o => new { o.Id, o.Name, o.Kind, o.ParentId, o.Depth, o.Path }).ToListAsync(ct);
        var orgPaths = await OrganizationQueries.InSubtree(db, node.Path).Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var rowsOut = new List<HoursRollUpRow>();
        foreach (var n in nodes.OrderBy(n => n.Id == organizationId ? 0 : 1).ThenBy(n => n.Name, StringComparer.Ordinal))
        {
            var inside = perOrg.Where(p => orgPaths.TryGetValue(p.OrganizationId, out var pp) && TreePath.Contains(n.Path, pp)).ToList();
            rowsOut.Add(new HoursRollUpRow(n.Id, n.Name, n.Kind, n.ParentId, n.Depth, inside.Sum(i => i.Members), inside.Sum(i => i.Behind), Math.Round(inside.Sum(i => i.Hours), 1)));
        }
        var self = rowsOut[0];
        return [self, .. rowsOut.Skip(1).Where(r => r.Members > 0).OrderByDescending(r => r.Members == 0 ? 0 : (double)r.Behind / r.Members)];
    }
}
