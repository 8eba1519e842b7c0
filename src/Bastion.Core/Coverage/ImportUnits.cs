using System.Globalization;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using RowError = Bastion.Members.RosterWorkbook.RowError;

namespace Bastion.Coverage;

/// <summary>
/// Imports units (单位台账) into the register under one responsible organization: all rows or none. The columns are
/// those of the unit export (extra columns are ignored), so an exported sheet can be edited and imported elsewhere.
/// Covering organizations are named, and looked up in the responsible organization's subtree with one query.
/// A credit code that fails the GB 32100 check is kept and flagged, as on the form.
/// </summary>
public static class ImportUnits
{
    public static readonly string[] Columns = ["单位名称", "单位类型", "统一社会信用代码", "职工人数", "党员人数", "覆盖方式", "覆盖组织"];
    public const int MaxRows = 20_000;

    public sealed record Result(int Imported, int CreditCodeWarnings, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static byte[] Template() => Workbook.Write("单位", Columns, []);

    public static async Task<Result> HandleAsync(BastionDb db, long organizationId, Stream workbook, CancellationToken ct = default)
    {
        var owner = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Path, o.RegionId, o.Status }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        if (owner.Status != OrganizationStatus.Active) throw new DomainRuleException("Restructure.Active", "The organization has been dissolved.");

        using var buffer = new MemoryStream();
        await workbook.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        List<IDictionary<string, object?>> cells;
        try
        {
            cells = buffer.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw ValidationFailedException.For("File", "The file is not a readable .xlsx workbook.");
        }
        if (cells.Count > MaxRows) throw ValidationFailedException.For("File", $"At most {MaxRows:N0} rows can be imported at once.");
        var missing = cells.Count == 0 ? [] : Columns.Where(h => !cells[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            return new Result(0, 0, [.. missing.Select(h => new RowError(1, h, "This column is missing; start from the unit template."))]);

        // Everything the rows refer to, in two queries: covering organizations by name, units already registered here.
        var names = cells.Select(c => Text(c, "覆盖组织")).OfType<string>().Distinct().ToList();
        var covering = (await OrganizationQueries.InSubtree(db, owner.Path).AsNoTracking()
                .Where(o => names.Contains(o.Name) && o.Status == OrganizationStatus.Active)
                .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct))
            .ToLookup(o => o.Name);
        var existing = (await db.Set<Unit>().AsNoTracking().Where(u => u.OrganizationId == owner.Id).Select(u => u.Name).ToListAsync(ct)).ToHashSet();

        var errors = new List<RowError>();
        var units = new List<Unit>();
        var seen = new Dictionary<string, int>();
        var now = Clock.UtcNow(db.Time);
        for (var i = 0; i < cells.Count; i++)
        {
            var row = i + 2;
            var c = cells[i];
            if (Columns.All(h => Text(c, h) is null)) continue;
            void Error(string column, string reason) => errors.Add(new RowError(row, column, reason));

            var name = Text(c, "单位名称");
            if (name is null) Error("单位名称", "A name is required.");
            else if (name.Length > 200) Error("单位名称", "A name has at most 200 characters.");
            else if (existing.Contains(name)) Error("单位名称", "A unit of this name is already registered under this organization.");
            else if (seen.TryGetValue(name, out var first)) Error("单位名称", $"The same unit is already on row {first}.");
            else seen[name] = row;

            var typeText = Text(c, "单位类型");
            var type = ChineseNames.UnitTypes.Where(t => t.Value == typeText).Select(t => (UnitType?)t.Key).FirstOrDefault();
            if (type is null) Error("单位类型", $"Use one of: {string.Join("、", ChineseNames.UnitTypes.Values)}.");

            var code = CreditCode.Normalize(Text(c, "统一社会信用代码"));
            var codeStatus = code is null ? (CreditCodeStatus?)null : CreditCode.Check(code);
            if (codeStatus == CreditCodeStatus.Malformed) Error("统一社会信用代码", "A unified social credit code has 18 characters from 0–9 and A–Y without I, O, S, V, Z.");

            var employees = Number(c, "职工人数", required: false, Error);
            var partyMembers = Number(c, "党员人数", required: true, Error);

            var kindText = Text(c, "覆盖方式");
            var kind = ChineseNames.Coverage.Where(k => k.Value == kindText).Select(k => (CoverageKind?)k.Key).FirstOrDefault();
            if (kind is null) Error("覆盖方式", $"Use one of: {string.Join("、", ChineseNames.Coverage.Values)}.");

            long? coveringId = null;
            if (Text(c, "覆盖组织") is { } coveringName)
            {
                var matches = covering[coveringName].ToList();
                if (matches.Count == 0) Error("覆盖组织", $"No active organization called “{coveringName}” under this organization.");
                else if (matches.Count > 1) Error("覆盖组织", $"Several organizations are called “{coveringName}”; register this unit on the form instead.");
                else if (kind == CoverageKind.NotCovered) Error("覆盖组织", "An uncovered unit has no covering organization.");
                else if (kind == CoverageKind.JointBranch && matches[0].Kind != OrganizationKind.JointBranch) Error("覆盖组织", "A unit covered jointly must name a joint branch (联合党支部).");
                else coveringId = matches[0].Id;
            }
            else if (kind is { } k && CoverageRules.HasOrganization(k)) Error("覆盖组织", "Name the organization that covers the unit.");

            if (errors.Count == 0)
                units.Add(new Unit
                {
                    OrganizationId = owner.Id, RegionId = owner.RegionId, Name = name!, UnitType = type!.Value, CreditCode = code,
                    CreditCodeWarning = codeStatus == CreditCodeStatus.Invalid, EmployeeCount = employees, PartyMemberCount = partyMembers ?? 0,
                    Coverage = kind!.Value, CoveringOrganizationId = coveringId, CreatedAt = now, UpdatedAt = now,
                });
        }
        if (errors.Count > 0) return new Result(0, 0, errors);
        if (units.Count == 0) return new Result(0, 0, [new RowError(2, "单位名称", "The sheet has no units.")]);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var chunk in units.Chunk(1000))
        {
            db.Set<Unit>().AddRange(chunk);
            await db.SaveChangesAsync(ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new Result(units.Count, units.Count(u => u.CreditCodeWarning), []);
    }

    private static string? Text(IDictionary<string, object?> cells, string header) =>
        (cells.TryGetValue(header, out var v) ? v : null) switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            double d when d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } t ? t : null,
        };

    private static int? Number(IDictionary<string, object?> cells, string header, bool required, Action<string, string> error)
    {
        var text = Text(cells, header);
        if (text is null)
        {
            if (required) error(header, "A number is required (0 when there are none).");
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) { error(header, $"“{text}” is not a whole number of 0 or more."); return null; }
        return n;
    }
}
