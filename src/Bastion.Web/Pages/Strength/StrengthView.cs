using System.Globalization;
using Bastion.Compliance;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Strength;

/// <summary>
/// How the index's figures read, shared by the dashboards, the big screen, the API's workbooks: rule names in the UI
/// language (the rule set carries zh and en), scores with "no data" instead of 0, measured figures with their units.
/// </summary>
public sealed class StrengthView(IStringLocalizer<StrengthResource> text)
{
    public IStringLocalizer<StrengthResource> Text { get; } = text;

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Name(DimensionRule d) => English ? d.NameEn : d.Name;
    public static string Name(IndicatorRule i) => English ? i.NameEn : i.Name;
    public static string Formula(IndicatorRule i) => English ? i.FormulaEn : i.Formula;
    public static string Description(WarningRule w) => English ? w.DescriptionEn : w.Description;
    public static string Name(WarningRule? w, string code) => w is null ? code : English ? w.NameEn : w.Name;

    /// <summary>The dimension's name by code (a code the rule set does not know reads as itself).</summary>
    public static string Dimension(StrengthRuleSet rules, string code) =>
        rules.Dimensions.FirstOrDefault(d => d.Code == code) is { } d ? Name(d) : code;

    /// <summary>A score 0–100 as text; no data is said so, never 0.</summary>
    public string Score(double? score) => score is { } s ? Number(s) : Text["NoData"];

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A change of the total from the previous period with its sign (▲ +3.2, ▼ −1.5).</summary>
    public string Change(double? change) => change switch
    {
        null => Text["Change.None"],
        > 0 => "▲ +" + Number(change.Value),
        < 0 => "▼ " + Number(change.Value),
        _ => "＝ 0",
    };

    /// <summary>Rates (the rule's scale lies within 0–1) read as percentages; other figures (days, yuan) as numbers.</summary>
    public static bool IsRate(IndicatorRule rule) => Math.Max(rule.Worst, rule.Best) <= 1 && Math.Min(rule.Worst, rule.Best) >= 0;

    public static string Value(IndicatorRule rule, double value) =>
        IsRate(rule) ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : Number(Math.Round(value, 2));

    /// <summary>"numerator / denominator = value", or no data when the denominator is 0.</summary>
    public string Raw(IndicatorRule rule, double numerator, double denominator) =>
        denominator > 0 ? $"{Number(Math.Round(numerator, 2))} / {Number(Math.Round(denominator, 2))} = {Value(rule, numerator / denominator)}" : Text["NoData"];

    /// <summary>A warning's measured figure or threshold: a rate as a percentage, else the number with the rule's unit.</summary>
    public string Measure(string code, double threshold, double value)
    {
        if (threshold is > 0 and < 1) return (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        var unit = Text[$"Unit.{code}"];
        return Number(Math.Round(value, 2)) + (unit.ResourceNotFound ? "" : unit.Value);
    }

    public string Severity(WarningSeverity s) => Text[$"Severity.{s}"];

    public static string SeverityClass(WarningSeverity s) => s switch
    {
        WarningSeverity.High => "text-bg-danger",
        WarningSeverity.Medium => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public string Situation(WeakSituation s) => Text[$"Situation.{s}"];

    /// <summary>"第3名/共12个" or no rank when the organization has no total.</summary>
    public string Rank(int? rank, int of) => rank is { } r ? Text["Rank", r, of] : Text["Rank.None"];

    /// <summary>Parses "2026Q3" (also a month or a year); empty means the newest run. Malformed input is a field error.</summary>
    public static string? ParsePeriod(string? period) =>
        string.IsNullOrWhiteSpace(period) ? null
        : Period.TryParse(period)?.Label ?? throw ValidationFailedException.For("period", "Give a period as 2026Q3 (a quarter), 2026-07 (a month) or 2026 (a year).");

    // ---- workbooks ----------------------------------------------------------------------------------------------

    /// <summary>The children ranked (or, with <paramref name="subtree"/>, every organization below grouped by kind).</summary>
    public byte[] ScoresWorkbook(StrengthRuleSet rules, IReadOnlyList<SubtreeScore> rows, IStringLocalizer shared)
    {
        var headers = new List<string> { Text["Col.Organization"], Text["Col.Kind"], Text["Col.Members"], Text["Col.Total"] };
        headers.AddRange(rules.Dimensions.Select(Name));
        headers.AddRange([Text["Col.SiblingRank"], Text["Col.KindRank"], Text["Col.Warnings"], Text["Col.SubtreeWarnings"]]);
        return Workbook.Write(Text["Export.ScoresSheet"], headers, rows.Select(r =>
        {
            var row = new List<object?> { r.Name, shared[$"OrganizationKind.{r.Kind}"].Value, r.SubtreeMembers, Score(r.Total) };
            row.AddRange(rules.Dimensions.Select(d => (object?)Score(d.Code switch
            {
                "political" => r.Political, "development" => r.Development, "cohesion" => r.Cohesion, "renewal" => r.Renewal, _ => null,
            })));
            row.AddRange([Rank(r.SiblingRank, r.Siblings), Rank(r.KindRank, r.KindSize), r.Warnings, r.SubtreeWarnings]);
            return row.ToArray();
        }));
    }

    public byte[] WarningsWorkbook(IReadOnlyList<WarningView> warnings) =>
        Workbook.Write(Text["Export.WarningsSheet"],
            [Text["Col.Severity"], Text["Col.Warning"], Text["Col.Organization"], Text["Col.Measure"], Text["Col.Threshold"], Text["Col.Since"], Text["Col.Situation"], Text["Col.Period"]],
            warnings.Select(w => new object?[]
            {
                Severity(w.Severity), Name(w.Rule, w.Code), w.OrganizationName, Measure(w.Code, w.Threshold, w.Measure), Measure(w.Code, w.Threshold, w.Threshold),
                w.Since, Situation(w.Situation), w.Period,
            }));

    /// <summary>Children rows in the shape of a subtree export row.</summary>
    public static SubtreeScore AsRow(ScoreView s) => new(s.OrganizationId, s.Name, s.ParentId, 0, s.Kind, s.UnitType, s.SubtreeMembers,
        s.Political, s.Development, s.Cohesion, s.Renewal, s.Total, s.SiblingRank, s.Siblings, s.KindRank, s.KindSize, s.Warnings, s.SubtreeWarnings);
}

/// <summary>What the warning-list partial shows: the warnings, whether to name each one's organization, the period query.</summary>
public sealed record WarningListView(IReadOnlyList<WarningView> Warnings, bool ShowOrganization, string Query);
