using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Content;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Directives;

public sealed record DirectiveSummary(
    long Id, long CascadeId, string Title, long IssuerOrganizationId, string IssuerName, string? SourceDocument, DateOnly DueOn, DateTime CreatedAt,
    int Total, int Completed, int Overdue);

public sealed record DirectiveDetail(
    long Id, long CascadeId, string Title, string Body, string BodyHtml, long IssuerOrganizationId, string IssuerName, string? SourceDocument,
    DateOnly DueOn, string ReportRequirements, string? NumberLabel, bool RequiresEvidence, TargetMode Mode, DateTime CreatedAt, string CreatedBy);

public sealed record EvidenceView(long Id, long EventId, string FileName, string ContentType, long Length);

public sealed record DirectiveTargetDetail(TargetView Target, long DirectiveId, IReadOnlyList<TargetEventView> Timeline, IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<SupervisionView> Supervision, IReadOnlyList<AccountabilityView> Accountability);

public sealed record SupervisionView(long Id, SupervisionKind Kind, DateOnly CheckedOn, string Supervisors, string Findings, DateOnly? RectifyBy, string? FollowUp, DateOnly? RectifiedOn, bool RectificationOverdue);

public sealed record AccountabilityView(long Id, AccountabilityKind Kind, string Subject, string Basis, DateOnly DecidedOn);

public static class DirectiveQueries
{
    /// <summary>Directives the caller may see: issued in their subtree or sent to an organization in it.</summary>
    public static IQueryable<Directive> Visible(BastionDb db) =>
        db.Set<Directive>().Where(d => db.Organizations.Any(o => o.Id == d.IssuerOrganizationId)
                                       || db.Set<CascadeTarget>().Any(t => t.CascadeId == d.CascadeId));

    /// <summary>Directives issued by one organization, latest first, with their whole-cascade counts (one grouped statement per page).</summary>
    public static async Task<Page<DirectiveSummary>> IssuedAsync(BastionDb db, long organizationId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = Visible(db).Where(d => d.IssuerOrganizationId == organizationId);
        var total = await query.CountAsync(ct);
        // The issuer may lie above the caller's scope; its name is read apart (ignoring filters applies to a whole statement).
        var issuerName = await IssuerNameAsync(db, organizationId, ct);
        var rows = (await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((p - 1) * size).Take(size).AsNoTracking().ToListAsync(ct))
            .Select(d => new { d, IssuerName = issuerName }).ToList();
        var today = Clock.Today(db.Time);
        var cascadeIds = rows.Select(r => r.d.CascadeId).ToList();
        var counts = await db.Set<CascadeTarget>().Where(t => cascadeIds.Contains(t.CascadeId)).GroupBy(t => t.CascadeId)
            .Select(g => new
            {
                g.Key, Total = g.Count(), Completed = g.Count(t => t.State == TargetState.Completed),
                Overdue = g.Count(t => t.State != TargetState.Completed && t.State != TargetState.Submitted && t.DueOn < today),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var items = rows.Select(r =>
        {
            var c = counts.GetValueOrDefault(r.d.CascadeId);
            return new DirectiveSummary(r.d.Id, r.d.CascadeId, r.d.Title, r.d.IssuerOrganizationId, r.IssuerName, r.d.SourceDocument, r.d.DueOn, r.d.CreatedAt,
                c?.Total ?? 0, c?.Completed ?? 0, c?.Overdue ?? 0);
        }).ToList();
        return new Page<DirectiveSummary>(items, p, size, total);
    }

    public static async Task<DirectiveDetail?> GetAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var row = await (from x in Visible(db).Where(x => x.Id == id)
                         join c in db.Set<Cascade>() on x.CascadeId equals c.Id
                         select new { x, c.Mode }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var d = row.x;
        var issuerName = await IssuerNameAsync(db, d.IssuerOrganizationId, ct);
        return new DirectiveDetail(d.Id, d.CascadeId, d.Title, d.Body, SafeMarkdown.ToHtml(d.Body), d.IssuerOrganizationId, issuerName, d.SourceDocument,
            d.DueOn, d.ReportRequirements, d.NumberLabel, d.RequiresEvidence, row.Mode, d.CreatedAt, d.CreatedBy);
    }

    /// <summary>The issuing organization's name: targets see who sent a directive even when the issuer is above their scope.</summary>
    private static async Task<string> IssuerNameAsync(BastionDb db, long organizationId, CancellationToken ct) =>
        await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";

    /// <summary>A directive target with its timeline, evidence, supervision and accountability records; null out of scope.</summary>
    public static async Task<DirectiveTargetDetail?> TargetAsync(BastionDb db, long targetId, CancellationToken ct = default)
    {
        var target = await CascadeQueries.TargetAsync(db, targetId, ct);
        if (target is null || target.Subject != CascadeSubject.Directive) return null;
        var directiveId = await db.Set<Directive>().Where(d => d.CascadeId == target.CascadeId).Select(d => d.Id).FirstAsync(ct);
        var timeline = await CascadeQueries.TimelineAsync(db, targetId, ct);
        var eventIds = timeline.Select(e => e.Id).ToList();
        var evidence = await db.Set<Attachment>().Where(a => a.OwnerType == SubmitDirectiveTarget.EvidenceOwner && eventIds.Contains(a.OwnerId))
            .OrderBy(a => a.Id).Select(a => new EvidenceView(a.Id, a.OwnerId, a.FileName, a.ContentType, a.Length)).ToListAsync(ct);
        var today = Clock.Today(db.Time);
        var supervision = await db.Set<SupervisionRecord>().Where(s => s.TargetId == targetId).OrderBy(s => s.CheckedOn).ThenBy(s => s.Id)
            .Select(s => new SupervisionView(s.Id, s.Kind, s.CheckedOn, s.Supervisors, s.Findings, s.RectifyBy, s.FollowUp, s.RectifiedOn,
                s.RectifyBy != null && s.RectifiedOn == null && s.RectifyBy < today)).ToListAsync(ct);
        var accountability = await db.Set<AccountabilityAction>().Where(a => a.TargetId == targetId).OrderBy(a => a.DecidedOn).ThenBy(a => a.Id)
            .Select(a => new AccountabilityView(a.Id, a.Kind, a.Subject, a.Basis, a.DecidedOn)).ToListAsync(ct);
        return new DirectiveTargetDetail(target, directiveId, timeline, evidence, supervision, accountability);
    }

    /// <summary>An evidence file the caller may see (its target organization in scope), or null.</summary>
    public static Task<Attachment?> EvidenceAsync(BastionDb db, long attachmentId, CancellationToken ct = default) =>
        db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.OwnerType == SubmitDirectiveTarget.EvidenceOwner, ct);
}
