using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Bastion.Requests;

public sealed record CategoryFigures(string CategoryCode, int Received, int Open, int Overdue, int Answered, int AnsweredOnTime, int Rated, int RatingSum, int Satisfied, int Reopened);

public sealed record OldestOpen(long Id, string TrackingCode, string CategoryCode, long OrganizationId, DateTime ReceivedAt, DateTime ResolutionDueAt);

public sealed record RequestDashboardView(
    long OrganizationId, string OrganizationName, DateTime From, DateTime To, int Received, int Open, int Overdue,
    double? OnTimeRate, double? AverageRating, double? SatisfactionRate, double? ReopenRate,
    IReadOnlyList<CategoryFigures> ByCategory, IReadOnlyList<OldestOpen> OldestOpen);

/// <summary>
/// Figures for a subtree, from the requests themselves: volume by category, answered on time, satisfaction (ratings of
/// 4 or 5), reopen rate, the oldest open. One grouped statement plus one for the oldest open, whatever the size.
/// </summary>
public static class RequestDashboard
{
    public const int OldestCount = 10;

    public static async Task<RequestDashboardView?> ForSubtreeAsync(BastionDb db, long organizationId, DateTime? from, DateTime? to, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var now = Clock.UtcNow(db.Time);
        var end = to ?? now;
        var start = from ?? end.AddYears(-1);
        var upper = TreePath.UpperBound(org.Path);
        // The subtree's organizations first (one range scan on Path), then their requests by the OrganizationId index.
        var subtree = db.Organizations.Where(o => string.Compare(o.Path, org.Path) >= 0 && string.Compare(o.Path, upper) < 0).Select(o => o.Id);
        var inSubtree = db.Set<ServiceRequest>().AsNoTracking().Where(r => subtree.Contains(r.OrganizationId));
        var window = inSubtree.Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
        var rows = await window.GroupBy(r => r.CategoryCode).Select(g => new CategoryFigures(
                g.Key, g.Count(),
                g.Sum(r => r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress ? 1 : 0),
                g.Sum(r => (r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress) && r.ResolutionDueAt < now ? 1 : 0),
                g.Sum(r => r.AnsweredAt != null ? 1 : 0),
                g.Sum(r => r.AnsweredAt != null && r.AnsweredAt <= r.ResolutionDueAt ? 1 : 0),
                g.Sum(r => r.Rating != null ? 1 : 0),
                g.Sum(r => r.Rating ?? 0),
                g.Sum(r => r.Rating >= 4 ? 1 : 0),
                g.Sum(r => r.ReopenCount > 0 ? 1 : 0)))
            .ToListAsync(ct);
        rows = [.. rows.OrderByDescending(r => r.Received).ThenBy(r => r.CategoryCode)];
        var oldest = await inSubtree.Where(r => r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).Take(OldestCount)
            .Select(r => new OldestOpen(r.Id, r.TrackingCode, r.CategoryCode, r.OrganizationId, r.ReceivedAt, r.ResolutionDueAt)).ToListAsync(ct);
        int Sum(Func<CategoryFigures, int> f) => rows.Sum(f);
        double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return new RequestDashboardView(
            organizationId, org.Name, start, end, Sum(r => r.Received), Sum(r => r.Open), Sum(r => r.Overdue),
            Rate(Sum(r => r.AnsweredOnTime), Sum(r => r.Answered)),
            Sum(r => r.Rated) == 0 ? null : Math.Round((double)Sum(r => r.RatingSum) / Sum(r => r.Rated), 2),
            Rate(Sum(r => r.Satisfied), Sum(r => r.Rated)), Rate(Sum(r => r.Reopened), Sum(r => r.Received)), rows, oldest);
    }
}

/// <summary>Excel export of a queue (MiniExcel), the same rows the queue page shows, with Chinese headers.</summary>
public static class RequestWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 50_000;

    public static async Task<byte[]> ExportAsync(BastionDb db, QueueFilter filter, CancellationToken ct = default)
    {
        var rules = ServiceRequestRuleSet.Load();
        var rows = new List<Dictionary<string, object?>>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var chunk = await RequestQueries.QueueAsync(db, filter with { Page = page, PageSize = Paging.MaxPageSize }, ct);
            rows.AddRange(chunk.Items.Select(i => new Dictionary<string, object?>
            {
                ["查询码"] = TrackingCode.Display(i.TrackingCode),
                ["类别"] = rules.Find(i.CategoryCode)?.Name ?? i.CategoryCode,
                ["诉求内容"] = i.Description,
                ["状态"] = i.Status.ToString(),
                ["所属组织"] = i.OrganizationName,
                ["首问责任人"] = i.OwnerName,
                ["受理时间"] = i.ReceivedAt,
                ["办结时限"] = i.ResolutionDueAt,
                ["超期"] = i.IsOverdue ? "是" : "否",
                ["升级层级"] = i.EscalationLevel,
                ["帮办代办"] = i.IsAgencyHandling ? "是" : "否",
            }));
            if (page >= chunk.PageCount) break;
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: ct);
        return stream.ToArray();
    }
}
