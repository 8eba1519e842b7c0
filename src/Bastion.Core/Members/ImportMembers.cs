using Bastion.Data;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using static Bastion.Members.RosterWorkbook;

namespace Bastion.Members;

/// <summary>
/// Imports a roster workbook into one branch: every row is checked with the rules of <see cref="RegisterMember"/>,
/// then all rows are stored in one transaction, or none when any row is wrong.
/// </summary>
public static class ImportMembers
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    private const int BatchSize = 1000;

    public sealed record Result(int Imported, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static async Task<Result> HandleAsync(BastionDb db, PiiProtector pii, long organizationId, Stream workbook, CancellationToken ct = default)
    {
        var (branchId, regionId) = await MemberRecords.ResolveBranchAsync(db, organizationId, ct);
        var today = Clock.Today(db.Time);
        var errors = new List<RowError>();
        var rows = new List<(int Row, CheckedMember Member, string Hash)>();
        var firstRowOfHash = new Dictionary<string, int>();

        // The zip reader seeks; an upload's stream may not seek reliably, so read from a copy (at most 10 MB).
        using var buffer = new MemoryStream();
        await workbook.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        List<IDictionary<string, object?>> cells;
        try
        {
            cells = RosterWorkbook.Rows(buffer).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw ValidationFailedException.For("File", "The file is not a readable .xlsx workbook.");
        }
        var missing = cells.Count == 0 ? [] : Columns.Select(c => c.Header).Where(h => !cells[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            return new Result(0, [.. missing.Select(h => new RowError(1, h, "This column is missing; start from the roster template."))]);

        for (var i = 0; i < cells.Count; i++)
        {
            if (IsEmpty(cells[i])) continue;
            var row = i + 2; // the header is row 1
            var cellErrors = new List<RowError>();
            var input = ReadRow(cells[i], row, cellErrors);
            errors.AddRange(cellErrors);
            var member = MemberRules.Check(input, today, out var ruleErrors);
            foreach (var (field, messages) in ruleErrors)
            {
                var header = HeaderOf(field);
                if (cellErrors.Any(e => e.Column == header)) continue; // the cell was unreadable; said once is enough
                errors.AddRange(messages.Select(m => new RowError(row, header, m)));
            }
            if (member is null || cellErrors.Count > 0) continue;
            var hash = pii.LookupHash(member.ResidentId.Value);
            if (firstRowOfHash.TryGetValue(hash, out var first))
            {
                errors.Add(new RowError(row, HeaderOf(nameof(MemberInput.ResidentId)), $"The same resident ID number is already in row {first} of this file."));
                continue;
            }
            firstRowOfHash[hash] = row;
            rows.Add((row, member, hash));
        }

        if (rows.Count == 0 && errors.Count == 0)
            return new Result(0, [new RowError(2, HeaderOf(nameof(MemberInput.Name)), "The workbook has no member rows.")]);

        // One set-based query for the whole file, across the whole tree (not only the caller's scope).
        var hashes = rows.Select(r => r.Hash).ToList();
        var taken = await db.Members.IgnoreQueryFilters().Where(m => EF.Parameter(hashes).Contains(m.ResidentIdHash))
            .Select(m => m.ResidentIdHash).ToListAsync(ct);
        foreach (var hash in taken)
            errors.Add(new RowError(firstRowOfHash[hash], HeaderOf(nameof(MemberInput.ResidentId)), MemberRecords.AlreadyRegistered));

        if (errors.Count > 0)
            return new Result(0, [.. errors.OrderBy(e => e.Row).ThenBy(e => ColumnIndex(e.Column))]);

        await InsertAllAsync(db, pii, branchId, regionId, rows.Select(r => r.Member).ToList(), ct);
        return new Result(rows.Count, []);
    }

    private static int ColumnIndex(string header)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Header == header) return i;
        return Columns.Count;
    }

    /// <summary>All rows in one transaction, in batches, without per-row change detection or per-row audit events.</summary>
    private static async Task InsertAllAsync(BastionDb db, PiiProtector pii, long branchId, long regionId, List<CheckedMember> members, CancellationToken ct)
    {
        var now = Clock.UtcNow(db.Time);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressRowAudit = true;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            foreach (var batch in members.Chunk(BatchSize))
            {
                db.Members.AddRange(batch.Select(m => MemberRecords.NewMember(m, branchId, regionId, pii, now)));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            // The audit chain's head is updated by change detection: back on before the summary event is written.
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.SuppressRowAudit = false;
            db.Record(Audit.AuditActions.Create, nameof(Member), $"import:{branchId}", new { organizationId = branchId, rows = members.Count });
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        finally
        {
            db.SuppressRowAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The row errors as a workbook (行号, 列, 原因), for download beside the table.</summary>
    public static byte[] ErrorWorkbook(IEnumerable<RowError> errors)
    {
        var rows = errors.Select(e => new Dictionary<string, object?> { ["行号 Row"] = e.Row, ["列 Column"] = e.Column, ["原因 Reason"] = e.Reason }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: "错误");
        return stream.ToArray();
    }
}
