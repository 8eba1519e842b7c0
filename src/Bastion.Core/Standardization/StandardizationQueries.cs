using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Standardization;

/// <summary>An item as stored, with its rule (null if the rule set no longer names it).</summary>
public sealed record ItemView(
    long Id, string Code, string Dimension, ItemMode Mode, int Points, bool? Met, int Awarded, double? Measure, double? Numerator, double? Denominator,
    double? Threshold, string? FigureSource, string? Note, long? EvidenceId, string? InspectedBy, DateTime? InspectedAt, ChecklistItem? Rule);

public sealed record DimensionTotal(string Code, string Name, string NameEn, int Points, int Awarded);

public sealed record AssessmentView(
    long Id, long OrganizationId, string OrganizationName, int Year, AssessmentStatus Status, string RuleSetVersion, DateOnly AsOf,
    int Awarded, int? Total, StandardizationCategory? Category, bool ModelBarred, bool IdentifiedWeak, int HighWarnings, string? HighWarningsPeriod,
    string StartedBy, DateTime StartedAt, string? ConfirmedBy, DateTime? ConfirmedAt, string? SupersedeReason, long? SupersededById,
    IReadOnlyList<DimensionTotal> Dimensions, IReadOnlyList<ItemView> Items)
{
    public int OpenItems => Items.Count(i => i.Met is null);
}

/// <summary>One entry of a branch's category history (confirmed or superseded) or one of its drafts.</summary>
public sealed record HistoryEntry(
    long Id, int Year, AssessmentStatus Status, int? Total, StandardizationCategory? Category, bool ModelBarred, bool IdentifiedWeak,
    string RuleSetVersion, DateTime? ConfirmedAt, string? ConfirmedBy, string? SupersedeReason, DateTime StartedAt);

public sealed record BranchStandardization(long OrganizationId, string Name, string Path, OrganizationKind Kind, HistoryEntry? Current, IReadOnlyList<HistoryEntry> History, IReadOnlyList<HistoryEntry> Drafts);

/// <summary>A branch of the subtree with its current category (null: never confirmed).</summary>
public sealed record SubtreeRow
{
    public required long OrganizationId { get; init; }
    public required string Name { get; init; }
    public string? ParentName { get; init; }
    public int? Year { get; init; }
    public int? Total { get; init; }
    public StandardizationCategory? Category { get; init; }
    public DateTime? ConfirmedAt { get; init; }
}

public sealed record CategoryCounts(int Weak, int Standard, int Model, int NotAssessed)
{
    public int Branches => Weak + Standard + Model + NotAssessed;
}

public sealed record SubtreeStandardization(long OrganizationId, string Name, CategoryCounts Counts, Page<SubtreeRow> Rows);

/// <summary>The filter of the subtree list: one category, or branches never confirmed.</summary>
public enum CategoryFilter
{
    Weak = 1,
    Standard = 2,
    Model = 3,
    NotAssessed = 4,
}

/// <summary>Reads of standardization assessments; the data scope applies to every read.</summary>
public static class StandardizationQueries
{
    public static async Task<AssessmentView?> AssessmentAsync(BastionDb db, long id, StandardizationRuleSet? rules = null, CancellationToken ct = default)
    {
        rules ??= StandardizationRuleSet.Load();
        var a = await db.Set<StandardizationAssessment>().AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var name = await db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var order = rules.Items.Select((item, index) => (item.Code, index)).ToDictionary(x => x.Code, x => x.index);
        var items = a.Items.OrderBy(i => order.GetValueOrDefault(i.Code, int.MaxValue)).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new ItemView(i.Id, i.Code, i.Dimension, i.Mode, i.Points, i.Met, i.Awarded, i.Measure, i.Numerator, i.Denominator, i.Threshold,
                i.FigureSource, i.Note, i.EvidenceId, i.InspectedBy, i.InspectedAt, rules.Item(i.Code)))
            .ToList();
        var dimensions = rules.Dimensions
            .Select(d => new DimensionTotal(d.Code, d.Name, d.NameEn, a.Items.Where(i => i.Dimension == d.Code).Sum(i => i.Points), a.Items.Where(i => i.Dimension == d.Code).Sum(i => i.Awarded)))
            .ToList();
        return new AssessmentView(a.Id, a.OrganizationId, name, a.Year, a.Status, a.RuleSetVersion, a.AsOf, a.Items.Sum(i => i.Awarded), a.Total, a.Category,
            a.ModelBarred, a.IdentifiedWeak, a.HighWarnings, a.HighWarningsPeriod, a.StartedBy, a.StartedAt, a.ConfirmedBy, a.ConfirmedAt,
            a.SupersedeReason, a.SupersededById, dimensions, items);
    }

    /// <summary>A branch's current category, its history (every confirmed assessment, newest first) and open drafts. Two statements.</summary>
    public static async Task<BranchStandardization?> BranchAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path, o.Kind }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var all = await db.Set<StandardizationAssessment>().AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.ConfirmedAt).ThenByDescending(a => a.Id)
            .Select(a => new HistoryEntry(a.Id, a.Year, a.Status, a.Total, a.Category, a.ModelBarred, a.IdentifiedWeak, a.RuleSetVersion,
                a.ConfirmedAt, a.ConfirmedBy, a.SupersedeReason, a.StartedAt))
            .ToListAsync(ct);
        var history = all.Where(a => a.Status != AssessmentStatus.Draft).ToList();
        var current = history.FirstOrDefault(a => a.Status == AssessmentStatus.Confirmed);
        return new BranchStandardization(org.Id, org.Name, org.Path, org.Kind, current, history, all.Where(a => a.Status == AssessmentStatus.Draft).ToList());
    }

    /// <summary>
    /// Every active branch of the subtree with its current category (its newest confirmed assessment), weakest first
    /// (weak, standard, model by total, then never assessed), with counts per category. Four statements whatever the size.
    /// </summary>
    public static async Task<SubtreeStandardization?> SubtreeAsync(
        BastionDb db, long organizationId, CategoryFilter? filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Path, o.Name }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var rows = Rows(db, root.Path);

        var grouped = await rows.GroupBy(r => r.Category).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(StandardizationCategory? c) => grouped.Where(g => g.Category == c).Sum(g => g.Count);
        var counts = new CategoryCounts(Count(StandardizationCategory.Weak), Count(StandardizationCategory.Standard), Count(StandardizationCategory.Model), Count(null));

        var filtered = Filter(rows, filter);
        var (number, size) = Paging.Normalize(page, pageSize);
        var total = await filtered.CountAsync(ct);
        var items = await Ordered(filtered).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new SubtreeStandardization(organizationId, root.Name, counts, new Page<SubtreeRow>(items, number, size, total));
    }

    /// <summary>The rows of <see cref="SubtreeAsync"/> for an export, at most <see cref="Workbook.MaxRows"/>; null when out of scope.</summary>
    public static async Task<List<SubtreeRow>?> AllAsync(BastionDb db, long organizationId, CategoryFilter? filter, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        return await Ordered(Filter(Rows(db, path), filter)).Take(Workbook.MaxRows).ToListAsync(ct);
    }

    private static IQueryable<SubtreeRow> Filter(IQueryable<SubtreeRow> rows, CategoryFilter? filter) => filter switch
    {
        CategoryFilter.NotAssessed => rows.Where(r => r.Category == null),
        { } f => rows.Where(r => r.Category == (StandardizationCategory)(int)f),
        null => rows,
    };

    private static IQueryable<SubtreeRow> Ordered(IQueryable<SubtreeRow> rows) =>
        rows.OrderBy(r => r.Category == null).ThenBy(r => r.Category).ThenBy(r => r.Total).ThenBy(r => r.Name).ThenBy(r => r.OrganizationId);

    private static IQueryable<SubtreeRow> Rows(BastionDb db, string path)
    {
        var branches = OrganizationQueries.InSubtree(db, path)
            .Where(o => o.Status == OrganizationStatus.Active && (o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch));
        // The scope filter is applied once, through the branches: an assessment reaches a row only by its in-scope branch.
        // Each branch's newest confirmed assessment is read by a correlated lookup on (OrganizationId, Year, Status): a plan
        // PostgreSQL keeps whatever its statistics (joining every assessment with its newer siblings did not: over 30 s on
        // the freshly loaded demo county). At most one confirmed assessment per branch and year, since confirming supersedes.
        var confirmed = db.Set<StandardizationAssessment>().IgnoreQueryFilters().Where(a => a.Status == AssessmentStatus.Confirmed);
        // Member initialization (not a constructor), so the provider can group, filter and order on the row's members.
        return from o in branches
               select new SubtreeRow
               {
                   OrganizationId = o.Id, Name = o.Name, ParentName = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(),
                   Year = confirmed.Where(a => a.OrganizationId == o.Id).OrderByDescending(a => a.Year).Select(a => (int?)a.Year).FirstOrDefault(),
                   Total = confirmed.Where(a => a.OrganizationId == o.Id).OrderByDescending(a => a.Year).Select(a => a.Total).FirstOrDefault(),
                   Category = confirmed.Where(a => a.OrganizationId == o.Id).OrderByDescending(a => a.Year).Select(a => a.Category).FirstOrDefault(),
                   ConfirmedAt = confirmed.Where(a => a.OrganizationId == o.Id).OrderByDescending(a => a.Year).Select(a => a.ConfirmedAt).FirstOrDefault(),
               };
    }

    public static readonly string[] ExportHeaders = ["党支部", "上级组织", "考评年度", "总分", "类别", "确认时间"];

    public static string CategoryName(StandardizationCategory? category) => category switch
    {
        StandardizationCategory.Weak => "后进（软弱涣散）",
        StandardizationCategory.Standard => "规范",
        StandardizationCategory.Model => "示范",
        _ => "未考评",
    };

    /// <summary>The subtree list as a workbook (Chinese headers), weakest first; null when out of scope.</summary>
    public static async Task<byte[]?> ExportAsync(BastionDb db, long organizationId, CategoryFilter? filter, CancellationToken ct = default)
    {
        var rows = await AllAsync(db, organizationId, filter, ct);
        if (rows is null) return null;
        return Workbook.Write("标准化规范化", ExportHeaders,
            rows.Select(r => new object?[] { r.Name, r.ParentName, r.Year, r.Total, CategoryName(r.Category), r.ConfirmedAt }));
    }
}
