using System.Data;
using System.Globalization;
using MiniExcelLibs;

namespace Bastion.Shared;

/// <summary>One-sheet .xlsx exports: Chinese headers, plain text cells, ISO dates.</summary>
public static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>At most this many rows go into one export.</summary>
    public const int MaxRows = 20_000;

    public static byte[] Write(string sheet, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var table = new DataTable(sheet);
        foreach (var header in headers) table.Columns.Add(header, typeof(string));
        foreach (var row in rows) table.Rows.Add(row.Select(Cell).ToArray());
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: sheet);
        return stream.ToArray();
    }

    private static object? Cell(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
