using System.Globalization;
using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Dues;

/// <summary>The dues arrears list (欠缴党费名单) of a subtree as a workbook, worst first.</summary>
public static class ArrearsWorkbook
{
    public static readonly string[] Headers = ["党员", "所在组织", "未交月数", "最长连续未交（月）", "连续六个月未交", "未交月份"];

    /// <summary>Null when the organization is out of scope.</summary>
    public static async Task<byte[]?> ExportAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var report = await DuesArrears.AllAsync(db, organizationId, Workbook.MaxRows, ct);
        if (report is null) return null;
        return Workbook.Write("欠缴党费", Headers, report.Members.Items.Select(m => new object?[]
        {
            m.Name, m.OrganizationName, m.UnpaidMonths.Count, m.LongestUnpaidRun, m.LapseWarning,
            string.Join("、", m.UnpaidMonths.Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture))),
        }));
    }
}
