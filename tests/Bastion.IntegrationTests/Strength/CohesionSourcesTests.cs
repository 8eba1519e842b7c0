using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Strength;
using Bastion.Strength.Indicators;
using static Bastion.IntegrationTests.Strength.SourceData;
using static Bastion.IntegrationTests.Strength.SourcesFixtures;

namespace Bastion.IntegrationTests.Strength;

/// <summary>
/// The cohesion sources on hand-built trees, period 2025Q3 taken as of 2025-09-15 (From 2025-07-01, To 2025-09-15):
/// figures computed by hand, records outside the period or after To left out, no entry without data.
/// </summary>
public sealed class CohesionSourcesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private TestDatabase Database => app.Database;

    [Fact]
    public async Task CitizenRequestsOnTime_CitizenRequestsDueInThePeriod_AnsweredByTheDeadline()
    {
        var tree = await SourceTree.BuildAsync(Database);
        var onTime = await RequestAsync(Database, tree.B, "environment", Utc(7, 1, hour: 0), answeredAt: Utc(6, 30)); // due at the period's first instant
        var late = await RequestAsync(Database, tree.B, "neighbourhood", Utc(8, 1), answeredAt: Utc(8, 3));
        var unknown = await RequestAsync(Database, tree.B, "retired-category", Utc(8, 5), answeredAt: Utc(8, 4)); // a category no longer listed: a citizen's
        await RequestAsync(Database, tree.B, "enterprise-startup", Utc(8, 1));    // an enterprise's: not counted here
        await RequestAsync(Database, tree.B, "environment", Utc(9, 20));          // due after To
        await RequestAsync(Database, tree.T, "property", Utc(9, 15, hour: 23));   // due on To, open: against T
        await RequestAsync(Database, tree.A, "enterprise-policy", Utc(8, 1));     // A has no citizen request

        var source = new CitizenRequestsOnTimeSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(2, 3), measured[tree.B.Id]); // on time, unknown on time; late
        Assert.Equal(new Fraction(0, 1), measured[tree.T.Id]);
        Assert.Equal(2, measured.Count);

        var records = await RecordsAsync(Database, source, tree.Root, tree.B);
        Assert.Equal([late.TrackingCode, onTime.TrackingCode, unknown.TrackingCode], records.Select(r => r.Subject));
        Assert.Equal([false, true, true], records.Select(r => r.Counts));
        Assert.Equal($"/Requests/Details/{late.Id}", records[0].Href);
    }

    [Fact]
    public async Task Satisfaction_RequestsRatedInThePeriod_RatedFourOrFiveOverRated()
    {
        var tree = await SourceTree.BuildAsync(Database);
        var five = await RequestAsync(Database, tree.A, "environment", Utc(7, 10), answeredAt: Utc(7, 9), rating: 5, ratedAt: Utc(7, 12));
        var four = await RequestAsync(Database, tree.A, "enterprise-policy", Utc(7, 10), answeredAt: Utc(7, 9), rating: 4, ratedAt: Utc(8, 12));
        var two = await RequestAsync(Database, tree.A, "property", Utc(7, 10), answeredAt: Utc(7, 9), rating: 2, ratedAt: Utc(9, 15, hour: 23));
        await RequestAsync(Database, tree.A, "property", Utc(6, 10), answeredAt: Utc(6, 9), rating: 1, ratedAt: Utc(6, 30, hour: 23)); // rated before
        await RequestAsync(Database, tree.A, "property", Utc(9, 10), answeredAt: Utc(9, 9), rating: 1, ratedAt: Utc(9, 16));          // rated after To
        await RequestAsync(Database, tree.A, "property", Utc(8, 10), answeredAt: Utc(8, 9));                                          // not rated
        await RequestAsync(Database, tree.B, "property", Utc(8, 10), answeredAt: Utc(8, 9));                                          // B: nothing rated

        var source = new SatisfactionSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(2, 3), measured[tree.A.Id]); // 5 and 4 of 5, 4, 2
        Assert.Single(measured);

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal([two.TrackingCode, four.TrackingCode, five.TrackingCode], records.Select(r => r.Subject)); // the lowest first
        Assert.Equal([false, true, true], records.Select(r => r.Counts));
        Assert.Equal(["2", "4", "5"], records.Select(r => r.Detail));
        Assert.Equal([Day(9, 15), Day(8, 12), Day(7, 12)], records.Select(r => r.On));
    }

    [Fact]
    public async Task HouseholdsContacted_HouseholdsRegisteredByTo_ContactedAtLeastOnceInThePeriod()
    {
        var tree = await SourceTree.BuildAsync(Database);
        var keeper = await MemberAsync(Database, tree.A);
        var twice = await HouseholdAsync(Database, tree.A, Utc(1, 1), "住户A");
        await ContactAsync(Database, twice, keeper, Day(7, 1));
        await ContactAsync(Database, twice, keeper, Day(9, 15));
        var before = await HouseholdAsync(Database, tree.A, Utc(1, 1), "住户B");
        await ContactAsync(Database, before, keeper, Day(6, 30)); // before the period only
        var after = await HouseholdAsync(Database, tree.A, Utc(1, 1), "住户C");
        await ContactAsync(Database, after, keeper, Day(9, 16));  // after To only
        var newcomer = await HouseholdAsync(Database, tree.A, Utc(9, 16), "住户D"); // registered after To: not counted
        await ContactAsync(Database, newcomer, keeper, Day(9, 16));
        var other = await HouseholdAsync(Database, tree.T, Utc(1, 1), "住户E");
        await ContactAsync(Database, other, keeper, Day(8, 1));

        var source = new HouseholdsContactedSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(1, 3), measured[tree.A.Id]); // A of A, B, C
        Assert.Equal(new Fraction(1, 1), measured[tree.T.Id]);
        Assert.Equal(2, measured.Count);

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal(["住户B", "住户C", "住户A"], records.Select(r => r.Subject));
        Assert.Equal([false, false, true], records.Select(r => r.Counts));
        Assert.Equal([null, null, Day(9, 15)], records.Select(r => r.On));
        Assert.Equal(["0", "0", "2"], records.Select(r => r.Detail));
        Assert.Equal($"/Households?gridId={before.GridId}", records[0].Href);
    }

    [Fact]
    public async Task VolunteerParticipation_ActiveMembersWhoServedAtAnActivityHeldInThePeriod()
    {
        var tree = await SourceTree.BuildAsync(Database);
        var held = await ServiceActivityAsync(Database, tree.T, Day(8, 1));
        var cancelled = await ServiceActivityAsync(Database, tree.T, Day(8, 2), cancelled: true);
        var early = await ServiceActivityAsync(Database, tree.T, Day(6, 30));
        var late = await ServiceActivityAsync(Database, tree.T, Day(9, 16));
        var served = await MemberAsync(Database, tree.A, "A-1");
        await SignUpAsync(Database, held, served, true, hours: 3);
        var absent = await MemberAsync(Database, tree.A, "A-2");
        await SignUpAsync(Database, held, absent, false);
        await SignUpAsync(Database, cancelled, absent, true);   // the activity was cancelled
        var outside = await MemberAsync(Database, tree.A, "A-3");
        await SignUpAsync(Database, early, outside, true);
        await SignUpAsync(Database, late, outside, true);
        var unrecorded = await MemberAsync(Database, tree.A, "A-4");
        await SignUpAsync(Database, held, unrecorded, null);    // attendance not recorded yet
        var left = await MemberAsync(Database, tree.A, "A-5", MemberStatus.Left);
        await SignUpAsync(Database, held, left, true);          // left the party: not counted
        await MemberAsync(Database, tree.B, "B-1");

        var source = new VolunteerParticipationSource();
        var measured = await MeasureAsync(Database, source, tree.Root);
        Assert.Equal(new Fraction(1, 4), measured[tree.A.Id]); // A-1 of A-1 … A-4
        Assert.Equal(new Fraction(0, 1), measured[tree.B.Id]);
        Assert.Equal(2, measured.Count);

        var records = await RecordsAsync(Database, source, tree.Root, tree.A);
        Assert.Equal(["A-2", "A-3", "A-4", "A-1"], records.Select(r => r.Subject));
        Assert.Equal([false, false, false, true], records.Select(r => r.Counts));
        Assert.Equal(["0", "0", "0", "3"], records.Select(r => r.Detail));
        Assert.Equal(Day(8, 1), records[3].On);
    }
}
