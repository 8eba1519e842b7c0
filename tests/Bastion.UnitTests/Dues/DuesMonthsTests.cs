using Bastion.Dues;
using Bastion.Shared;

namespace Bastion.UnitTests.Dues;

public class DuesMonthsTests
{
    private static readonly DuesPaymentRules s_rules = DuesRuleSet.Load().Payment;
    private static readonly DateOnly s_today = new(2026, 11, 26);
    private static readonly DateOnly s_longAgo = new(2000, 1, 1);

    private static DateOnly M(int year, int month) => new(year, month, 1);

    [Fact]
    public void Consecutive_WhenQuarterStartsMidMonth_GivesThreeFirstDays()
    {
        Assert.Equal([M(2026, 11), M(2026, 12), M(2027, 1)], DuesMonths.Consecutive(new DateOnly(2026, 11, 15), 3));
    }

    [Fact]
    public void CheckPayable_WhenSixMonthsBack_IsAllowed()
    {
        DuesMonths.CheckPayable([M(2026, 5)], s_today, s_longAgo, s_rules);
    }

    [Fact]
    public void CheckPayable_WhenSevenMonthsBack_BreaksBackPaymentLimit()
    {
        var e = Assert.Throws<DomainRuleException>(() => DuesMonths.CheckPayable([M(2026, 4), M(2026, 5)], s_today, s_longAgo, s_rules));

        Assert.Equal("Dues.BackPaymentLimit", e.Rule);
    }

    [Fact]
    public void CheckPayable_WhenBeforeAdmission_BreaksBeforeAdmission()
    {
        var e = Assert.Throws<DomainRuleException>(() => DuesMonths.CheckPayable([M(2026, 9)], s_today, new DateOnly(2026, 10, 20), s_rules));

        Assert.Equal("Dues.BeforeAdmission", e.Rule);
    }

    [Fact]
    public void CheckPayable_WhenAdmittedMidMonth_ThatMonthIsPayable()
    {
        DuesMonths.CheckPayable([M(2026, 10)], s_today, new DateOnly(2026, 10, 20), s_rules);
    }

    [Fact]
    public void Unpaid_WhenSomeMonthsPaid_ListsTheOthersOldestFirst()
    {
        var unpaid = DuesMonths.Unpaid(M(2026, 1), M(2026, 4), s_longAgo, new HashSet<DateOnly> { M(2026, 2) });

        Assert.Equal([M(2026, 1), M(2026, 3), M(2026, 4)], unpaid);
    }

    [Fact]
    public void Unpaid_WhenAdmittedInsideWindow_StartsAtAdmissionMonth()
    {
        var unpaid = DuesMonths.Unpaid(M(2026, 1), M(2026, 4), new DateOnly(2026, 3, 31), new HashSet<DateOnly>());

        Assert.Equal([M(2026, 3), M(2026, 4)], unpaid);
    }

    [Fact]
    public void Unpaid_WhenAdmittedAfterWindow_IsEmpty()
    {
        Assert.Empty(DuesMonths.Unpaid(M(2026, 1), M(2026, 4), new DateOnly(2026, 6, 1), new HashSet<DateOnly>()));
    }

    [Fact]
    public void LongestRun_WhenGapsAcrossYearEnd_CountsConsecutiveMonths()
    {
        Assert.Equal(3, DuesMonths.LongestRun([M(2025, 6), M(2025, 11), M(2025, 12), M(2026, 1), M(2026, 3)]));
    }

    [Fact]
    public void LongestRun_WhenEmpty_IsZero()
    {
        Assert.Equal(0, DuesMonths.LongestRun([]));
    }

    [Fact]
    public void PaymentRules_National_AreSixMonthsWithSources()
    {
        Assert.Equal((6, 6), (s_rules.BackPaymentLimitMonths, s_rules.LapseAfterUnpaidMonths));
        Assert.Equal("中国共产党章程 第九条", s_rules.LapseSource);
    }
}
