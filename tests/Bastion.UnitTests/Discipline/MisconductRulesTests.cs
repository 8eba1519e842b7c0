using Bastion.Discipline;
using Bastion.Shared;

namespace Bastion.UnitTests.Discipline;

public sealed class MisconductRoutingTests
{
    [Fact]
    public void Receiver_WhenOneBranchIsConcerned_IsItsParent() =>
        Assert.Equal(30, MisconductRouting.Receiver(["/1/20/30/40/"]));

    [Fact]
    public void Receiver_WhenThePersonHoldsAPositionInTheParent_IsTheGrandparent() =>
        Assert.Equal(20, MisconductRouting.Receiver(["/1/20/30/40/", "/1/20/30/"]));

    [Fact]
    public void Receiver_WhenOrganizationsLieInDifferentBranches_IsTheirLowestCommonAncestor() =>
        Assert.Equal(20, MisconductRouting.Receiver(["/1/20/30/40/", "/1/20/31/41/"]));

    [Fact]
    public void Receiver_WhenTheCommonAncestorIsItselfConcerned_GoesOneLevelHigher() =>
        Assert.Equal(1, MisconductRouting.Receiver(["/1/20/30/40/", "/1/20/"]));

    [Fact]
    public void Receiver_WhenTheRootIsConcerned_IsNull()
    {
        Assert.Null(MisconductRouting.Receiver(["/1/"]));
        Assert.Null(MisconductRouting.Receiver(["/1/20/", "/2/30/"]));
    }

    [Fact]
    public void Receiver_NeverLiesInsideAConcernedSubtree()
    {
        string[][] cases = [["/1/2/3/"], ["/1/2/3/", "/1/2/4/5/"], ["/1/2/", "/1/2/3/4/"], ["/9/8/7/6/5/", "/9/8/7/"]];
        foreach (var paths in cases)
        {
            var receiver = MisconductRouting.Receiver(paths)!.Value;
            Assert.All(paths, p => Assert.Contains($"/{receiver}/", p));
            Assert.All(paths, p => Assert.False(p.EndsWith($"/{receiver}/", StringComparison.Ordinal)));
        }
    }
}

public sealed class MisconductRulesTests
{
    private static readonly DisciplineRuleSet Rules = DisciplineRuleSet.Load();
    private static readonly DateOnly Today = new(2026, 5, 1);

    private static MisconductReport Report(MisconductStatus status = MisconductStatus.Received) => new()
    {
        TrackingCode = "ABCDEFGHJK", SecretHash = "", Account = "x", RuleSetVersion = Rules.Version, Status = status,
        ReceivedOn = Today, DecideDueOn = Today.AddDays(Rules.DecideDays),
    };

    [Fact]
    public void Accept_WhenReceived_StartsThePreliminaryCheckWithItsDeadline()
    {
        var r = Report();
        MisconductRules.Accept(r, Rules, Today);
        Assert.Equal(MisconductStatus.UnderCheck, r.Status);
        Assert.Equal(Today.AddDays(Rules.CheckDays), r.CheckDueOn);
        Assert.Equal(r.CheckDueOn, r.CurrentDueOn);
    }

    [Fact]
    public void Accept_WhenAlreadyAccepted_IsNotPossible() =>
        Assert.Equal("Discipline.OnlyReceivedReportCanBeAccepted", Assert.Throws<DomainRuleException>(() => MisconductRules.Accept(Report(MisconductStatus.UnderCheck), Rules, Today)).Rule);

    [Fact]
    public void Decline_WithoutReason_IsRefused_AndChangesNothing()
    {
        var r = Report();
        Assert.Contains("Reason", Assert.Throws<ValidationFailedException>(() => MisconductRules.Decline(r, "", Today)).Errors.Keys);
        Assert.Equal(MisconductStatus.Received, r.Status);
    }

    [Fact]
    public void Dispose_BeforeAcceptance_IsNotPossible() =>
        Assert.Equal("Discipline.DispositionFollowsPreliminaryCheck", Assert.Throws<DomainRuleException>(() => MisconductRules.Dispose(Report(), MisconductDisposition.Concluded, Rules, Today)).Rule);

    [Fact]
    public void Close_BeforeDisposition_IsNotPossible() =>
        Assert.Equal("Discipline.ClosingFollowsDisposition", Assert.Throws<DomainRuleException>(() => MisconductRules.Close(Report(MisconductStatus.UnderCheck), MisconductOutcome.Substantiated, "s", Today)).Rule);

    [Fact]
    public void Close_AfterDisposition_RecordsOutcomeAndStatement()
    {
        var r = Report();
        MisconductRules.Accept(r, Rules, Today);
        MisconductRules.Dispose(r, MisconductDisposition.TalkOrLetter, Rules, Today.AddDays(10));
        Assert.Equal(Today.AddDays(10 + Rules.CloseDays), r.CloseDueOn);
        MisconductRules.Close(r, MisconductOutcome.PartlySubstantiated, "部分属实", Today.AddDays(20));
        Assert.Equal(MisconductStatus.Closed, r.Status);
        Assert.Equal("部分属实", r.PublicStatement);
        Assert.Null(r.CurrentDueOn);
        Assert.Equal("Discipline.ClosedReportTakesNoSupplement", Assert.Throws<DomainRuleException>(() => MisconductRules.EnsureOpenForSupplement(r)).Rule);
    }

    [Fact]
    public void Secret_IsCheckedByHash_ForgivingCaseAndDashes()
    {
        var secret = ReporterSecret.New();
        var hash = ReporterSecret.Hash(secret);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(secret, hash, StringComparison.OrdinalIgnoreCase);
        Assert.True(ReporterSecret.Matches(ReporterSecret.Display(secret).ToLowerInvariant(), hash));
        Assert.False(ReporterSecret.Matches(ReporterSecret.New(), hash));
        Assert.False(ReporterSecret.Matches(null, hash));
    }

    [Fact]
    public void RuleSet_NamesEveryCategory_WithSources_AndMarksLocalDefaults()
    {
        Assert.Equal(Enum.GetValues<MisconductCategory>().Order(), Rules.Categories.Select(c => c.Category).Order());
        Assert.All(Rules.Categories, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
        Assert.Contains("默认", Rules.DecideSource);
        Assert.Contains("默认", Rules.CheckSource);
        Assert.Contains("默认", Rules.CloseSource);
        Assert.StartsWith("discipline.national.", Rules.Version);
    }

    [Fact]
    public void RuleSet_WithAMissingCategoryOrNonPositiveDays_IsRefused()
    {
        const string json = """
            {"id":"x","version":"x.1","effectiveFrom":"2020-01-01","title":"t","source":"s","decideDays":0,"decideDescription":"d","decideSource":"s",
             "checkDays":1,"checkDescription":"d","checkSource":"s","closeDays":1,"closeDescription":"d","closeSource":"s","remindBeforeDays":1,
             "remindDescription":"d","remindSource":"s","categories":[{"category":"Other","name":"其他","nameEn":"Other","source":"s"}]}
            """;
        Assert.Throws<InvalidOperationException>(() => DisciplineRuleSet.Parse(json));
        Assert.Contains("categories", Assert.Throws<InvalidOperationException>(() => DisciplineRuleSet.Parse(json.Replace("\"decideDays\":0", "\"decideDays\":1"))).Message);
    }

    [Fact]
    public void DayClock_TellsOnlyTheStartOfTheLocalDay()
    {
        var china = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        var clock = new DayClock(new FixedTime(new DateTimeOffset(2026, 3, 4, 20, 17, 33, TimeSpan.Zero), china));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 16, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(new DateOnly(2026, 3, 5), Clock.Today(clock));
    }
}

internal sealed class FixedTime(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => zone;
}
