using System.Data;
using System.Globalization;
using MiniExcelLibs;

namespace Bastion.Transfers;

/// <summary>The transfer list as a workbook, with Chinese headers like the roster. No personal data beyond the member's name.</summary>
public static class TransferWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyDictionary<TransferStatus, string> StatusNames = new Dictionary<TransferStatus, string>
    {
        [TransferStatus.Issued] = "待接收", [TransferStatus.Accepted] = "已接收", [TransferStatus.Returned] = "已退回",
        [TransferStatus.Cancelled] = "已撤销", [TransferStatus.Completed] = "已办结",
    };

    public static readonly IReadOnlyDictionary<TransferKind, string> KindNames = new Dictionary<TransferKind, string>
    {
        [TransferKind.Internal] = "系统内转接", [TransferKind.OutOfSystem] = "转出系统外", [TransferKind.IntoSystem] = "从系统外转入",
    };

    public static byte[] Export(IEnumerable<TransferView> transfers)
    {
        using var table = new DataTable("转接");
        foreach (var header in new[] { "党员", "类型", "转出组织", "接收组织", "介绍信编号", "开具日期", "有效期至", "状态", "是否逾期", "转接原因", "退回原因", "接收日期", "回执日期" })
            table.Columns.Add(header, typeof(string));
        foreach (var t in transfers)
            table.Rows.Add(
                t.MemberName, KindNames[t.Kind], t.FromOrganizationName ?? t.ExternalParty, t.ToOrganizationName ?? t.ExternalParty, t.LetterNumber,
                Iso(t.IssuedOn), Iso(t.ValidUntil), StatusNames[t.Status], t.Overdue ? "是" : "否", t.Reason, t.ReturnReason, Iso(t.AcceptedOn), Iso(t.ReturnSlipReceivedOn));
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "转接");
        return stream.ToArray();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
