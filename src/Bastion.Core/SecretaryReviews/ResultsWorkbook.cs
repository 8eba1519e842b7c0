using Bastion.Shared;

namespace Bastion.SecretaryReviews;

/// <summary>The results of a subtree as a workbook (Chinese headers, one row per secretary).</summary>
public static class ResultsWorkbook
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "年度", "组织评议的党委", "党组织", "书记", "评议结果", "综合得分", "评议人数",
        "组织力指数", "政治领导力", "发展推动力", "群众凝聚力", "自我革新力", "同级排名", "测评期", "预警数", "预警",
    ];

    public static byte[] Export(IEnumerable<ResultRow> rows) =>
        Workbook.Write("述职评议结果", Headers, rows.Select(r => new object?[]
        {
            r.Year, r.OrganizerName, r.OrganizationName, r.SecretaryName, Result(r), r.Score, r.Ratings,
            r.Index.Total, r.Index.Political, r.Index.Development, r.Index.Cohesion, r.Index.Renewal,
            r.Index.SiblingRank is { } rank ? $"{rank}/{r.Index.Siblings}" : null,
            r.Index.HasAssessment ? r.Index.Period : "无测评", r.Warnings, r.WarningNames,
        }));

    public static string Result(ResultRow r) => r.Outcome == ReviewOutcome.NotReported ? "未述职"
        : r.Grade is { } g ? SecretaryReviewRuleSet.Load().Grade(g).Name : "";
}
