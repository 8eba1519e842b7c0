using Bastion.Shared;
using Bastion.Transfers;

namespace Bastion.UnitTests.Transfers;

public class TransferRulesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 26);
    private static readonly DateTime s_now = new(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

    private static Transfer Letter(TransferKind kind = TransferKind.Internal, TransferStatus status = TransferStatus.Issued, int validForDaysFromToday = 20) => new()
    {
        MemberId = 1, Kind = kind, FromOrganizationId = 10, ToOrganizationId = kind == TransferKind.Internal ? 20 : null,
        Status = status, IssuedOn = s_today.AddDays(-10), ValidUntil = s_today.AddDays(validForDaysFromToday), IssuedBy = "sender",
    };

    private static string RuleOf(Action act) => Assert.Throws<DomainRuleException>(act).Rule;

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(180)]
    public void CheckValidityDays_WhenWithinTenToOneHundredEighty_IsAccepted(int days)
    {
        Assert.Equal(days, TransferRules.CheckValidityDays(days, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(181)]
    [InlineData(0)]
    [InlineData(-5)]
    public void CheckValidityDays_WhenOutsideTheRange_IsAnError(int days)
    {
        TransferRules.CheckValidityDays(days, out var error);
        Assert.NotNull(error);
    }

    [Fact]
    public void CheckValidityDays_WhenNotGiven_DefaultsToThirty()
    {
        Assert.Equal(30, TransferRules.CheckValidityDays(null, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void ValidUntil_IsIssueDatePlusTheDays() =>
        Assert.Equal(new DateOnly(2026, 12, 26), TransferRules.ValidUntil(s_today, 30));

    [Theory]
    [InlineData(TransferStatus.Issued, -1, true)]
    [InlineData(TransferStatus.Issued, 0, false)]
    [InlineData(TransferStatus.Accepted, -1, false)]
    [InlineData(TransferStatus.Returned, -30, false)]
    public void IsOverdue_OnlyWhenOpenPastTheLastValidDay(TransferStatus status, int lastDayFromToday, bool overdue) =>
        Assert.Equal(overdue, TransferRules.IsOverdue(status, s_today.AddDays(lastDayFromToday), s_today));

    [Fact]
    public void Accept_WhenOpenAndByReceiver_ClosesTheLetter()
    {
        var letter = Letter();
        letter.Accept(callerIsReceiver: true, s_today, "receiver", s_now);
        Assert.Equal((TransferStatus.Accepted, s_today, "receiver", 1), (letter.Status, letter.AcceptedOn, letter.ClosedBy, letter.Version));
    }

    [Fact]
    public void Accept_WhenCallerIsNotTheReceiver_IsNotPossible() =>
        Assert.Equal(TransferRules.ReceiverOnly, RuleOf(() => Letter().Accept(callerIsReceiver: false, s_today, "sender", s_now)));

    [Theory]
    [InlineData(TransferStatus.Accepted)]
    [InlineData(TransferStatus.Returned)]
    [InlineData(TransferStatus.Cancelled)]
    [InlineData(TransferStatus.Completed)]
    public void Accept_WhenNotOpen_IsNotPossible(TransferStatus status) =>
        Assert.Equal(TransferRules.NotOpen, RuleOf(() => Letter(status: status).Accept(true, s_today, "receiver", s_now)));

    [Fact]
    public void Accept_WhenPastTheValidityPeriod_IsNotPossible() =>
        Assert.Equal(TransferRules.Expired, RuleOf(() => Letter(validForDaysFromToday: -1).Accept(true, s_today, "receiver", s_now)));

    [Fact]
    public void Accept_WhenTheLetterGoesOutOfTheSystem_IsNotPossible() =>
        Assert.Equal(TransferRules.InternalOnly, RuleOf(() => Letter(TransferKind.OutOfSystem).Accept(true, s_today, "x", s_now)));

    [Fact]
    public void Return_WhenOpenAndByReceiver_KeepsTheReason()
    {
        var letter = Letter();
        letter.Return(callerIsReceiver: true, "抬头有误", "receiver", s_now);
        Assert.Equal((TransferStatus.Returned, "抬头有误"), (letter.Status, letter.ReturnReason));
    }

    [Fact]
    public void Return_WhenCallerIsNotTheReceiver_IsNotPossible() =>
        Assert.Equal(TransferRules.ReceiverOnly, RuleOf(() => Letter().Return(false, "x", "sender", s_now)));

    [Fact]
    public void Cancel_WhenCallerIsNotTheSender_IsNotPossible() =>
        Assert.Equal(TransferRules.SenderOnly, RuleOf(() => Letter().Cancel(false, "receiver", s_now)));

    [Fact]
    public void Cancel_WhenAlreadyAccepted_IsNotPossible() =>
        Assert.Equal(TransferRules.NotOpen, RuleOf(() => Letter(status: TransferStatus.Accepted).Cancel(true, "sender", s_now)));

    [Fact]
    public void RecordReturnSlip_WhenLetterOutOfTheSystem_CompletesIt()
    {
        var letter = Letter(TransferKind.OutOfSystem);
        letter.RecordReturnSlip(callerIsSender: true, s_today, "sender", s_now);
        Assert.Equal((TransferStatus.Completed, s_today), (letter.Status, letter.ReturnSlipReceivedOn));
    }

    [Fact]
    public void RecordReturnSlip_WhenLetterInsideTheSystem_IsNotPossible() =>
        Assert.Equal(TransferRules.OutOfSystemOnly, RuleOf(() => Letter().RecordReturnSlip(true, s_today, "sender", s_now)));

    [Fact]
    public void EnsureDifferentBranch_WhenSameBranch_IsNotPossible() =>
        Assert.Equal(TransferRules.SameBranch, RuleOf(() => TransferRules.EnsureDifferentBranch(7, 7)));
}
