using Bastion.Requests;
using Bastion.UnitTests.Generation;

namespace Bastion.UnitTests.Requests;

/// <summary>The demo year of requests is plausible and obeys the rules the use cases enforce.</summary>
public sealed class DemoRequestsTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    [Fact]
    public void Requests_WhenDemoScale_AreAYearInTheFirstCounty_WithIdsFromOne()
    {
        var d = fixture.Dataset;
        var r = d.Requests;
        var orgs = d.Organizations.ToDictionary(o => o.Id);
        Assert.InRange(r.Requests.Count, 1000, 20000);
        Assert.Equal(Enumerable.Range(1, r.Requests.Count).Select(i => (long)i), r.Requests.Select(x => x.Id));
        Assert.Equal(Enumerable.Range(1, r.Events.Count).Select(i => (long)i), r.Events.Select(x => x.Id));
        Assert.All(r.Requests, x => Assert.StartsWith(d.FirstCounty.Path, orgs[x.OrganizationId].Path));
        Assert.All(r.Grids, g => Assert.StartsWith(d.FirstCounty.Path, orgs[g.OrganizationId].Path));
        Assert.Equal(r.Requests.Count, r.Requests.Select(x => x.TrackingCode).Distinct().Count());
        Assert.All(r.Requests, x => Assert.Equal(x.TrackingCode, TrackingCode.Normalize(x.TrackingCode)));
        Assert.Equal(r.Grids.Count, r.Grids.Select(g => g.Code).Distinct().Count());
        Assert.True(r.Requests.Max(x => x.ReceivedAt) - r.Requests.Min(x => x.ReceivedAt) > TimeSpan.FromDays(300));
    }

    [Fact]
    public void Requests_WhenDemoScale_HaveRealisticOutcomes_AndConsistentTimelines()
    {
        var r = fixture.Dataset.Requests;
        var answered = r.Requests.Where(x => x.AnsweredAt is not null).ToList();
        var onTime = answered.Count(x => ServiceRequestRules.AnsweredOnTime(x.AnsweredAt!.Value, x.ResolutionDueAt)) / (double)answered.Count;
        Assert.InRange(onTime, 0.75, 0.95);
        var rated = r.Requests.Where(x => x.Rating is not null).ToList();
        Assert.InRange(rated.Count(x => x.Rating >= 4) / (double)rated.Count, 0.7, 0.9);
        Assert.Contains(r.Requests, x => x.ReopenCount > 0);
        Assert.Contains(r.Requests, x => x.IsAgencyHandling && x.AgentMemberId is not null);
        Assert.Contains(r.Requests, x => x.Status == ServiceRequestStatus.Received);
        var events = r.Events.GroupBy(e => e.RequestId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var x in r.Requests)
        {
            var timeline = events[x.Id];
            Assert.Equal(RequestEventKind.Received, timeline[0].Kind);
            Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.Id), timeline.Select(e => e.Id));
            Assert.Equal(x.Status == ServiceRequestStatus.Closed, timeline[^1].Kind == RequestEventKind.Closed);
            if (x.EscalatedToOrganizationId is not null) Assert.True(x.IsOpen);
        }
    }
}
