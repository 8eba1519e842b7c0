using Bastion.Compliance;
using Bastion.Meetings;
using Bastion.Organizations;

namespace Bastion.UnitTests.Compliance;

public sealed class ComplianceCalculatorTests
{
    private static readonly OrganizationalLifeRuleSet Rules = OrganizationalLifeRuleSet.Load();
    private static readonly Period Year2026 = new(PeriodKind.Year, 2026, 1);

    private static ComplianceOrganization Org(long id, OrganizationKind kind, string path, long? parent = null, bool committee = false, DateOnly? founded = null) =>
        new() { Id = id, Name = "组织" + id, Kind = kind, Path = path, ParentId = parent, HasCommittee = committee, FoundedOn = founded };

    private static IEnumerable<HeldCount> Monthly(long org, MeetingKind kind, params int[] months) =>
        months.Select(m => new HeldCount(org, kind, 2026, m, 1));

    [Fact]
    public void RuleSet_EveryObligationNamesItsSource_AndCoversDomainSection1()
    {
        Assert.Equal("organizational-life.national.2019", Rules.Version);
        Assert.All(Rules.Obligations, o => Assert.False(string.IsNullOrWhiteSpace(o.Source)));
        Assert.Equal(PeriodKind.Quarter, Rules.For(MeetingKind.BranchGeneralMeeting)!.Period);
        Assert.Equal(PeriodKind.Month, Rules.For(MeetingKind.BranchCommitteeMeeting)!.Period);
        Assert.Equal(ObligationHolder.BranchWithCommittee, Rules.For(MeetingKind.BranchCommitteeMeeting)!.AppliesTo);
        Assert.Equal(ObligationHolder.Group, Rules.For(MeetingKind.GroupMeeting)!.AppliesTo);
        Assert.True(Rules.For(MeetingKind.PartyLecture)!.IsDefault);
        Assert.Equal(PeriodKind.Year, Rules.For(MeetingKind.OrganizationalLifeMeeting)!.Period);
        Assert.Equal(30, Rules.SilentDays);
    }

    [Fact]
    public void Parse_WhenAnObligationAppearsTwice_Fails()
    {
        const string json = """
            {"id":"x","version":"x.1","effectiveFrom":"2020-01-01","title":"t","source":"s","silentDays":30,"silentDescription":"d","silentSource":"s",
             "dueSoonDays":14,"dueSoonSource":"s","overdueReminderDays":31,"overdueReminderSource":"s",
             "appraisal":{"excellentShareNumerator":1,"excellentShareDenominator":3,"description":"d","descriptionEn":"d","source":"s"},"obligations":[
             {"kind":"PartyLecture","appliesTo":"Branch","period":"Quarter","minimum":1,"isDefault":true,"description":"d","descriptionEn":"d","source":"s"},
             {"kind":"PartyLecture","appliesTo":"Branch","period":"Month","minimum":1,"isDefault":true,"description":"d","descriptionEn":"d","source":"s"}]}
            """;
        var error = Assert.Throws<InvalidOperationException>(() => OrganizationalLifeRuleSet.Parse(json));
        Assert.Contains("twice", error.Message);
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    public void Period_TryParse_ReadsYearQuarterAndMonth(string text, string start, string end)
    {
        var p = Period.TryParse(text)!.Value;
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
    }

    [Theory]
    [InlineData("26")]
    [InlineData("2026Q5")]
    [InlineData("2026-13")]
    [InlineData("abcd")]
    public void Period_TryParse_WhenMalformed_IsNull(string text) => Assert.Null(Period.TryParse(text));

    [Fact]
    public void EndingIn_AQuarter_TakesItsThreeMonthsAndTheQuarterButNotTheYear()
    {
        var q2 = Period.TryParse("2026Q2")!.Value;
        Assert.Equal(["2026-04", "2026-05", "2026-06"], Period.EndingIn(PeriodKind.Month, q2.Start, q2.End).Select(p => p.Label));
        Assert.Equal(["2026Q2"], Period.EndingIn(PeriodKind.Quarter, q2.Start, q2.End).Select(p => p.Label));
        Assert.Empty(Period.EndingIn(PeriodKind.Year, q2.Start, q2.End));
    }

    [Fact]
    public void Compute_WhenTwoGeneralMeetingsInAYear_ListsExactlyTheMissingQuarters_AndRollsThemUp()
    {
        var orgs = new[]
        {
            Org(1, OrganizationKind.Committee, "/1/"),
            Org(2, OrganizationKind.Branch, "/1/2/", 1, committee: true),
            Org(3, OrganizationKind.Group, "/1/2/3/", 2),
        };
        var all = Enumerable.Range(1, 12).ToArray();
        var held = Monthly(2, MeetingKind.BranchCommitteeMeeting, all).Concat(Monthly(3, MeetingKind.GroupMeeting, all))
            .Concat(Monthly(2, MeetingKind.BranchGeneralMeeting, 2, 8));
        var result = ComplianceCalculator.Compute(Rules, orgs, held, new Dictionary<long, DateOnly>(), Year2026, new DateOnly(2027, 1, 10));

        var branch = result.Nodes.Single(n => n.Id == 2);
        var general = branch.Obligations.Single(o => o.Kind == MeetingKind.BranchGeneralMeeting);
        Assert.Equal(["2026Q2", "2026Q4"], general.MissingPeriods);
        Assert.Equal(new Tally(2, 4), general.Tally);
        Assert.Empty(branch.Obligations.Single(o => o.Kind == MeetingKind.BranchCommitteeMeeting).MissingPeriods);
        Assert.Empty(result.Nodes.Single(n => n.Id == 3).Obligations.Single(o => o.Kind == MeetingKind.GroupMeeting).MissingPeriods);

        var top = result.Nodes.Single(n => n.Id == 1);
        Assert.Empty(top.Obligations);
        Assert.Equal(new Tally(2, 4), top.SubtreeByKind[MeetingKind.BranchGeneralMeeting]);
        Assert.Equal(new Tally(12, 12), top.SubtreeByKind[MeetingKind.GroupMeeting]);
        Assert.Equal(branch.Subtree, top.Subtree);
        Assert.Contains(result.Overdue, i => i.OrganizationId == 2 && i.Kind == MeetingKind.BranchGeneralMeeting && i.Period == "2026Q4");
    }

    [Fact]
    public void Evaluate_WhenBranchHasNoCommittee_OwesNoCommitteeMeetings()
    {
        var rule = Rules.For(MeetingKind.BranchCommitteeMeeting)!;
        Assert.Null(ComplianceCalculator.Evaluate(rule, Org(2, OrganizationKind.Branch, "/2/"), Year2026, new DateOnly(2027, 1, 1), 14, _ => 0));
        Assert.NotNull(ComplianceCalculator.Evaluate(rule, Org(2, OrganizationKind.Branch, "/2/", committee: true), Year2026, new DateOnly(2027, 1, 1), 14, _ => 0));
    }

    [Fact]
    public void Evaluate_WhenTodayIsInsideAPeriod_LeavesItOpen_AndDueSoonNearItsEnd()
    {
        var rule = Rules.For(MeetingKind.BranchGeneralMeeting)!;
        var branch = Org(2, OrganizationKind.Branch, "/2/");
        var early = ComplianceCalculator.Evaluate(rule, branch, Year2026, new DateOnly(2026, 5, 1), 14, _ => 0)!;
        Assert.Equal(["2026Q1"], early.MissingPeriods);
        Assert.Equal("2026Q2", early.OpenPeriod);
        Assert.False(early.DueSoon);
        Assert.Equal(new Tally(0, 1), early.Tally);

        var late = ComplianceCalculator.Evaluate(rule, branch, Year2026, new DateOnly(2026, 6, 16), 14, _ => 0)!;
        Assert.True(late.DueSoon);
        Assert.Equal(new DateOnly(2026, 6, 30), late.OpenDueOn);

        var metEarly = ComplianceCalculator.Evaluate(rule, branch, Year2026, new DateOnly(2026, 5, 1), 14, p => p.Label == "2026Q2" ? 1 : 0)!;
        Assert.Equal(new Tally(1, 2), metEarly.Tally);
        Assert.Null(metEarly.OpenPeriod);
    }

    [Fact]
    public void Evaluate_WhenFoundedMidYear_OwesOnlyTheLaterPeriods()
    {
        var rule = Rules.For(MeetingKind.BranchGeneralMeeting)!;
        var result = ComplianceCalculator.Evaluate(rule, Org(2, OrganizationKind.Branch, "/2/", founded: new DateOnly(2026, 5, 10)), Year2026, new DateOnly(2027, 1, 1), 14, _ => 0)!;
        Assert.Equal(["2026Q3", "2026Q4"], result.MissingPeriods);
    }

    [Fact]
    public void SilentBranches_CountTheGroupsMeetings_AndFlagOnlyAfterThirtyDays()
    {
        var orgs = new[]
        {
            Org(2, OrganizationKind.Branch, "/2/"), Org(3, OrganizationKind.Group, "/2/3/", 2),
            Org(4, OrganizationKind.Branch, "/4/"), Org(5, OrganizationKind.Branch, "/5/"),
            Org(6, OrganizationKind.Branch, "/6/", founded: new DateOnly(2026, 6, 20)),
        };
        var today = new DateOnly(2026, 7, 1);
        var last = new Dictionary<long, DateOnly> { [3] = today.AddDays(-30), [4] = today.AddDays(-31) };
        var silent = ComplianceCalculator.SilentBranches(Rules, orgs, last, today);
        Assert.Equal([5L, 4L], silent.Select(s => s.OrganizationId));
        Assert.Equal(31, silent.Single(s => s.OrganizationId == 4).Days);
        Assert.Null(silent.Single(s => s.OrganizationId == 5).Days);
    }
}
