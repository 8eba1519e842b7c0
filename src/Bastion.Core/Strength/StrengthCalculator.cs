using Bastion.Organizations;

namespace Bastion.Strength;

/// <summary>What the calculator needs to know about one organization of the run.</summary>
public sealed record AssessedOrganization(long Id, long? ParentId, string Path, int Depth, OrganizationKind Kind, UnitType? UnitType, int Members);

/// <summary>One indicator of one organization as the calculator computed it.</summary>
public sealed record IndicatorFigure(string Code, Fraction Own, Fraction Subtree, double? OwnScore, double? Score);

/// <summary>One organization's computed scores (see <see cref="OrganizationScore"/> for the meaning of each field).</summary>
public sealed record ScoreRow(
    AssessedOrganization Organization, int SubtreeMembers, IReadOnlyDictionary<string, double?> Dimensions, double? Total,
    IReadOnlyList<IndicatorFigure> Indicators, int? SiblingRank, int Siblings, int? KindRank, int KindSize,
    int Warnings, int SubtreeWarnings, int HighWarnings);

/// <summary>
/// The index's arithmetic, pure and in one place:
/// <list type="number">
/// <item>an organization's own score on an indicator is its own raw value placed on the rule's worst→best line (0–100);</item>
/// <item>its subtree score on an indicator is the mean of the own scores of the organizations in its subtree that have
/// data, each weighted by its active members (at least 1), so a 40-member branch counts four times a 10-member one;</item>
/// <item>a dimension score is the indicator-weighted mean of the subtree scores of its indicators with data;</item>
/// <item>the total is the dimension-weighted mean of the dimensions with data;</item>
/// <item>ranks order totals from high to low among siblings and among organizations of the same kind and unit type; ties share a rank.</item>
/// </list>
/// Raw numerators and denominators are also summed up the subtree, for display and drill-down.
/// </summary>
public static class StrengthCalculator
{
    public static int Weight(AssessedOrganization o) => Math.Max(1, o.Members);

    public static IReadOnlyList<ScoreRow> Compute(
        StrengthRuleSet rules, IReadOnlyList<AssessedOrganization> organizations, Measures measures, IReadOnlyList<(long OrganizationId, WarningSeverity Severity)> warnings)
    {
        var indicators = rules.Indicators;
        var n = indicators.Count;
        var index = new Dictionary<long, int>(organizations.Count);
        for (var i = 0; i < organizations.Count; i++) index[organizations[i].Id] = i;

        var own = new Fraction[organizations.Count, n];
        var ownScore = new double?[organizations.Count, n];
        var sum = new Fraction[organizations.Count, n];
        var weighted = new double[organizations.Count, n];
        var weights = new double[organizations.Count, n];
        var members = new int[organizations.Count];
        var ownWarnings = new int[organizations.Count];
        var subtreeWarnings = new int[organizations.Count];
        var high = new int[organizations.Count];

        for (var k = 0; k < n; k++)
        {
            var figures = measures.Of(indicators[k].Code);
            foreach (var (id, f) in figures)
            {
                if (!f.HasData || !index.TryGetValue(id, out var i)) continue;
                own[i, k] = f;
                ownScore[i, k] = indicators[k].Score(f.Numerator / f.Denominator);
            }
        }
        foreach (var (id, severity) in warnings)
        {
            if (!index.TryGetValue(id, out var i)) continue;
            ownWarnings[i]++;
            if (severity == WarningSeverity.High) high[i]++;
        }

        for (var i = 0; i < organizations.Count; i++)
        {
            members[i] = organizations[i].Members;
            subtreeWarnings[i] = ownWarnings[i];
            var w = Weight(organizations[i]);
            for (var k = 0; k < n; k++)
            {
                sum[i, k] = own[i, k];
                if (ownScore[i, k] is { } s) { weighted[i, k] = w * s; weights[i, k] = w; }
            }
        }

        // Children before parents: deepest first, then add each into its parent.
        foreach (var i in Enumerable.Range(0, organizations.Count).OrderByDescending(i => organizations[i].Depth))
        {
            if (organizations[i].ParentId is not { } parentId || !index.TryGetValue(parentId, out var p)) continue;
            members[p] += members[i];
            subtreeWarnings[p] += subtreeWarnings[i];
            for (var k = 0; k < n; k++)
            {
                sum[p, k] = sum[p, k].Add(sum[i, k]);
                weighted[p, k] += weighted[i, k];
                weights[p, k] += weights[i, k];
            }
        }

        var rows = new ScoreRow[organizations.Count];
        for (var i = 0; i < organizations.Count; i++)
        {
            var figures = new List<IndicatorFigure>();
            var scores = new double?[n];
            for (var k = 0; k < n; k++)
            {
                scores[k] = weights[i, k] > 0 ? Math.Round(weighted[i, k] / weights[i, k], 2) : null;
                if (sum[i, k].HasData || scores[k] is not null)
                    figures.Add(new IndicatorFigure(indicators[k].Code, own[i, k], sum[i, k], ownScore[i, k], scores[k]));
            }
            var dimensions = new Dictionary<string, double?>();
            foreach (var d in rules.Dimensions)
            {
                double total = 0, weight = 0;
                for (var k = 0; k < n; k++)
                    if (indicators[k].Dimension == d.Code && scores[k] is { } s) { total += indicators[k].Weight * s; weight += indicators[k].Weight; }
                dimensions[d.Code] = weight > 0 ? Math.Round(total / weight, 2) : null;
            }
            double all = 0, allWeight = 0;
            foreach (var d in rules.Dimensions)
                if (dimensions[d.Code] is { } s) { all += d.Weight * s; allWeight += d.Weight; }
            var totalScore = allWeight > 0 ? Math.Round(all / allWeight, 2) : (double?)null;
            rows[i] = new ScoreRow(organizations[i], members[i], dimensions, totalScore, figures, null, 0, null, 0, ownWarnings[i], subtreeWarnings[i], high[i]);
        }

        var siblingRanks = Ranks(rows, r => r.Organization.ParentId ?? 0);
        var kindRanks = Ranks(rows, r => ((int)r.Organization.Kind, r.Organization.UnitType));
        return rows.Select((r, i) => r with
        {
            SiblingRank = siblingRanks[i].Rank, Siblings = siblingRanks[i].Size,
            KindRank = kindRanks[i].Rank, KindSize = kindRanks[i].Size,
        }).ToList();
    }

    /// <summary>Competition ranking ("1, 2, 2, 4") by total, high first, within each group; rows without a total are unranked but counted in the group.</summary>
    private static (int? Rank, int Size)[] Ranks<TKey>(ScoreRow[] rows, Func<ScoreRow, TKey> group) where TKey : notnull
    {
        var result = new (int? Rank, int Size)[rows.Length];
        foreach (var g in Enumerable.Range(0, rows.Length).GroupBy(i => group(rows[i])))
        {
            var members = g.ToList();
            var ranked = members.Where(i => rows[i].Total is not null).OrderByDescending(i => rows[i].Total).ToList();
            for (var r = 0; r < ranked.Count; r++)
            {
                var rank = r > 0 && rows[ranked[r]].Total == rows[ranked[r - 1]].Total ? result[ranked[r - 1]].Rank : r + 1;
                result[ranked[r]] = (rank, members.Count);
            }
            foreach (var i in members.Where(i => rows[i].Total is null)) result[i] = (null, members.Count);
        }
        return result;
    }
}
