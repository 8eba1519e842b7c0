using Bastion.Rectification;
using Bastion.Shared;
using Bastion.Strength;

namespace Bastion.UnitTests.Rectification;

/// <summary>The pure rules of a rectification case: the order of its states, dates, the acceptance check and closing.</summary>
public sealed class RectificationRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static RectificationCase NewCase(RectificationState state = RectificationState.Identified) => new()
    {
        OrganizationId = 1, State = state, IdentifiedOn = Today.AddDays(-100), Year = 2026, Reason = "x", IdentifiedBy = "t",
    };

    private static string Rule(Action action) => Assert.Throws<DomainRuleException>(action).Rule;

    [Fact]
    public void Start_WhenNotPlanned_IsNotPossible()
    {
        Assert.Equal(RectificationRules.StateOrderRule, Rule(() => RectificationRules.Start(NewCase(), Today, Today)));
        Assert.Equal(RectificationRules.StateOrderRule, Rule(() => RectificationRules.Start(NewCase(RectificationState.Rectifying), Today, Today)));
    }

    [Fact]
    public void Start_WhenDatedInTheFutureOrBeforeIdentification_IsNotPossible()
    {
        Assert.Equal(RectificationRules.DateNotInFutureRule, Rule(() => RectificationRules.Start(NewCase(RectificationState.Planned), Today.AddDays(1), Today)));
        Assert.Equal(RectificationRules.DateOrderRule, Rule(() => RectificationRules.Start(NewCase(RectificationState.Planned), Today.AddDays(-101), Today)));
        var c = NewCase(RectificationState.Planned);
        RectificationRules.Start(c, Today, Today);
        Assert.Equal(RectificationState.Rectifying, c.State);
        Assert.Equal(Today, c.RectifyingSince);
    }

    [Fact]
    public void CompleteStep_WhenAlreadyCompleted_IsNotPossible()
    {
        var c = NewCase(RectificationState.Rectifying);
        var step = new RectificationStep { Number = 1, Text = "x", DueOn = Today };
        RectificationRules.CompleteStep(c, step, Today, Today);
        Assert.Equal(Today, step.CompletedOn);
        Assert.Equal(RectificationRules.StepCompletedOnceRule, Rule(() => RectificationRules.CompleteStep(c, step, Today, Today)));
    }

    [Fact]
    public void Check_WhenMeasuresAreOpen_IsNotPossible_AndAFailedCheckKeepsTheCaseRectifying()
    {
        var c = NewCase(RectificationState.Rectifying);
        Assert.Equal(RectificationRules.CheckAfterStepsRule, Rule(() => RectificationRules.Check(c, 1, Today, true, Today)));
        RectificationRules.Check(c, 0, Today, false, Today);
        Assert.Equal(RectificationState.Rectifying, c.State);
        Assert.False(c.HasPassedCheck);
        RectificationRules.Check(c, 0, Today, true, Today);
        Assert.Equal(RectificationState.Checked, c.State);
        Assert.True(c.HasPassedCheck);
        Assert.Equal(RectificationRules.StateOrderRule, Rule(() => RectificationRules.Check(c, 0, Today, true, Today)));
    }

    [Theory]
    [InlineData(RectificationState.Identified)]
    [InlineData(RectificationState.Planned)]
    [InlineData(RectificationState.Rectifying)]
    public void Close_WithoutAPassedCheck_IsNotPossible(RectificationState state) =>
        Assert.Equal(RectificationRules.CloseNeedsPassedCheckRule, Rule(() => RectificationRules.Close(NewCase(state), Today, Today)));

    [Fact]
    public void Close_AfterAPassedCheck_ClosesOnce_AndNotBeforeTheCheck()
    {
        var c = NewCase(RectificationState.Rectifying);
        RectificationRules.Check(c, 0, Today.AddDays(-5), true, Today);
        Assert.Equal(RectificationRules.DateOrderRule, Rule(() => RectificationRules.Close(c, Today.AddDays(-6), Today)));
        Assert.Equal(RectificationRules.DateNotInFutureRule, Rule(() => RectificationRules.Close(c, Today.AddDays(1), Today)));
        RectificationRules.Close(c, Today, Today);
        Assert.Equal(RectificationState.Closed, c.State);
        Assert.Equal(RectificationRules.StateOrderRule, Rule(() => RectificationRules.Close(c, Today, Today)));
    }

    [Fact]
    public void Situations_RoundTripThroughTheMask()
    {
        WeakSituation[] all = Enum.GetValues<WeakSituation>();
        Assert.Equal(all, SituationBits.Situations(SituationBits.Mask(all)));
        Assert.Equal([WeakSituation.VoteBuying, WeakSituation.NoCollectiveIncome], SituationBits.Situations(SituationBits.Mask([WeakSituation.NoCollectiveIncome, WeakSituation.VoteBuying])));
        Assert.False(RectificationRules.ValidSituations([]));
        Assert.False(RectificationRules.ValidSituations([(WeakSituation)99]));
    }

    [Fact]
    public void WarningCodes_WhenNotCodes_AreRefused()
    {
        Assert.Equal(["silent-branch", "secretary-vacant"], RectificationRules.WarningCodes(["Silent-Branch ", "secretary-vacant", "silent-branch", ""], out var ok));
        Assert.Null(ok);
        RectificationRules.WarningCodes(["空白"], out var bad);
        Assert.NotNull(bad);
    }

    [Fact]
    public void IsOverdue_OnlyForOpenMeasuresPastDue_InAnOpenCase()
    {
        var step = new RectificationStep { Text = "x", DueOn = Today.AddDays(-1) };
        Assert.True(RectificationRules.IsOverdue(step, RectificationState.Rectifying, Today));
        Assert.False(RectificationRules.IsOverdue(step, RectificationState.Closed, Today));
        Assert.False(RectificationRules.IsOverdue(new RectificationStep { Text = "x", DueOn = Today }, RectificationState.Rectifying, Today));
        step.CompletedOn = Today;
        Assert.False(RectificationRules.IsOverdue(step, RectificationState.Rectifying, Today));
    }
}
