using Bastion.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Strength;
using Bastion.Strength.Indicators;
using static Bastion.IntegrationTests.Strength.SourceData;
using static Bastion.IntegrationTests.Strength.SourcesFixtures;

namespace Bastion.IntegrationTests.Strength;

/// <summary>
/// The driving-development sources on hand-built trees, period 2025Q3 taken as of 2025-09-15 (From 2025-07-01, To
/// 2025-09-15): figures computed by hand, records outside the period or after To left out, no entry without data.
/// </summary>
public sealed class DevelopmentSourcesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private TestDatabase Database => app.Database;

    [Fact]
    public async Task UnitCoverage_OwnUnitsReachedByAnOrganizationOrPartyWork_OverUnitsRegisteredByTo()
    {
        var tree = await SourceTree.BuildAsync(Database);
        await UnitAsync(Database, tree.T, CoverageKind.OwnOrganization, Utc(1, 5), "单位A");
        await UnitAsync(Database, tree.T, CoverageKind.JointBranch, Utc(2, 5), "单位B");
        await UnitAsync(Database, tree.T, CoverageKind.PartyWorkOnly, Utc(3, 5), "单位C");
        var none = await UnitAsync(Database, tree.T, CoverageKind.NotCovered, Utc(9, 15, hour: 23), "单位D"); // registered on To: counts
        await UnitAsync(Database, tree.T, CoverageKind.NotCovered, Utc(9, 16), "单位E");                     // registered after To: not yet
        await UnitAsync(Database, tree.A, CoverageKind.NotCovered, Utc(1, 5));

        var source = new UnitCoverageSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(3, 4), measured[tree.T.Id]); // A B C covered of A B C D
        Assert.Equal(new Fraction(0, 1), measured[tree.A.Id]);
        Assert.Equal(2, measured.Count);

        var records = await RecordsAsync(Database, source, tree.Root, tree.T);
        Assert.Equal(["单位D", "单位A", "单位B", "单位C"], records.Select(r => r.Subject));
        Assert.Equal([false, true, true, true], records.Select(r => r.Counts));
        Assert.Equal(["NotCovered", "OwnOrganization", "JointBranch", "PartyWorkOnly"], records.Select(r => r.Detail));
        Assert.Equal($"/Coverage/Units/Edit/{none.Id}", records[0].Href);
    }

    [Fact]
    public async Task AllianceActivity_AlliancesAliveInThePeriod_ThatHeldAnActivityInIt()
    {
        var tree = await SourceTree.BuildAsync(Database);
        // Lively (lead T, with A): activities on 07-05 and 08-05.
        var lively = await AllianceAsync(Database, tree.T, Day(1, 1, 2024), [tree.A], name: "联建A");
        await AllianceActivityAsync(Database, lively, Day(7, 5));
        await AllianceActivityAsync(Database, lively, Day(8, 5));
        // Quiet (lead T, with B): activities only before the period (06-30) and after To (09-20).
        var quiet = await AllianceAsync(Database, tree.T, Day(1, 1, 2024), [tree.B], name: "联建B");
        await AllianceActivityAsync(Database, quiet, Day(6, 30));
        await AllianceActivityAsync(Database, quiet, Day(9, 20));
        // Ended 08-01, inside the period, after an activity on 07-20: still counts for the period.
        var ended = await AllianceAsync(Database, tree.T, Day(1, 1, 2024), [tree.A], endedOn: Day(8, 1), name: "联建C");
        await AllianceActivityAsync(Database, ended, Day(7, 20));
        // Ended before the period, or founded after To: not counted.
        var gone = await AllianceAsync(Database, tree.T, Day(1, 1, 2024), [tree.B], endedOn: Day(6, 1), name: "联建D");
        await AllianceActivityAsync(Database, gone, Day(5, 1));
        await AllianceAsync(Database, tree.T, Day(9, 16), [tree.B], name: "联建E");

        var source = new AllianceActivitySource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(2, 3), measured[tree.T.Id]); // lively, ended active; quiet not → 2 / 3
        Assert.Equal(new Fraction(2, 2), measured[tree.A.Id]); // lively, ended
        Assert.Equal(new Fraction(0, 1), measured[tree.B.Id]); // quiet
        Assert.Equal(3, measured.Count);

        var records = await RecordsAsync(Database, source, tree.Root, tree.T);
        Assert.Equal(["联建B", "联建A", "联建C"], records.Select(r => r.Subject));
        Assert.Equal([false, true, true], records.Select(r => r.Counts));
        Assert.Equal(["0", "2", "1"], records.Select(r => r.Detail));
        Assert.Equal([null, Day(8, 5), Day(7, 20)], records.Select(r => r.On));
        Assert.Equal($"/Alliances/{quiet.Id}", records[0].Href);
    }

    [Fact]
    public async Task EnterpriseRequestsOnTime_EnterpriseRequestsDueInThePeriod_AnsweredByTheDeadline()
    {
        var tree = await SourceTree.BuildAsync(Database);
        // A: four enterprise requests due in the period.
        var onTime = await RequestAsync(Database, tree.A, "enterprise-startup", Utc(7, 10), answeredAt: Utc(7, 9));
        var closedOnTime = await RequestAsync(Database, tree.A, "enterprise-permits", Utc(8, 10), closedAt: Utc(8, 10, hour: 9));
        var answeredLate = await RequestAsync(Database, tree.A, "enterprise-policy", Utc(8, 20), answeredAt: Utc(8, 21));
        var open = await RequestAsync(Database, tree.A, "enterprise-policy", Utc(9, 1));
        // Not counted: due before the period, due after To, and a citizen's request.
        await RequestAsync(Database, tree.A, "enterprise-policy", Utc(6, 30), answeredAt: Utc(6, 29));
        await RequestAsync(Database, tree.A, "enterprise-policy", Utc(9, 16, hour: 1));
        await RequestAsync(Database, tree.A, "environment", Utc(8, 1), answeredAt: Utc(7, 30));
        // B: only a citizen's request → no enterprise data.
        await RequestAsync(Database, tree.B, "property", Utc(8, 1));

        var source = new EnterpriseRequestsOnTimeSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(2, 4), measured[tree.A.Id]); // on time, closed on time; late, open against
        Assert.Single(measured);

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal([answeredLate.TrackingCode, open.TrackingCode, onTime.TrackingCode, closedOnTime.TrackingCode], records.Select(r => r.Subject));
        Assert.Equal([false, false, true, true], records.Select(r => r.Counts));
        Assert.Equal(["2025-08-21 10:00", null, "2025-07-09 10:00", "2025-08-10 09:00"], records.Select(r => r.Detail));
        Assert.Equal($"/Requests/Details/{answeredLate.Id}", records[0].Href);
        Assert.Equal(Day(8, 20), records[0].On);
    }

    [Fact]
    public async Task VillageIncome_TheYearsCollectiveIncome_OverOne()
    {
        var tree = await SourceTree.BuildAsync(Database);
        await VillageAsync(Database, tree.A, 2025, 85000.50m);
        await VillageAsync(Database, tree.A, 2024, 10000m);   // another year
        await VillageAsync(Database, tree.B, 2025, 0m);       // a village without collective income: a real 0
        await VillageAsync(Database, tree.C, 2026, 50000m);   // next year's

        var source = new VillageIncomeSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(85000.5, 1), measured[tree.A.Id]);
        Assert.Equal(new Fraction(0, 1), measured[tree.B.Id]);
        Assert.Equal(2, measured.Count);

        var a = Assert.Single(await RecordsAsync(Database, source, tree.Root, tree.A));
        Assert.Equal(("2025", true, "85000.50", $"/Villages?org={tree.A.Id}&year=2025"), (a.Subject, a.Counts, a.Detail!, a.Href!));
        var b = Assert.Single(await RecordsAsync(Database, source, tree.Root, tree.B));
        Assert.False(b.Counts);
        Assert.Empty(await RecordsAsync(Database, source, tree.Root, tree.C));
    }
}
