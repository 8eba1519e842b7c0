using System.Data;
using System.Globalization;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Shared;
using MiniExcelLibs;

namespace Bastion.Compliance;

/// <summary>Filters of the organization department's compliance view: organization kind and unit type.</summary>
public sealed record ComplianceFilter(OrganizationKind? Kind = null, UnitType? UnitType = null);

/// <summary>One row of the compliance view: an organization with obligations in its subtree, and its own missing periods.</summary>
public sealed record ComplianceRow(
    long Id, string Name, OrganizationKind Kind, UnitType? UnitType, int Depth, int Met, int Due, int Missing, decimal Rate,
    IReadOnlyDictionary<MeetingKind, Tally> ByKind, IReadOnlyList<ObligationResult> Obligations);

/// <summary>The organization department's view of a subtree (DESIGN §6): filtered, worst first, pageable and exportable.</summary>
public static class ComplianceView
{
    /// <summary>The organizations (below the report's root) that owe anything in their subtree, lowest rate first, then most missing.</summary>
    public static IReadOnlyList<ComplianceRow> Rows(ComplianceReport report, ComplianceFilter filter) =>
        report.Result.Nodes
            .Where(n => n.Id != report.OrganizationId && n.Subtree.Due > 0)
            .Where(n => filter.Kind is null || n.Kind == filter.Kind)
            .Where(n => filter.UnitType is null || n.UnitType == filter.UnitType)
            .OrderBy(n => n.Subtree.Rate).ThenByDescending(n => n.Subtree.Missing).ThenBy(n => n.Id)
            .Select(Row)
            .ToList();

    public static ComplianceRow Row(ComplianceNode n) =>
        new(n.Id, n.Name, n.Kind, n.UnitType, n.Depth, n.Subtree.Met, n.Subtree.Due, n.Subtree.Missing, n.Subtree.Rate, n.SubtreeByKind, n.Obligations);

    public static Page<ComplianceRow> Paged(IReadOnlyList<ComplianceRow> rows, int? page, int? pageSize)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        return new Page<ComplianceRow>(rows.Skip((p - 1) * size).Take(size).ToList(), p, size, rows.Count);
    }

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyDictionary<MeetingKind, string> KindNames = new Dictionary<MeetingKind, string>
    {
        [MeetingKind.BranchGeneralMeeting] = "支部党员大会", [MeetingKind.BranchCommitteeMeeting] = "支委会", [MeetingKind.GroupMeeting] = "党小组会",
        [MeetingKind.PartyLecture] = "党课", [MeetingKind.ThemePartyDay] = "主题党日", [MeetingKind.OrganizationalLifeMeeting] = "组织生活会",
        [MeetingKind.DemocraticAppraisal] = "民主评议党员", [MeetingKind.HeartToHeartTalk] = "谈心谈话", [MeetingKind.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<OrganizationKind, string> OrganizationKindNames = new Dictionary<OrganizationKind, string>
    {
        [OrganizationKind.Committee] = "党委", [OrganizationKind.GeneralBranch] = "党总支", [OrganizationKind.Branch] = "党支部",
        [OrganizationKind.JointBranch] = "联合党支部", [OrganizationKind.Group] = "党小组",
    };

    /// <summary>The rows as a workbook with Chinese headers: totals, one met/due column per meeting kind, and the missing periods.</summary>
    public static byte[] Export(IEnumerable<ComplianceRow> rows, OrganizationalLifeRuleSet rules)
    {
        using var table = new DataTable("落实情况");
        foreach (var header in new[] { "党组织", "类型", "应落实", "已落实", "未落实", "落实率" }) table.Columns.Add(header, typeof(string));
        var kinds = rules.Obligations.Select(o => o.Kind).ToList();
        foreach (var kind in kinds) table.Columns.Add(KindNames[kind], typeof(string));
        table.Columns.Add("缺项（本组织）", typeof(string));
        foreach (var r in rows)
        {
            var cells = new List<object?>
            {
                r.Name, OrganizationKindNames[r.Kind], Num(r.Due), Num(r.Met), Num(r.Missing),
                (r.Rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            };
            cells.AddRange(kinds.Select(k => r.ByKind.TryGetValue(k, out var t) ? $"{t.Met}/{t.Due}" : ""));
            cells.Add(string.Join("；", r.Obligations.Where(o => o.MissingPeriods.Count > 0).Select(o => $"{KindNames[o.Kind]} {string.Join(", ", o.MissingPeriods)}")));
            table.Rows.Add([.. cells]);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "落实情况");
        return stream.ToArray();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
