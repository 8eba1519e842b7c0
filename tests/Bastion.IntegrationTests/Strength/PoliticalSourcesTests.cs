using Bastion.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Positions;
using Bastion.Strength;
using Bastion.Strength.Indicators;
using static Bastion.IntegrationTests.Strength.SourceData;
using static Bastion.IntegrationTests.Strength.SourcesFixtures;

namespace Bastion.IntegrationTests.Strength;

/// <summary>
/// The political-leadership sources on hand-built trees, period 2025Q3 taken as of 2025-09-15 (From 2025-07-01, To
/// 2025-09-15): figures computed by hand, records outside the period or after To left out, no entry without data.
/// </summary>
public sealed class PoliticalSourcesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private TestDatabase Database => app.Database;

    [Fact]
    public async Task DirectivesOnTime_OwnTargetsDueInThePeriod_CompletedByTheDueDateOverDue()
    {
        var tree = await SourceTree.BuildAsync(Database);
        // X due 07-31: A completed 07-30 (on time), B completed 08-02 (late).
        var x = await CascadeAsync(Database, tree.T, CascadeSubject.Directive, Utc(6, 20), Day(7, 31), "X");
        var ax = await TargetAsync(Database, x, tree.A, completedOn: Day(7, 30));
        await TargetAsync(Database, x, tree.B, completedOn: Day(8, 2));
        // Y due 09-10: A still open (against), B completed on the day (on time).
        var y = await CascadeAsync(Database, tree.T, CascadeSubject.Directive, Utc(8, 1), Day(9, 10), "Y");
        var ay = await TargetAsync(Database, y, tree.A, acknowledgedOn: Day(8, 2));
        await TargetAsync(Database, y, tree.B, completedOn: Day(9, 10));
        // Due after To (09-20) or before the period (06-30): not counted, even when open.
        var late = await CascadeAsync(Database, tree.T, CascadeSubject.Directive, Utc(8, 1), Day(9, 20), "Z");
        await TargetAsync(Database, late, tree.A);
        var early = await CascadeAsync(Database, tree.T, CascadeSubject.Directive, Utc(6, 1), Day(6, 30), "W");
        await TargetAsync(Database, early, tree.A);
        // A study target is not a directive.
        var study = await CascadeAsync(Database, tree.T, CascadeSubject.Study, Utc(7, 1), Day(8, 15), "S");
        await TargetAsync(Database, study, tree.A);
        // T's own target from the root, completed on its due date; the root issued it and has none of its own.
        var fromRoot = await CascadeAsync(Database, tree.Root, CascadeSubject.Directive, Utc(7, 1), Day(8, 31), "R");
        await TargetAsync(Database, fromRoot, tree.T, completedOn: Day(8, 31));

        var source = new DirectivesOnTimeSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(1, 2), measured[tree.A.Id]); // X on time, Y open → 1 / 2 (A's Z, W and S left out)
        Assert.Equal(new Fraction(1, 2), measured[tree.B.Id]); // X late, Y on time → 1 / 2
        Assert.Equal(new Fraction(1, 1), measured[tree.T.Id]); // own target only, not A's and B's → 1 / 1
        Assert.False(measured.ContainsKey(tree.C.Id));
        Assert.False(measured.ContainsKey(tree.Root.Id));

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal(["Y", "X"], records.Select(r => r.Subject));
        Assert.Equal([false, true], records.Select(r => r.Counts));
        Assert.Equal([Day(9, 10), Day(7, 31)], records.Select(r => r.On));
        Assert.Equal($"/Directives/Target/{ay.Id}", records[0].Href);
        Assert.Null(records[0].Detail);
        Assert.Equal("2025-07-30", records[1].Detail);
        Assert.Equal($"/Directives/Target/{ax.Id}", records[1].Href);
        Assert.Single(await RecordsAsync(Database, source, tree.Root, tree.A, limit: 1));
    }

    [Fact]
    public async Task StudyOnTime_StudyTargetsDueInThePeriod_CountedAndLinkedToTheirCampaign()
    {
        var tree = await SourceTree.BuildAsync(Database);
        // S1 due 08-15: A completed 08-10 (on time), B never (against).
        var s1 = await CascadeAsync(Database, tree.T, CascadeSubject.Study, Utc(7, 1), Day(8, 15), "S1");
        var campaign = await CampaignAsync(Database, tree.T, s1);
        await TargetAsync(Database, s1, tree.A, completedOn: Day(8, 10));
        await TargetAsync(Database, s1, tree.B);
        // S2 due 09-30, after To: not yet due. S3 completed after its due date (09-01 > 08-31): late.
        var s2 = await CascadeAsync(Database, tree.T, CascadeSubject.Study, Utc(7, 1), Day(9, 30), "S2");
        await TargetAsync(Database, s2, tree.A, completedOn: Day(9, 1));
        var s3 = await CascadeAsync(Database, tree.T, CascadeSubject.Study, Utc(7, 1), Day(8, 31), "S3");
        await TargetAsync(Database, s3, tree.A, completedOn: Day(9, 1));
        // A directive is not a study assignment.
        var directive = await CascadeAsync(Database, tree.T, CascadeSubject.Directive, Utc(7, 1), Day(8, 15), "D");
        await TargetAsync(Database, directive, tree.B, completedOn: Day(8, 1));

        var source = new StudyOnTimeSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(1, 2), measured[tree.A.Id]); // S1 on time, S3 late → 1 / 2
        Assert.Equal(new Fraction(0, 1), measured[tree.B.Id]); // S1 open → 0 / 1 (a real zero: it had a target)
        Assert.Equal(2, measured.Count);

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal(["S3", "S1"], records.Select(r => r.Subject));
        Assert.Equal([false, true], records.Select(r => r.Counts));
        Assert.Null(records[0].Href); // S3 has no campaign
        Assert.Equal($"/Study/Campaign/{campaign.Id}?node={tree.A.Id}", records[1].Href);
    }

    [Fact]
    public async Task DirectiveResponseDays_DaysFromArrivalToAcknowledgement_UnacknowledgedCountedToTheEndOfThePeriod()
    {
        var tree = await SourceTree.BuildAsync(Database);
        // P issued by the root on 07-10: T acknowledged 07-11 (1 day); B never (07-10 → To 09-15 = 67 days).
        var p = await CascadeAsync(Database, tree.Root, CascadeSubject.Directive, Utc(7, 10), Day(9, 30), "P");
        var tp = await TargetAsync(Database, p, tree.T, acknowledgedOn: Day(7, 11));
        var bp = await TargetAsync(Database, p, tree.B);
        // T passed P down to A on 07-12; A acknowledged on 07-15: 3 days from its arrival, not 5 from the issue.
        await PassedDownAsync(Database, tp, Utc(7, 12));
        var ap = await TargetAsync(Database, p, tree.A, acknowledgedOn: Day(7, 15), parent: tp);
        // T passed P down again, to C, on 08-01; C acknowledged on 08-03: 2 days from that second pass-down (A keeps its 3).
        await PassedDownAsync(Database, tp, Utc(8, 1));
        await TargetAsync(Database, p, tree.C, acknowledgedOn: Day(8, 3), parent: tp);
        // P2 issued 09-01: B acknowledged on 09-18, after To, so it counts as unacknowledged: 09-01 → 09-15 = 14 days.
        var p2 = await CascadeAsync(Database, tree.Root, CascadeSubject.Directive, Utc(9, 1), Day(9, 30), "P2");
        var bp2 = await TargetAsync(Database, p2, tree.B, acknowledgedOn: Day(9, 18));
        // Q issued before the period and R after To: not counted. A study cascade is no directive.
        var q = await CascadeAsync(Database, tree.Root, CascadeSubject.Directive, Utc(6, 25), Day(7, 31), "Q");
        await TargetAsync(Database, q, tree.T, acknowledgedOn: Day(7, 2));
        var r = await CascadeAsync(Database, tree.Root, CascadeSubject.Directive, Utc(9, 20), Day(9, 30), "R");
        await TargetAsync(Database, r, tree.T);
        var s = await CascadeAsync(Database, tree.Root, CascadeSubject.Study, Utc(7, 20), Day(9, 30), "S");
        await TargetAsync(Database, s, tree.C);

        var source = new DirectiveResponseDaysSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(1, 1), measured[tree.T.Id]);
        Assert.Equal(new Fraction(3, 1), measured[tree.A.Id]);
        Assert.Equal(new Fraction(67 + 14, 2), measured[tree.B.Id]);
        Assert.Equal(new Fraction(2, 1), measured[tree.C.Id]);
        Assert.Equal(4, measured.Count);

        // Re-run as of a later day in the same period: B's P2 is now acknowledged (09-18 − 09-01 = 17 days) and P counts to 09-20.
        var later = await MeasureAsync(Database, source, tree.Root, asOf: Day(9, 20));
        Assert.Equal(new Fraction(72 + 17, 2), later[tree.B.Id]);

        var records = await RecordsAsync(Database, source, tree.Root, tree.B);
        Assert.Equal(["P", "P2"], records.Select(x => x.Subject)); // both unacknowledged, the slowest first
        Assert.Equal(["67", "14"], records.Select(x => x.Detail));
        Assert.All(records, x => Assert.False(x.Counts));
        Assert.Equal([Day(7, 10), Day(9, 1)], records.Select(x => x.On));
        Assert.Equal($"/Directives/Target/{bp.Id}", records[0].Href);
        Assert.Equal($"/Directives/Target/{bp2.Id}", records[1].Href);
        var a = Assert.Single(await RecordsAsync(Database, source, tree.Root, tree.A));
        Assert.Equal("3", a.Detail);
        Assert.True(a.Counts);
        Assert.Equal(Day(7, 12), a.On);
        Assert.Equal($"/Directives/Target/{ap.Id}", a.Href);
    }

    [Fact]
    public async Task StudyHours_ActiveMembersOnTrackForTheirYearlyTarget_AsOfThePeriodsLastDay()
    {
        var tree = await SourceTree.BuildAsync(Database);
        // As of 2025-09-15, 258 of 365 days have gone: a member is on track from (32 − 0.05) × 258 / 365 = 22.58 hours,
        // a leader (56 hours a year) from (56 − 0.05) × 258 / 365 = 39.55 hours.
        var m1 = await MemberAsync(Database, tree.A, "甲一");
        await StudyAsync(Database, m1, 20, Utc(5, 10));
        await TrainingAsync(Database, m1, 4, Day(8, 20));                 // 24 hours → on track (projection 34.0)
        await PositionAsync(Database, m1, tree.A, Day(1, 1, 2020), endedOn: Day(3, 1)); // no longer secretary by 09-15
        await PositionAsync(Database, m1, tree.A, Day(9, 20));           // secretary only after To
        var m2 = await MemberAsync(Database, tree.A, "甲二");
        await StudyAsync(Database, m2, 22, Utc(3, 1));                    // 22 hours → behind (projection 31.1)
        await StudyAsync(Database, m2, 10, Utc(9, 20));                   // finished after To: not counted
        await StudyAsync(Database, m2, 30, Utc(11, 1, year: 2024));       // last year's: not counted
        await StudyAsync(Database, m2, 5, Utc(4, 1), counted: false);     // too short to count
        await TrainingAsync(Database, m2, 8, Day(9, 25));                 // held after To: not counted
        var m3 = await MemberAsync(Database, tree.A, "甲三");
        await StudyAsync(Database, m3, 35, Utc(6, 1));                    // 35 hours, but a secretary: behind 39.55
        await PositionAsync(Database, m3, tree.A, Day(1, 1, 2020));
        await MemberAsync(Database, tree.A, "甲四");                       // no hours → behind
        var gone = await MemberAsync(Database, tree.A, "甲五", MemberStatus.Left);
        await StudyAsync(Database, gone, 40, Utc(6, 1));                  // left: not counted at all
        await MemberAsync(Database, tree.B, "乙一");                       // B: one member, no hours
        var t1 = await MemberAsync(Database, tree.T, "镇一");
        await StudyAsync(Database, t1, 23, Utc(6, 1));                    // T: 23 ≥ 22.58 → on track

        var source = new StudyHoursSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(1, 4), measured[tree.A.Id]); // m1 of m1–m4
        Assert.Equal(new Fraction(0, 1), measured[tree.B.Id]);
        Assert.Equal(new Fraction(1, 1), measured[tree.T.Id]);
        Assert.False(measured.ContainsKey(tree.C.Id));
        Assert.False(measured.ContainsKey(tree.Root.Id));

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal(["甲四", "甲二", "甲三", "甲一"], records.Select(r => r.Subject)); // behind first, fewest hours first
        Assert.Equal([false, false, false, true], records.Select(r => r.Counts));
        Assert.Equal("24 → 34 / 32", records[3].Detail);
        Assert.Equal("35 → 49.5 / 56", records[2].Detail);
        // The threshold agrees with the study module's projection on both sides of it.
        Assert.True(Bastion.Study.StudyQueries.ProjectionFor(22.6, 2025, AsOf) >= 32);
        Assert.True(Bastion.Study.StudyQueries.ProjectionFor(22.55, 2025, AsOf) < 32);
        Assert.True(22.6 >= StudyHoursSource.Threshold(32, AsOf) && 22.55 < StudyHoursSource.Threshold(32, AsOf));
    }
}
