using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;

namespace Bastion.Coverage;

/// <summary>The unit register (单位台账) as a workbook, with the same filter as the list.</summary>
public static class UnitWorkbook
{
    public static readonly string[] Headers =
        ["单位名称", "单位类型", "统一社会信用代码", "信用代码校验", "职工人数", "党员人数", "覆盖方式", "覆盖组织", "所属组织"];

    /// <summary>Null when the filter's organization is out of scope.</summary>
    public static async Task<byte[]?> ExportAsync(BastionDb db, UnitFilter filter, CancellationToken ct = default)
    {
        var units = await UnitQueries.AllAsync(db, filter, Workbook.MaxRows, ct);
        if (units is null) return null;
        return Workbook.Write("单位", Headers, units.Select(u => new object?[]
        {
            u.Name, ChineseNames.UnitTypes[u.UnitType], u.CreditCode, u.CreditCode is null ? null : u.CreditCodeWarning ? "校验未通过" : "通过",
            u.EmployeeCount, u.PartyMemberCount, ChineseNames.Coverage[u.Coverage], u.CoveringOrganizationName, u.OrganizationName,
        }));
    }
}
