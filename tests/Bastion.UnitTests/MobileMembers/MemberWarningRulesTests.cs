using Bastion.Dues;
using Bastion.MobileMembers;

namespace Bastion.UnitTests.MobileMembers;

public class MemberWarningRulesTests
{
    private static readonly MemberStatusRuleSet s_rules = MemberStatusRuleSet.Load();
    private static readonly DuesPaymentRules s_dues = DuesRuleSet.Load().Payment;
    private static readonly DateOnly s_today = new(2026, 11, 26);
    private static readonly DateOnly s_longAgo = new(2000, 1, 1);

    private static MobileFacts OutFlow(DateOnly leftOn, DateOnly? lastContact = null, bool fixedPlace = false,
        MobileStatus status = MobileStatus.Active, MobileDirection direction = MobileDirection.OutFlow) =>
        new(1, 10, "张三", 100, direction, status, fixedPlace, leftOn, lastContact);

    private static DuesFacts Dues(DateOnly joinedOn, params DateOnly[] paid) => new(10, "张三", 100, joinedOn, paid.ToHashSet());

    private static DateOnly M(int year, int month) => new(year, month, 1);

    [Fact]
    public void RuleSet_WhenLoaded_HasSixMonthLimitsWithSources()
    {
        Assert.Equal((6, 6), (s_rules.NoContactMonths, s_rules.ShouldTransferAfterMonths));
        Assert.Contains("第二十五条", s_rules.ShouldTransferSource, StringComparison.Ordinal);
        Assert.Equal("member-status.national.2019", s_rules.Version);
    }

    [Fact]
    public void NoContactTooLong_WhenLastContactExactlySixMonthsAgo_IsNoWarning()
    {
        Assert.Null(MemberWarningRules.NoContactTooLong(OutFlow(new(2025, 1, 1), lastContact: new(2026, 5, 26)), s_today, s_rules));
    }

    [Fact]
    public void NoContactTooLong_WhenLastContactSixMonthsAndOneDayAgo_Warns()
    {
        var w = MemberWarningRules.NoContactTooLong(OutFlow(new(2025, 1, 1), lastContact: new(2026, 5, 25)), s_today, s_rules);

        Assert.NotNull(w);
        Assert.Equal(("Mobile.NoContact6Months", new DateOnly(2026, 5, 25), 6), (w.Rule, w.Since, w.Months));
        Assert.False(string.IsNullOrWhiteSpace(w.Action));
    }

    [Fact]
    public void NoContactTooLong_WhenNeverContacted_CountsFromDeparture()
    {
        Assert.Null(MemberWarningRules.NoContactTooLong(OutFlow(new(2026, 5, 26)), s_today, s_rules));
        Assert.Equal(new DateOnly(2026, 5, 25), MemberWarningRules.NoContactTooLong(OutFlow(new(2026, 5, 25)), s_today, s_rules)?.Since);
    }

    [Fact]
    public void NoContactTooLong_WhenRecordEndedOrInFlow_IsNoWarning()
    {
        Assert.Null(MemberWarningRules.NoContactTooLong(OutFlow(new(2020, 1, 1), status: MobileStatus.Ended), s_today, s_rules));
        Assert.Null(MemberWarningRules.NoContactTooLong(OutFlow(new(2020, 1, 1), direction: MobileDirection.InFlow), s_today, s_rules));
    }

    [Fact]
    public void ShouldTransferMembership_WhenAtFixedPlaceExactlySixMonths_Warns()
    {
        var w = MemberWarningRules.ShouldTransferMembership(OutFlow(new(2026, 5, 26), fixedPlace: true), s_today, s_rules);

        Assert.Equal(("Mobile.AwayOver6MonthsShouldTransfer", 6), (w?.Rule, w?.Months));
    }

    [Fact]
    public void ShouldTransferMembership_WhenADayShortOfSixMonths_IsNoWarning()
    {
        Assert.Null(MemberWarningRules.ShouldTransferMembership(OutFlow(new(2026, 5, 27), fixedPlace: true), s_today, s_rules));
    }

    [Fact]
    public void ShouldTransferMembership_WhenNoFixedPlace_IsNoWarning()
    {
        Assert.Null(MemberWarningRules.ShouldTransferMembership(OutFlow(new(2024, 1, 1), lastContact: s_today), s_today, s_rules));
    }

    [Fact]
    public void NoDuesTooLong_WhenLastSixMonthsUnpaid_Warns()
    {
        // Paid up to 2026-04; 2026-05 … 2026-10 unpaid (the current month 2026-11 is not yet late).
        var w = MemberWarningRules.NoDuesTooLong(Dues(s_longAgo, M(2026, 3), M(2026, 4)), s_today, s_dues);

        Assert.Equal(("Status.NoDues6Months", M(2026, 5), 6), (w?.Rule, w?.Since, w?.Months));
    }

    [Fact]
    public void NoDuesTooLong_WhenFiveMonthsUnpaid_IsNoWarning()
    {
        Assert.Null(MemberWarningRules.NoDuesTooLong(Dues(s_longAgo, M(2026, 5)), s_today, s_dues));
    }

    [Fact]
    public void NoDuesTooLong_WhenSixUnpaidButNotUpToLastMonth_IsNoWarning()
    {
        // An old gap paid off since: the run that counts ends with last month.
        Assert.Null(MemberWarningRules.NoDuesTooLong(Dues(s_longAgo, M(2026, 10)), s_today, s_dues));
    }

    [Fact]
    public void NoDuesTooLong_WhenAdmittedFiveMonthsAgo_CountsOnlyMonthsSinceAdmission()
    {
        Assert.Null(MemberWarningRules.NoDuesTooLong(Dues(new DateOnly(2026, 6, 30)), s_today, s_dues));
        Assert.Equal(6, MemberWarningRules.NoDuesTooLong(Dues(new DateOnly(2026, 5, 31)), s_today, s_dues)?.Months);
    }

    [Fact]
    public void NoDuesTooLong_WhenNothingEverPaid_CapsAtTheLookBackWindow()
    {
        Assert.Equal(MemberWarningRules.LookBackMonths, MemberWarningRules.NoDuesTooLong(Dues(s_longAgo), s_today, s_dues)?.Months);
    }

    [Fact]
    public void WholeMonths_WhenADayShort_CountsOneLess()
    {
        Assert.Equal(6, MemberWarningRules.WholeMonths(new(2026, 5, 26), s_today));
        Assert.Equal(5, MemberWarningRules.WholeMonths(new(2026, 5, 27), s_today));
    }

    [Fact]
    public void Evaluate_WhenAwayLongAtFixedPlaceWithoutContact_GivesBothMobileWarnings()
    {
        var warnings = MemberWarningRules.Evaluate([OutFlow(new(2025, 1, 1), fixedPlace: true)], [], s_today, s_rules, s_dues);

        Assert.Equal(["Mobile.NoContact6Months", "Mobile.AwayOver6MonthsShouldTransfer"], warnings.Select(w => w.Rule));
    }
}
