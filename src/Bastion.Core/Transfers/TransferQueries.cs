using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Transfers;

/// <summary>A transfer as lists and screens show it: names of both sides and of the member, as written on the letter.</summary>
public sealed record TransferView(
    long Id, long MemberId, string MemberName, TransferKind Kind, TransferStatus Status,
    long? FromOrganizationId, string? FromOrganizationName, long? ToOrganizationId, string? ToOrganizationName, string? ExternalParty,
    string? LetterNumber, string? Reason, string? ReturnReason, DateOnly IssuedOn, DateOnly ValidUntil, bool Overdue,
    DateOnly? AcceptedOn, DateOnly? ReturnSlipReceivedOn, string IssuedBy, string? ClosedBy);

/// <summary>Which side of the caller's scope: letters coming in, going out, or overdue on either side.</summary>
public enum TransferBox { Incoming = 1, Outgoing = 2, Overdue = 3 }

public static class TransferQueries
{
    /// <summary>
    /// The transfers the caller may see: those whose sending or receiving organization lies in the caller's subtree
    /// (the Organizations query filter applies the scope). Both sides see the same letter.
    /// </summary>
    public static IQueryable<Transfer> Visible(BastionDb db) =>
        db.Set<Transfer>().Where(t => db.Organizations.Any(o => o.Id == t.FromOrganizationId || o.Id == t.ToOrganizationId));

    public static async Task<Page<TransferView>> ListAsync(BastionDb db, TransferBox box, TransferStatus? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var query = InBox(db, box, status, today);
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await Ordered(query).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<TransferView>(await ViewsAsync(db, rows, today, ct), p, size, total);
    }

    /// <summary>At most this many rows go into one export workbook.</summary>
    public const int ExportLimit = 10_000;

    /// <summary>The whole box (up to <see cref="ExportLimit"/> rows), for the export workbook: three statements.</summary>
    public static async Task<List<TransferView>> ExportAsync(BastionDb db, TransferBox box, TransferStatus? status, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var rows = await Ordered(InBox(db, box, status, today)).Take(ExportLimit).ToListAsync(ct);
        return await ViewsAsync(db, rows, today, ct);
    }

    private static IQueryable<Transfer> InBox(BastionDb db, TransferBox box, TransferStatus? status, DateOnly today)
    {
        var query = box switch
        {
            TransferBox.Incoming => db.Set<Transfer>().Where(t => db.Organizations.Any(o => o.Id == t.ToOrganizationId)),
            TransferBox.Outgoing => db.Set<Transfer>().Where(t => db.Organizations.Any(o => o.Id == t.FromOrganizationId)),
            _ => Visible(db).Where(t => t.Status == TransferStatus.Issued && t.ValidUntil < today),
        };
        return status is { } s ? query.Where(t => t.Status == s) : query;
    }

    // Open letters first, the oldest deadline on top.
    private static IQueryable<Transfer> Ordered(IQueryable<Transfer> query) =>
        query.AsNoTracking().OrderBy(t => t.Status == TransferStatus.Issued ? 0 : 1).ThenBy(t => t.ValidUntil).ThenByDescending(t => t.Id);

    /// <summary>One transfer, or null when neither side is in the caller's scope.</summary>
    public static async Task<TransferView?> GetAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var row = await Visible(db).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return row is null ? null : (await ViewsAsync(db, [row], Clock.Today(db.Time), ct))[0];
    }

    /// <summary>
    /// Names for a page of transfers, in two statements whatever the page size. The other side's organization and the
    /// member may lie outside the caller's scope; the transfer itself is visible, and its letter names them.
    /// </summary>
    private static async Task<List<TransferView>> ViewsAsync(BastionDb db, List<Transfer> rows, DateOnly today, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var memberIds = rows.Select(t => t.MemberId).Distinct().ToList();
        var orgIds = rows.SelectMany(t => new[] { t.FromOrganizationId, t.ToOrganizationId }).OfType<long>().Distinct().ToList();
        var members = await db.Members.IgnoreQueryFilters().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var orgs = await db.Organizations.IgnoreQueryFilters().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string? Org(long? id) => id is { } v && orgs.TryGetValue(v, out var n) ? n : null;
        return rows.Select(t => new TransferView(
            t.Id, t.MemberId, members.GetValueOrDefault(t.MemberId) ?? "", t.Kind, t.Status,
            t.FromOrganizationId, Org(t.FromOrganizationId), t.ToOrganizationId, Org(t.ToOrganizationId), t.ExternalParty,
            t.LetterNumber, t.Reason, t.ReturnReason, t.IssuedOn, t.ValidUntil, t.IsOverdue(today),
            t.AcceptedOn, t.ReturnSlipReceivedOn, t.IssuedBy, t.ClosedBy)).ToList();
    }

    /// <summary>Active branches anywhere in the system whose name contains the text: the possible receivers of a letter.</summary>
    public static async Task<List<DestinationView>> DestinationsAsync(BastionDb db, string? name, CancellationToken ct = default)
    {
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 2) return [];
        // A letter may go anywhere in the system, so the scope filter is lifted; only names of active branches are shown.
        var found = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Name.Contains(text) && o.Status == Organizations.OrganizationStatus.Active
                && (o.Kind == Organizations.OrganizationKind.Branch || o.Kind == Organizations.OrganizationKind.JointBranch))
            .OrderBy(o => o.Name).ThenBy(o => o.Id).Take(DestinationLimit)
            .Select(o => new { o.Id, o.Name, o.ParentId }).ToListAsync(ct);
        var parentIds = found.Select(o => o.ParentId).OfType<long>().Distinct().ToList();
        var parents = await db.Organizations.IgnoreQueryFilters().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return found.Select(o => new DestinationView(o.Id, o.Name, o.ParentId is { } p ? parents.GetValueOrDefault(p) : null)).ToList();
    }

    public const int DestinationLimit = 20;

    /// <summary>The transfer, tracked, with which sides of it the caller holds; 404 when neither.</summary>
    internal static async Task<(Transfer Transfer, bool IsSender, bool IsReceiver)> LoadForStepAsync(BastionDb db, long id, CancellationToken ct)
    {
        var transfer = await Visible(db).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"Transfer {id}");
        var from = transfer.FromOrganizationId;
        var to = transfer.ToOrganizationId;
        var held = await db.Organizations.Where(o => o.Id == from || o.Id == to).Select(o => o.Id).ToListAsync(ct);
        return (transfer, from is { } f && held.Contains(f), to is { } r && held.Contains(r));
    }
}

public sealed record DestinationView(long Id, string Name, string? ParentName);
