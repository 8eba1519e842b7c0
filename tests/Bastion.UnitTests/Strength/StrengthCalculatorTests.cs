using Bastion.Organizations;
using Bastion.Strength;

namespace Bastion.UnitTests.Strength;

/// <summary>The index's arithmetic on a small tree, with every number worked out by hand in the comments.</summary>
public sealed class StrengthCalculatorTests
{
    // Dimension A weighs 3, B weighs 1. Indicators: a1 (A, 0→1, weight 2), a2 (A, lower is better: 10 days → 0 days, weight 1),
    // b1 (B, 0.5→1, weight 1).
    private static readonly StrengthRuleSet Rules = StrengthRuleSet.Parse("""
        {
          "id": "strength.test", "version": "strength.test.1", "effectiveFrom": "2026-01-01", "title": "t", "source": "test",
          "dimensions": [
            { "code": "political", "name": "A", "nameEn": "A", "weight": 3 },
            { "code": "renewal", "name": "B", "nameEn": "B", "weight": 1 }
          ],
          "indicators": [
            { "code": "a1", "dimension": "political", "name": "a1", "nameEn": "a1", "formula": "f", "formulaEn": "f", "worst": 0, "best": 1, "weight": 2, "source": "s" },
            { "code": "a2", "dimension": "political", "name": "a2", "nameEn": "a2", "formula": "f", "formulaEn": "f", "worst": 10, "best": 0, "weight": 1, "source": "s" },
            { "code": "b1", "dimension": "renewal", "name": "b1", "nameEn": "b1", "formula": "f", "formulaEn": "f", "worst": 0.5, "best": 1, "weight": 1, "source": "s" }
          ],
          "warnings": []
        }
        """);

    // R (committee, 0 members) ─┬─ T (committee, 0 members) ─┬─ B1 (branch, 10 members)
    //                           │                            └─ B2 (branch, 30 members)
    //                           ├─ B3 (branch, 5 members)
    //                           └─ E (branch, 2 members, no records at all)
    private static readonly AssessedOrganization R = new(1, null, "/1/", 0, OrganizationKind.Committee, null, 0);
    private static readonly AssessedOrganization T = new(2, 1, "/1/2/", 1, OrganizationKind.Committee, null, 0);
    private static readonly AssessedOrganization B1 = new(3, 2, "/1/2/3/", 2, OrganizationKind.Branch, UnitType.Rural, 10);
    private static readonly AssessedOrganization B2 = new(4, 2, "/1/2/4/", 2, OrganizationKind.Branch, UnitType.Rural, 30);
    private static readonly AssessedOrganization B3 = new(5, 1, "/1/5/", 1, OrganizationKind.Branch, UnitType.Rural, 5);
    private static readonly AssessedOrganization E = new(6, 1, "/1/6/", 1, OrganizationKind.Branch, UnitType.Rural, 2);

    private static IReadOnlyList<ScoreRow> Compute()
    {
        var measures = new Measures
        {
            // a1: B1 8/10 = 0.8 → 80; B2 15/30 = 0.5 → 50.
            ["a1"] = new Dictionary<long, Fraction> { [B1.Id] = new(8, 10), [B2.Id] = new(15, 30) },
            // a2: B1 20 days over 10 = 2 days → (2 − 10) / (0 − 10) = 0.8 → 80; B3 5/1 = 5 days → 50.
            ["a2"] = new Dictionary<long, Fraction> { [B1.Id] = new(20, 10), [B3.Id] = new(5, 1) },
            // b1: T's own 0.9 → (0.9 − 0.5) / 0.5 = 0.8 → 80; B3 0.75 → 50; B2 0/0 is no data.
            ["b1"] = new Dictionary<long, Fraction> { [T.Id] = new(9, 10), [B3.Id] = new(3, 4), [B2.Id] = new(0, 0) },
        };
        return StrengthCalculator.Compute(Rules, [R, T, B1, B2, B3, E], measures,
            [(B2.Id, WarningSeverity.High), (B2.Id, WarningSeverity.Low), (B3.Id, WarningSeverity.Medium)]);
    }

    private static ScoreRow Row(AssessedOrganization o) => Compute().Single(r => r.Organization.Id == o.Id);

    [Fact]
    public void Branches_ScoreTheirOwnRecords()
    {
        // B1: A = (2·80 + 1·80) / 3 = 80; B has no data; total = A = 80.
        var b1 = Row(B1);
        Assert.Equal(80, b1.Dimensions["political"]);
        Assert.Null(b1.Dimensions["renewal"]);
        Assert.Equal(80, b1.Total);
        // B3: A = a2 alone = 50; B = 50; total = (3·50 + 1·50) / 4 = 50.
        var b3 = Row(B3);
        Assert.Equal(50, b3.Dimensions["political"]);
        Assert.Equal(50, b3.Dimensions["renewal"]);
        Assert.Equal(50, b3.Total);
    }

    [Fact]
    public void Parents_AreTheMemberWeightedMeanOfTheirSubtree()
    {
        // T: a1 = (10·80 + 30·50) / (10 + 30) = 2300 / 40 = 57.5; a2 = B1 alone = 80; b1 = T's own (weight 1) = 80.
        // A = (2·57.5 + 1·80) / 3 = 195 / 3 = 65; B = 80; total = (3·65 + 1·80) / 4 = 275 / 4 = 68.75.
        var t = Row(T);
        Assert.Equal(57.5, t.Indicators.Single(i => i.Code == "a1").Score);
        Assert.Equal(65, t.Dimensions["political"]);
        Assert.Equal(80, t.Dimensions["renewal"]);
        Assert.Equal(68.75, t.Total);

        // R: a1 = 57.5 (B3 and E have no data); a2 = (10·80 + 5·50) / 15 = 1050 / 15 = 70; b1 = (1·80 + 5·50) / 6 = 330 / 6 = 55.
        // A = (2·57.5 + 70) / 3 = 185 / 3 = 61.666… → 61.67; B = 55; total = (3·61.67 + 55) / 4 = 240.01 / 4 = 60.0025 → 60.
        var r = Row(R);
        Assert.Equal(70, r.Indicators.Single(i => i.Code == "a2").Score);
        Assert.Equal(55, r.Indicators.Single(i => i.Code == "b1").Score);
        Assert.Equal(61.67, r.Dimensions["political"]);
        Assert.Equal(55, r.Dimensions["renewal"]);
        Assert.Equal(60, r.Total);
        // Raw figures add up the tree: a1 = (8 + 15) / (10 + 30); members 10 + 30 + 5 + 2.
        var a1 = r.Indicators.Single(i => i.Code == "a1");
        Assert.Equal(new Fraction(23, 40), a1.Subtree);
        Assert.Null(a1.OwnScore);
        Assert.Equal(47, r.SubtreeMembers);
    }

    [Fact]
    public void NoData_IsNeitherZeroNorAHundred()
    {
        var e = Row(E);
        Assert.Null(e.Total);
        Assert.All(e.Dimensions.Values, Assert.Null);
        Assert.Empty(e.Indicators);
        Assert.Null(e.SiblingRank);
        // B2's b1 of 0/0 is no data too: its renewal dimension stays empty.
        Assert.Null(Row(B2).Dimensions["renewal"]);
        Assert.DoesNotContain(Row(B2).Indicators, i => i.Code == "b1");
    }

    [Fact]
    public void Ranks_AmongSiblingsAndAmongTheSameKind_TiesShareARank()
    {
        // Under R: T 68.75 (1st), B3 50 (2nd), E unranked; 3 siblings.
        Assert.Equal((1, 3), (Row(T).SiblingRank!.Value, Row(T).Siblings));
        Assert.Equal((2, 3), (Row(B3).SiblingRank!.Value, Row(B3).Siblings));
        // Under T: B1 80 (1st), B2 50 (2nd).
        Assert.Equal(1, Row(B1).SiblingRank);
        Assert.Equal(2, Row(B2).SiblingRank);
        // Rural branches: B1 80 → 1; B2 50 and B3 50 share 2; E unranked; 4 in the group.
        Assert.Equal((1, 4), (Row(B1).KindRank!.Value, Row(B1).KindSize));
        Assert.Equal(2, Row(B2).KindRank);
        Assert.Equal(2, Row(B3).KindRank);
        Assert.Null(Row(E).KindRank);
        // Committees rank among committees: T 68.75 → 2nd, R 60 → ... R is 60 < 68.75.
        Assert.Equal(1, Row(T).KindRank);
        Assert.Equal(2, Row(R).KindRank);
    }

    [Fact]
    public void Warnings_CountOnTheOrganizationAndUpItsSubtree()
    {
        Assert.Equal((2, 2, 1), (Row(B2).Warnings, Row(B2).SubtreeWarnings, Row(B2).HighWarnings));
        Assert.Equal((0, 2), (Row(T).Warnings, Row(T).SubtreeWarnings));
        Assert.Equal((0, 3), (Row(R).Warnings, Row(R).SubtreeWarnings));
    }

    [Theory]
    [InlineData(0, 1, 0.25, 25)]
    [InlineData(0, 1, 1.5, 100)]
    [InlineData(0, 1, -1, 0)]
    [InlineData(10, 1, 1, 100)]
    [InlineData(10, 1, 5.5, 50)]
    [InlineData(0.05, 0, 0.01, 80)]
    public void Score_PlacesTheRawValueOnTheWorstToBestLine(double worst, double best, double value, double score)
    {
        var rule = Rules.Indicator("a1") with { Worst = worst, Best = best };
        Assert.Equal(score, rule.Score(value), 2);
    }

    [Fact]
    public void TheShippedRuleSet_Loads_WithFourDimensionsAndEveryWarningPointingToASituation()
    {
        var rules = StrengthRuleSet.Load();
        Assert.Equal(["political", "development", "cohesion", "renewal"], rules.Dimensions.Select(d => d.Code));
        Assert.All(rules.Dimensions, d => Assert.Contains(rules.Indicators, i => i.Dimension == d.Code));
        Assert.All(rules.Warnings, w => Assert.True(Enum.IsDefined(w.Situation)));
        Assert.Contains(rules.Warnings, w => w is { Code: "silent-branch", Threshold: 30 });
        Assert.Contains(rules.Warnings, w => w is { Code: "secretary-vacant", Threshold: 3 });
        Assert.Contains(rules.Warnings, w => w is { Code: "low-satisfaction", Threshold: 0.6 });
    }

    [Fact]
    public void ARuleSetWithAnUnknownDimension_IsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StrengthRuleSet.Parse("""
            { "id": "x", "version": "x.1", "effectiveFrom": "2026-01-01", "title": "t", "source": "s",
              "dimensions": [ { "code": "political", "name": "A", "nameEn": "A", "weight": 1 } ],
              "indicators": [ { "code": "a", "dimension": "nowhere", "name": "a", "nameEn": "a", "formula": "f", "formulaEn": "f", "worst": 0, "best": 1, "weight": 1, "source": "s" } ],
              "warnings": [] }
            """));
        Assert.Contains("nowhere", e.Message);
    }
}
