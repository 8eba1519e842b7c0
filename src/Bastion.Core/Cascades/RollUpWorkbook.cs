using System.Data;
using MiniExcelLibs;

namespace Bastion.Cascades;

/// <summary>A roll-up as a workbook: one row per organization in tree order, names indented by depth.</summary>
public static class RollUpWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Export(string title, IReadOnlyList<RollUpRow> rows)
    {
        using var table = new DataTable("汇总");
        table.Columns.Add("组织", typeof(string));
        foreach (var header in new[] { "任务数", "已办结", "待验收", "逾期", "未开始", "落实中" }) table.Columns.Add(header, typeof(int));
        table.Columns.Add("办结率(%)", typeof(double));
        var top = rows.Count == 0 ? 0 : rows.Min(r => r.Depth);
        foreach (var r in rows)
            table.Rows.Add(new string('　', r.Depth - top) + r.Name, r.Total, r.Completed, r.Submitted, r.Overdue, r.NotStarted, r.InProgress, r.CompletionPercent);
        using var stream = new MemoryStream();
        var sheet = string.Concat(title.Where(c => !"[]:*?/\\".Contains(c)).Take(31));
        stream.SaveAs(table, sheetName: sheet.Length == 0 ? "汇总" : sheet);
        return stream.ToArray();
    }
}
