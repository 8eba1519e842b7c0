using Bastion.Attachments;
using Bastion.Data;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

public sealed record MisconductListItem(
    long Id, string TrackingCode, MisconductCategory Category, long ConcernedOrganizationId, string ConcernedOrganizationName,
    long ReceivingOrganizationId, string ReceivingOrganizationName, MisconductStatus Status, DateOnly ReceivedOn, DateOnly? DueOn, bool IsAnonymous);

public sealed record MisconductEventView(DateOnly On, MisconductEventKind Kind, string? HandlerName, string? Text);

public sealed record MisconductEvidenceView(long Id, string FileName, string ContentType, long Length);

public sealed record MisconductReportView(
    long Id, string TrackingCode, MisconductCategory Category, long ConcernedOrganizationId, string ConcernedOrganizationName,
    long ReceivingOrganizationId, string ReceivingOrganizationName, long? ConcernedMemberId, string? ConcernedPersonName,
    string Account, string? HappenedWhen, bool IsAnonymous, string? ReporterMasked, MisconductStatus Status,
    DateOnly ReceivedOn, DateOnly DecideDueOn, DateOnly? AcceptedOn, DateOnly? CheckDueOn, MisconductDisposition? Disposition,
    DateOnly? DisposedOn, DateOnly? CloseDueOn, MisconductOutcome? Outcome, string? PublicStatement, DateOnly? ClosedOn,
    string RuleSetVersion, IReadOnlyList<MisconductEventView> Events, IReadOnlyList<MisconductEvidenceView> Evidence);

public sealed record MisconductFilter
{
    public MisconductStatus? Status { get; init; }
    public MisconductCategory? Category { get; init; }
    public bool OverdueOnly { get; init; }
    public bool OpenOnly { get; init; }
}

/// <summary>
/// Reads of reports for discipline staff. Every read — the list, one report, its evidence, an export, the
/// reporter's identity — leaves an audit event. The data scope limits all of them to the caller's subtree of
/// receiving organizations; callers admit only the Discipline role.
/// </summary>
public static class MisconductQueries
{
    public const int PageSize = 50;

    private static IQueryable<MisconductReport> Filtered(BastionDb db, MisconductFilter f, DateOnly today)
    {
        var q = db.Set<MisconductReport>().AsQueryable();
        if (f.Status is { } s) q = q.Where(r => r.Status == s);
        if (f.Category is { } c) q = q.Where(r => r.Category == c);
        if (f.OpenOnly || f.OverdueOnly)
            q = q.Where(r => r.Status == MisconductStatus.Received || r.Status == MisconductStatus.UnderCheck || r.Status == MisconductStatus.Disposed);
        if (f.OverdueOnly)
            q = q.Where(r => (r.Status == MisconductStatus.Received && r.DecideDueOn < today) || (r.Status == MisconductStatus.UnderCheck && r.CheckDueOn < today)
                || (r.Status == MisconductStatus.Disposed && r.CloseDueOn < today));
        return q;
    }

    // EF Core ignores query filters for a whole query when any part of it asks to, so organization names are read in
    // a separate statement: the reports' own data-scope filter must stay in force.
    private static async Task<Dictionary<long, string>> NamesAsync(BastionDb db, IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.IgnoreQueryFilters().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>One page of reports, open ones by their next deadline first; one audit event for the listing.</summary>
    public static async Task<Page<MisconductListItem>> ListAsync(BastionDb db, MisconductFilter filter, int page, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var q = Filtered(db, filter, today);
        var total = await q.CountAsync(ct);
        page = Math.Max(1, page);
        var rows = await q.OrderBy(r => r.Status == MisconductStatus.Closed || r.Status == MisconductStatus.Declined).ThenByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.TrackingCode, r.Category, r.ConcernedOrganizationId, r.OrganizationId, r.Status, r.ReceivedOn, r.DecideDueOn, r.CheckDueOn, r.CloseDueOn, r.IsAnonymous })
            .ToListAsync(ct);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.ConcernedOrganizationId, r.OrganizationId }), ct);
        var items = rows.Select(r => new MisconductListItem(r.Id, r.TrackingCode, r.Category, r.ConcernedOrganizationId, names[r.ConcernedOrganizationId],
            r.OrganizationId, names[r.OrganizationId], r.Status, r.ReceivedOn,
            r.Status switch { MisconductStatus.Received => r.DecideDueOn, MisconductStatus.UnderCheck => r.CheckDueOn, MisconductStatus.Disposed => r.CloseDueOn, _ => null },
            r.IsAnonymous)).ToList();
        await DisciplineAudit.SaveAsync(db, DisciplineAudit.List, 0, new { Page = page, Shown = items.Select(i => i.Id).ToArray() }, ct);
        return new Page<MisconductListItem>(items, page, PageSize, total);
    }

    /// <summary>One report with its timeline and evidence list; 404 outside the scope. Audited.</summary>
    public static async Task<MisconductReportView> GetAsync(BastionDb db, long id, string via, CancellationToken ct = default)
    {
        var x = await db.Set<MisconductReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The report");
        var names = await NamesAsync(db, [x.ConcernedOrganizationId, x.OrganizationId], ct);
        var events = await db.Set<MisconductReportEvent>().Where(e => e.ReportId == id).OrderBy(e => e.On).ThenBy(e => e.Id)
            .Select(e => new MisconductEventView(e.On, e.Kind, e.HandlerName, e.Text)).ToListAsync(ct);
        var evidence = await db.Set<Attachment>().Where(a => a.OwnerType == SubmitMisconductReport.EvidenceOwnerType && a.OwnerId == id).OrderBy(a => a.Id)
            .Select(a => new MisconductEvidenceView(a.Id, a.FileName, a.ContentType, a.Length)).ToListAsync(ct);
        await DisciplineAudit.SaveAsync(db, DisciplineAudit.Read, id, new { Via = via }, ct);
        return new MisconductReportView(x.Id, x.TrackingCode, x.Category, x.ConcernedOrganizationId, names[x.ConcernedOrganizationId], x.OrganizationId, names[x.OrganizationId],
            x.ConcernedMemberId, x.ConcernedPersonName, x.Account, x.HappenedWhen, x.IsAnonymous, x.ReporterMasked, x.Status,
            x.ReceivedOn, x.DecideDueOn, x.AcceptedOn, x.CheckDueOn, x.Disposition, x.DisposedOn, x.CloseDueOn, x.Outcome, x.PublicStatement, x.ClosedOn,
            x.RuleSetVersion, events, evidence);
    }

    /// <summary>One evidence file of a report in scope; audited.</summary>
    public static async Task<Attachment> EvidenceAsync(BastionDb db, long reportId, long attachmentId, CancellationToken ct = default)
    {
        if (!await db.Set<MisconductReport>().AnyAsync(r => r.Id == reportId, ct)) throw new NotFoundException("The report");
        var file = await db.Set<Attachment>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.OwnerType == SubmitMisconductReport.EvidenceOwnerType && a.OwnerId == reportId, ct)
            ?? throw new NotFoundException("The file");
        await DisciplineAudit.SaveAsync(db, DisciplineAudit.ReadEvidence, reportId, new { File = attachmentId }, ct);
        return file;
    }

    /// <summary>A named reporter's name and contact in clear; audited.</summary>
    public static async Task<string?> RevealReporterAsync(BastionDb db, PiiProtector pii, long id, CancellationToken ct = default)
    {
        var cipher = await db.Set<MisconductReport>().Where(r => r.Id == id).Select(r => new { r.ReporterCipher }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The report");
        await DisciplineAudit.SaveAsync(db, DisciplineAudit.RevealReporter, id, null, ct);
        return cipher.ReporterCipher is null ? null : pii.Decrypt(cipher.ReporterCipher);
    }

    /// <summary>The filtered reports as a workbook (at most <see cref="Workbook.MaxRows"/>), with one audit event naming every report in it.</summary>
    public static async Task<byte[]> ExportAsync(BastionDb db, MisconductFilter filter, bool english, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var rows = await Filtered(db, filter, today).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).Take(Workbook.MaxRows)
            .Select(r => new
            {
                r.Id, r.TrackingCode, r.Category, r.ConcernedOrganizationId, r.OrganizationId, r.ConcernedPersonName, r.Account, r.HappenedWhen,
                r.IsAnonymous, r.Status, r.ReceivedOn, r.DecideDueOn, r.CheckDueOn, r.CloseDueOn, r.Disposition, r.Outcome, r.ClosedOn,
            }).ToListAsync(ct);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.ConcernedOrganizationId, r.OrganizationId }), ct);
        var rules = DisciplineRuleSet.Load();
        var bytes = Workbook.Write(english ? "Reports" : "问题线索",
            english
                ? ["No.", "Tracking code", "Category", "Organization concerned", "Receiving organization", "Person concerned", "Account", "When", "Anonymous", "Status", "Received", "Decide by", "Check by", "Close by", "Disposition", "Outcome", "Closed"]
                : ["编号", "查询码", "类别", "被反映党组织", "受理机构", "被反映人", "反映内容", "发生时间", "匿名", "状态", "收到日期", "受理期限", "初核期限", "办结期限", "处置方式", "办理结果", "办结日期"],
            rows.Select(r => new object?[]
            {
                r.Id, r.TrackingCode, rules.For(r.Category).DisplayName(english), names[r.ConcernedOrganizationId], names[r.OrganizationId], r.ConcernedPersonName, r.Account, r.HappenedWhen,
                r.IsAnonymous, r.Status.ToString(), r.ReceivedOn, r.DecideDueOn, r.CheckDueOn, r.CloseDueOn, r.Disposition?.ToString(), r.Outcome?.ToString(), r.ClosedOn,
            }));
        await DisciplineAudit.SaveAsync(db, DisciplineAudit.Export, 0, new { Reports = rows.Select(r => r.Id).ToArray() }, ct);
        return bytes;
    }
}
