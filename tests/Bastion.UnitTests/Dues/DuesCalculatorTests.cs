using Bastion.Dues;
using Bastion.Shared;

namespace Bastion.UnitTests.Dues;

// Expected amounts computed by hand from DOMAIN §7: rate × whole base, rounded to the fen half away from zero.
public class DuesCalculatorTests
{
    private static readonly DuesRuleSet s_rules = DuesRuleSet.Load();

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("1", "0.01")]           // 0.005 → 0.01 (half away from zero)
    [InlineData("3000", "15.00")]
    [InlineData("3000.01", "30.00")]    // 30.0001
    [InlineData("5000", "50.00")]
    [InlineData("5000.01", "75.00")]    // 75.00015
    [InlineData("10000", "150.00")]
    [InlineData("10000.01", "200.00")]  // 200.0002
    public void Quote_WhenEmployed_AppliesTierRateToWholePay(string pay, string expected)
    {
        var quote = DuesCalculator.Quote(s_rules, "employed", decimal.Parse(pay, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.MonthlyAmount);
        Assert.Equal(DuesCategory.Employed, quote.Category);
    }

    [Theory]
    [InlineData("5000", "25.00")]
    [InlineData("5000.01", "50.00")]    // 50.0001
    [InlineData("8000", "80.00")]
    public void Quote_WhenRetired_AppliesPensionTier(string pension, string expected)
    {
        var quote = DuesCalculator.Quote(s_rules, "retired", decimal.Parse(pension, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.MonthlyAmount);
    }

    [Theory]
    [InlineData("student")]
    [InlineData("farmer")]
    [InlineData("low-income")]
    [InlineData("unemployed")]
    public void Quote_WhenFlatCategory_IsTwentyFen(string category)
    {
        var quote = DuesCalculator.Quote(s_rules, category, null);

        Assert.Equal(0.20m, quote.MonthlyAmount);
        Assert.Null(quote.Base);
        Assert.Null(quote.Rate);
    }

    [Fact]
    public void Quote_WhenFlatCategoryHasBase_IgnoresIt()
    {
        Assert.Equal(0.20m, DuesCalculator.Quote(s_rules, "student", 12000m).MonthlyAmount);
    }

    [Fact]
    public void Quote_WhenCategoryDiffersInCaseOrSpace_Accepts()
    {
        Assert.Equal(DuesCategory.LowIncome, DuesCalculator.Quote(s_rules, " Low-Income ", null).Category);
    }

    [Fact]
    public void Quote_Always_NamesRuleSourceAndVersion()
    {
        var quote = DuesCalculator.Quote(s_rules, "employed", 4000m);

        Assert.Equal(0.01m, quote.Rate);
        Assert.Contains("3000", quote.Rule, StringComparison.Ordinal);
        Assert.Equal("关于中国共产党党费收缴、使用和管理的规定 2008", quote.Source);
        Assert.Equal("dues.national.2008", quote.RuleSetVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("pensioner")]
    public void Quote_WhenCategoryUnknownOrMissing_FailsOnCategory(string? category)
    {
        var e = Assert.Throws<ValidationFailedException>(() => DuesCalculator.Quote(s_rules, category, 1000m));

        Assert.Equal(["category"], e.Errors.Keys);
    }

    [Theory]
    [InlineData("employed", null)]
    [InlineData("employed", "-0.01")]
    [InlineData("retired", null)]
    [InlineData("retired", "-100")]
    [InlineData("employed", "100000000.01")]
    public void Quote_WhenBaseMissingNegativeOrHuge_FailsOnBase(string category, string? pay)
    {
        decimal? value = pay is null ? null : decimal.Parse(pay, System.Globalization.CultureInfo.InvariantCulture);

        var e = Assert.Throws<ValidationFailedException>(() => DuesCalculator.Quote(s_rules, category, value));

        Assert.Equal(["base"], e.Errors.Keys);
    }
}

public class DuesRuleSetTests
{
    [Fact]
    public void Load_WhenCalledTwice_ReturnsTheCachedSet()
    {
        Assert.Same(DuesRuleSet.Load(), DuesRuleSet.Load());
    }

    [Fact]
    public void Load_National_HasVersionEffectiveDateAndSourcePerRule()
    {
        var set = DuesRuleSet.Load();

        Assert.Equal("dues.national.2008", set.Version);
        Assert.Equal(new DateOnly(2008, 4, 1), set.EffectiveFrom);
        Assert.All(DuesCategories.All, c => Assert.NotNull(set.For(c)));
        var sources = set.Categories.SelectMany(c => c.Tiers?.Select(t => t.Source) ?? [c.Flat!.Source]).ToList();
        Assert.All(sources, s => Assert.Equal("关于中国共产党党费收缴、使用和管理的规定 2008", s));
    }

    [Fact]
    public void Load_National_FarmerMayPayTwentyFenToOneYuan()
    {
        var farmer = DuesRuleSet.Load().For(DuesCategory.Farmer).Flat!;

        Assert.Equal((0.20m, 0.20m, 1.00m), (farmer.Amount, farmer.Minimum, farmer.Maximum));
    }

    [Fact]
    public void Parse_WhenTiersDoNotAscend_Fails()
    {
        const string json = """
        { "id": "x", "version": "x.1", "effectiveFrom": "2020-01-01", "title": "t", "source": "s",
          "payment": { "backPaymentLimitMonths": 6, "backPaymentDescription": "d", "backPaymentSource": "s", "lapseAfterUnpaidMonths": 6, "lapseDescription": "d", "lapseSource": "s" },
          "categories": [
          { "category": "employed", "baseRequired": true, "tiers": [
            { "upTo": 5000, "rate": 0.01, "description": "d", "descriptionEn": "d", "source": "s" },
            { "upTo": 3000, "rate": 0.02, "description": "d", "descriptionEn": "d", "source": "s" },
            { "upTo": null, "rate": 0.03, "description": "d", "descriptionEn": "d", "source": "s" } ] } ] }
        """;

        var e = Assert.Throws<InvalidOperationException>(() => DuesRuleSet.Parse(json));

        Assert.Contains("ascend", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenCategoryMissing_Fails()
    {
        const string json = """
        { "id": "x", "version": "x.1", "effectiveFrom": "2020-01-01", "title": "t", "source": "s",
          "payment": { "backPaymentLimitMonths": 6, "backPaymentDescription": "d", "backPaymentSource": "s", "lapseAfterUnpaidMonths": 6, "lapseDescription": "d", "lapseSource": "s" },
          "categories": [
          { "category": "student", "baseRequired": false, "flat": { "amount": 0.2, "minimum": 0.2, "maximum": 0.2, "description": "d", "descriptionEn": "d", "source": "s" } } ] }
        """;

        Assert.Throws<InvalidOperationException>(() => DuesRuleSet.Parse(json));
    }
}
