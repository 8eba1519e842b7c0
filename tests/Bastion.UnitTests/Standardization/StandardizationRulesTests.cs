using Bastion.Standardization;

namespace Bastion.UnitTests.Standardization;

public sealed class StandardizationRulesTests
{
    private static readonly StandardizationRuleSet Rules = StandardizationRuleSet.Load();

    [Theory]
    [InlineData(0, StandardizationCategory.Weak)]
    [InlineData(59, StandardizationCategory.Weak)]
    [InlineData(60, StandardizationCategory.Standard)]
    [InlineData(89, StandardizationCategory.Standard)]
    [InlineData(90, StandardizationCategory.Model)]
    [InlineData(100, StandardizationCategory.Model)]
    public void Categorize_AtTheLines_GivesTheCategory(int total, StandardizationCategory expected)
    {
        var (category, barred) = StandardizationRules.Categorize(total, Rules, highWarning: false, identifiedWeak: false);
        Assert.Equal(expected, category);
        Assert.False(barred);
    }

    [Fact]
    public void Categorize_WhenAHighWarningIsOpen_StopsAtStandard()
    {
        Assert.Equal((StandardizationCategory.Standard, true), StandardizationRules.Categorize(90, Rules, highWarning: true, identifiedWeak: false));
        Assert.Equal((StandardizationCategory.Standard, false), StandardizationRules.Categorize(89, Rules, highWarning: true, identifiedWeak: false));
        Assert.Equal((StandardizationCategory.Weak, false), StandardizationRules.Categorize(59, Rules, highWarning: true, identifiedWeak: false));
    }

    [Fact]
    public void Categorize_WhenIdentifiedWeakAndLax_IsWeakWhateverTheTotal()
    {
        Assert.Equal((StandardizationCategory.Weak, true), StandardizationRules.Categorize(100, Rules, highWarning: false, identifiedWeak: true));
        Assert.Equal((StandardizationCategory.Weak, false), StandardizationRules.Categorize(75, Rules, highWarning: false, identifiedWeak: true));
    }

    [Fact]
    public void RuleSet_AddsUpTo100_AndEveryItemHasASource()
    {
        Assert.Equal(100, Rules.MaxTotal);
        Assert.Equal([20, 20, 30, 20, 10], Rules.Dimensions.Select(d => d.Points));
        Assert.All(Rules.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Source)));
        Assert.Equal(StandardizationRuleSet.AutomaticChecks.Order(), Rules.Items.Where(i => i.Mode == ItemMode.Automatic).Select(i => i.Code).Order());
    }

    [Fact]
    public void Parse_WhenItemsDoNotAddUpToTheirDimension_Fails()
    {
        var json = """
            { "id": "x", "version": "x.1", "effectiveFrom": "2026-01-01", "title": "t", "source": "s", "standardFrom": 60, "modelFrom": 90,
              "thresholdsSource": "s", "modelBarredBySeverity": "High", "modelBarSource": "s",
              "dimensions": [ { "code": "a", "name": "A", "nameEn": "A", "points": 100 } ],
              "items": [ { "code": "venue", "dimension": "a", "mode": "Inspection", "points": 90, "name": "n", "nameEn": "n", "description": "d", "descriptionEn": "d", "source": "s", "localDefault": true } ] }
            """;
        var e = Assert.Throws<InvalidOperationException>(() => StandardizationRuleSet.Parse(json));
        Assert.Contains("give 90 points", e.Message);
    }

    [Fact]
    public void Parse_WhenAnAutomaticItemHasNoCheck_Fails()
    {
        var json = """
            { "id": "x", "version": "x.1", "effectiveFrom": "2026-01-01", "title": "t", "source": "s", "standardFrom": 60, "modelFrom": 90,
              "thresholdsSource": "s", "modelBarredBySeverity": "High", "modelBarSource": "s",
              "dimensions": [ { "code": "a", "name": "A", "nameEn": "A", "points": 100 } ],
              "items": [ { "code": "venue", "dimension": "a", "mode": "Automatic", "points": 100, "name": "n", "nameEn": "n", "description": "d", "descriptionEn": "d", "source": "s", "localDefault": true } ] }
            """;
        Assert.Throws<InvalidOperationException>(() => StandardizationRuleSet.Parse(json));
    }

    private static BranchFacts Facts(DateOnly asOf) => new() { OrganizationId = 1, AsOf = asOf };

    [Fact]
    public void Decide_RecentActivity_At30DaysIsMet_At31IsNot()
    {
        var item = Rules.Item("recent-activity")!;
        var asOf = new DateOnly(2025, 12, 31);
        Assert.True(StandardizationRules.Decide(item, Facts(asOf) with { LastActivityOn = asOf.AddDays(-30) }).Met);
        Assert.False(StandardizationRules.Decide(item, Facts(asOf) with { LastActivityOn = asOf.AddDays(-31) }).Met);
        Assert.False(StandardizationRules.Decide(item, Facts(asOf)).Met);
    }

    [Fact]
    public void Decide_Shares_AtTheThresholdAreMet_AndNoDataIsNot()
    {
        var life = Rules.Item("organizational-life")!;
        Assert.True(StandardizationRules.Decide(life, Facts(new DateOnly(2025, 12, 31)) with { OrganizationalLife = new Share(9, 10, "records") }).Met);
        Assert.False(StandardizationRules.Decide(life, Facts(new DateOnly(2025, 12, 31)) with { OrganizationalLife = new Share(8, 9, "records") }).Met);
        Assert.False(StandardizationRules.Decide(life, Facts(new DateOnly(2025, 12, 31))).Met);
    }

    [Fact]
    public void Decide_Committee_NotRequiredBelowSevenFullMembers()
    {
        var item = Rules.Item("committee-formed")!;
        Assert.True(StandardizationRules.Decide(item, Facts(new DateOnly(2025, 12, 31)) with { FullMembers = 6, CommitteeSize = 1 }).Met);
        Assert.False(StandardizationRules.Decide(item, Facts(new DateOnly(2025, 12, 31)) with { FullMembers = 7, CommitteeSize = 2 }).Met);
        Assert.True(StandardizationRules.Decide(item, Facts(new DateOnly(2025, 12, 31)) with { FullMembers = 7, CommitteeSize = 3 }).Met);
    }

    [Theory]
    [InlineData(2025, "2025-12-31", 12)]
    [InlineData(2026, "2026-11-26", 10)]
    [InlineData(2026, "2026-11-30", 11)]
    [InlineData(2026, "2026-01-15", 0)]
    public void CompleteMonths_CountsTheMonthsEndedByTheAsOfDay(int year, string asOf, int months) =>
        Assert.Equal(months, BranchFactsQuery.CompleteMonths(year, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
}
