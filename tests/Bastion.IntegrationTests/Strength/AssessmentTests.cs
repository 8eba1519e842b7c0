using Bastion.Audit;
using Bastion.Compliance;
using Bastion.Discipline;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Strength.StrengthKit;

namespace Bastion.IntegrationTests.Strength;

/// <summary>
/// An assessment over a hand-built tree with known records: every stored figure is the number worked out in the comments.
/// Each test has its own database, so the run sees only its tree.
/// </summary>
public sealed class AssessmentTests
{
    // Only the renewal dimension's record-fed indicators, so the arithmetic stays short; cohesion has no indicator and stays empty.
    private static readonly StrengthRuleSet Rules = StrengthRuleSet.Parse("""
        {
          "id": "strength.test", "version": "strength.test.1", "effectiveFrom": "2026-01-01", "title": "t", "source": "test",
          "dimensions": [
            { "code": "cohesion", "name": "群众凝聚力", "nameEn": "Cohesion", "weight": 1 },
            { "code": "renewal", "name": "自我革新力", "nameEn": "Self-renewal", "weight": 1 }
          ],
          "indicators": [
            { "code": "attendance", "dimension": "renewal", "name": "到会率", "nameEn": "a", "formula": "f", "formulaEn": "f", "worst": 0.5, "best": 1, "weight": 1, "source": "s" },
            { "code": "dues-paid", "dimension": "renewal", "name": "党费", "nameEn": "d", "formula": "f", "formulaEn": "f", "worst": 0.5, "best": 1, "weight": 1, "source": "s" },
            { "code": "committee-health", "dimension": "renewal", "name": "班子", "nameEn": "c", "formula": "f", "formulaEn": "f", "worst": 0, "best": 1, "weight": 1, "source": "s" },
            { "code": "misconduct", "dimension": "renewal", "name": "问题线索", "nameEn": "m", "formula": "f", "formulaEn": "f", "worst": 0.05, "best": 0, "weight": 1, "source": "s" }
          ],
          "warnings": []
        }
        """);

    private sealed record Tree(Organization Root, Organization B1, Organization B2);

    // R (committee, no members) ─┬─ B1 (branch, 4 full members)
    //                            └─ B2 (branch, 8 full members)
    private static async Task<Tree> BuildAsync(TestDatabase database)
    {
        var root = await TestData.AddRootAsync(database);
        var b1 = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Branch);
        var b2 = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Branch);
        await StructureTestData.AddMembersAsync(database, b1, 4);
        await StructureTestData.AddMembersAsync(database, b2, 8);

        // Attendance. B1: 3 present of 4 in May; the July meeting is after the period. B2: 4 of 8 in April.
        await AddHeldMeetingAsync(database, b1, new(2026, 5, 10), AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Absent);
        await AddHeldMeetingAsync(database, b1, new(2026, 7, 2), AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present);
        await AddHeldMeetingAsync(database, b2, new(2026, 4, 15),
            AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Excused, AttendanceStatus.Absent,
            AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Absent);

        // Dues (April, May, June due). B1: members 0–2 paid all three, member 3 missed June. B2 recorded none: no data.
        DateOnly apr = new(2026, 4, 1), may = new(2026, 5, 1), jun = new(2026, 6, 1);
        for (var i = 0; i < 3; i++) await AddDuesAsync(database, b1, i, apr, may, jun);
        await AddDuesAsync(database, b1, 3, apr, may);

        // Committee on 2026-06-30. B1: a secretary since 2025; 4 full members need no committee; term from 2023-01-01 (3 years) ended
        // on 2026-01-01: 1 of 2 checks. B2: no secretary (one who left in March doesn't count); 8 full members need a committee and
        // have none; no term recorded: 0 of 2. R: no secretary, no term: 0 of 1.
        await AddPositionAsync(database, b1, 0, PositionRole.Secretary, new(2025, 1, 1));
        await AddPositionAsync(database, b2, 0, PositionRole.Secretary, new(2024, 1, 1), new(2026, 3, 1));
        await SetTermAsync(database, b1, new(2023, 1, 1));

        // Misconduct: one report about B2 substantiated in May; one not substantiated; one substantiated in July (after the period).
        await AddClosedReportAsync(database, root, b2, new(2026, 5, 20), MisconductOutcome.Substantiated);
        await AddClosedReportAsync(database, root, b2, new(2026, 5, 21), MisconductOutcome.NotSubstantiated);
        await AddClosedReportAsync(database, root, b1, new(2026, 7, 20), MisconductOutcome.Substantiated);
        return new Tree(root, b1, b2);
    }

    [Fact]
    public async Task EveryFigure_IsTheNumberAPersonComputes()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var tree = await BuildAsync(database);
        await using var db = database.NewContext();
        var run = (await RunAssessment.HandleAsync(db, Q2, "test", Rules)).Run;
        Assert.Equal((AsOf, "strength.test.1", 3), (run.AsOf, run.RuleSetVersion, run.Organizations));

        // B1: attendance 3/4 = 0.75 → (0.75 − 0.5) / 0.5 = 50; dues 3/4 = 0.75 → 50; committee 1/2 → 50; misconduct 0/4 → 100.
        // Renewal = (50 + 50 + 50 + 100) / 4 = 62.5; cohesion has no data, so the total is 62.5.
        var (b1, v1) = await ReadAsync(database, run.Id, tree.B1.Id);
        Assert.Equal((3.0, 4.0), (v1["attendance"].OwnNumerator, v1["attendance"].OwnDenominator));
        Assert.Equal((3.0, 4.0), (v1["dues-paid"].OwnNumerator, v1["dues-paid"].OwnDenominator));
        Assert.Equal((1.0, 2.0), (v1["committee-health"].OwnNumerator, v1["committee-health"].OwnDenominator));
        Assert.Equal((0.0, 4.0), (v1["misconduct"].OwnNumerator, v1["misconduct"].OwnDenominator));
        Assert.Equal([50.0, 50.0, 50.0, 100.0], new[] { "attendance", "dues-paid", "committee-health", "misconduct" }.Select(c => v1[c].Score));
        Assert.Equal((62.5, 62.5), (b1.Renewal!.Value, b1.Total!.Value));

        // B2: attendance 4/8 = 0.5 → 0; dues: no data; committee 0/2 → 0; misconduct 1/8 = 0.125 ≥ 0.05 → 0. Renewal = 0; total 0.
        var (b2, v2) = await ReadAsync(database, run.Id, tree.B2.Id);
        Assert.Equal((4.0, 8.0), (v2["attendance"].OwnNumerator, v2["attendance"].OwnDenominator));
        Assert.False(v2.ContainsKey("dues-paid"));
        Assert.Equal((0.0, 2.0), (v2["committee-health"].OwnNumerator, v2["committee-health"].OwnDenominator));
        Assert.Equal((1.0, 8.0), (v2["misconduct"].OwnNumerator, v2["misconduct"].OwnDenominator));
        Assert.Equal((0.0, 0.0), (b2.Renewal!.Value, b2.Total!.Value));

        // R, weights B1 4, B2 8, R itself 1 (no members): attendance (4·50 + 8·0) / 12 = 16.67; dues B1 alone = 50;
        // committee (1·0 + 4·50 + 8·0) / 13 = 200 / 13 = 15.38; misconduct (4·100 + 8·0) / 12 = 33.33.
        // Renewal = (16.67 + 50 + 15.38 + 33.33) / 4 = 115.38 / 4 = 28.845; raw attendance 7 / 12.
        var (r, vr) = await ReadAsync(database, run.Id, tree.Root.Id);
        Assert.Equal(16.67, vr["attendance"].Score);
        Assert.Equal((7.0, 12.0), (vr["attendance"].Numerator, vr["attendance"].Denominator));
        Assert.Equal(50, vr["dues-paid"].Score);
        Assert.Equal(15.38, vr["committee-health"].Score);
        Assert.Equal((1.0, 5.0), (vr["committee-health"].Numerator, vr["committee-health"].Denominator));
        Assert.Equal(33.33, vr["misconduct"].Score);
        Assert.Equal(28.845, r.Renewal!.Value, 0.006);
        Assert.Equal(r.Renewal, r.Total);

        // Ranks: B1 first and B2 second among R's 2 children, and among the 2 branches.
        Assert.Equal((1, 2, 1, 2), (b1.SiblingRank!.Value, b1.Siblings, b1.KindRank!.Value, b1.KindSize));
        Assert.Equal((2, 2), (b2.SiblingRank!.Value, b2.KindRank!.Value));
    }

    [Fact]
    public async Task ReRunningAPeriod_ReplacesItsSnapshotWithTheSameNumbers_AndAuditsTheRun()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var tree = await BuildAsync(database);
        await using var db = database.NewContext();
        var first = (await RunAssessment.HandleAsync(db, Q2, "test", Rules)).Run;
        var second = (await RunAssessment.HandleAsync(db, Q2, "test", Rules)).Run;

        Assert.NotEqual(first.Id, second.Id);
        await using var read = database.NewContext();
        Assert.Equal(1, await read.Set<AssessmentRun>().CountAsync(r => r.Period == "2026Q2"));
        Assert.Equal(0, await read.Set<IndicatorValue>().CountAsync(v => v.RunId == first.Id));
        var a = await ReadAsync(database, second.Id, tree.B1.Id);
        Assert.Equal(62.5, a.Score.Total);
        Assert.Equal(2, await read.AuditEvents.CountAsync(e => e.Entity == nameof(AssessmentRun) && e.Action == AuditActions.Generate));
    }

    [Fact]
    public async Task TheNextPeriod_CarriesThePreviousTotal()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var tree = await BuildAsync(database);
        await using var db = database.NewContext();
        await RunAssessment.HandleAsync(db, Q2, "test", Rules);
        var q3 = (await RunAssessment.HandleAsync(db, new Period(PeriodKind.Quarter, 2026, 3), "test", Rules)).Run;

        // Q3 for B1: the July meeting, 4 of 4 present → 100; no dues paid in Q3 → no data; committee 1/2 → 50 (term still overdue);
        // the July report substantiated: 1/4 = 0.25 → 0. Renewal (100 + 50 + 0) / 3 = 50. Previous total: Q2's 62.5.
        var (b1, _) = await ReadAsync(database, q3.Id, tree.B1.Id);
        Assert.Equal(50, b1.Total);
        Assert.Equal(62.5, b1.PreviousTotal);
    }

    [Fact]
    public async Task APeriodNotStarted_IsRefusedByName_AndNothingIsStored()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var next = Period.Of(PeriodKind.Quarter, Clock.Today(TimeProvider.System)).Next();
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => RunAssessment.HandleAsync(db, next, "test", Rules));
        Assert.Equal(RunAssessment.PeriodNotStartedRule, e.Rule);
        Assert.False(await db.Set<AssessmentRun>().AnyAsync());
    }

    [Fact]
    public async Task TheRecordsBehindAFigure_ListThoseAgainstTheOrganizationFirst()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var tree = await BuildAsync(database);
        await using var db = database.NewContext();
        await RunAssessment.HandleAsync(db, Q2, "test", Rules);

        var attendance = await StrengthQueries.IndicatorAsync(db, tree.B1.Id, "2026Q2", "attendance", rules: Rules);
        Assert.NotNull(attendance);
        Assert.Equal(4, attendance.Records.Count);
        Assert.False(attendance.Records[0].Counts);
        Assert.All(attendance.Records.Skip(1), r => Assert.True(r.Counts));

        var dues = await StrengthQueries.IndicatorAsync(db, tree.B1.Id, "2026Q2", "dues-paid", rules: Rules);
        Assert.Equal("2/3", dues!.Records[0].Detail);
        Assert.Equal(3, dues.Records.Count(r => r.Counts));

        var committee = await StrengthQueries.IndicatorAsync(db, tree.B2.Id, "2026Q2", "committee-health", rules: Rules);
        Assert.Equal(["committee", "secretary"], committee!.Records.Select(r => r.Subject).Order());
        Assert.All(committee.Records, r => Assert.False(r.Counts));

        // At the top, the children's figures, weakest first.
        var top = await StrengthQueries.IndicatorAsync(db, tree.Root.Id, "2026Q2", "attendance", rules: Rules);
        Assert.Equal([tree.B2.Id, tree.B1.Id], top!.Children.Select(c => c.OrganizationId));
    }
}
