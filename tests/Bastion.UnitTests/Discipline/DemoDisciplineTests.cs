using Bastion.Discipline;
using Bastion.Generation;
using Bastion.Organizations;
using Bastion.UnitTests.Generation;

namespace Bastion.UnitTests.Discipline;

/// <summary>The demo year of reports follows the routing rule and the handling rules the use cases enforce.</summary>
public sealed class DemoDisciplineTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    [Fact]
    public void Reports_WhenDemoScale_LandAboveEveryOrganizationConcerned_AndNeverInsideIt()
    {
        var d = fixture.Dataset;
        var reports = d.BuildMisconductReports();
        var orgs = d.Organizations.ToDictionary(o => o.Id);
        Assert.InRange(reports.Count, 30, 60);
        foreach (var (r, _) in reports)
        {
            var concerned = orgs[r.ConcernedOrganizationId];
            var receiver = orgs[r.OrganizationId];
            Assert.StartsWith(d.FirstCounty.Path, concerned.Path);
            Assert.True(TreePath.Contains(receiver.Path, concerned.Path) && receiver.Path != concerned.Path);
            if (r.ConcernedMemberId is { } m)
                foreach (var p in d.Positions.Where(p => p.MemberId == m && p.EndedOn is null))
                    Assert.True(TreePath.Contains(receiver.Path, orgs[p.OrganizationId].Path) && receiver.Path != orgs[p.OrganizationId].Path);
        }
        Assert.Contains(reports, x => x.Report.OrganizationId == d.DisciplineCity.Id);
        Assert.Contains(reports, x => x.Report.OrganizationId == d.DisciplineTownship.Id);
        var demo = Assert.Single(reports, x => x.Report.TrackingCode == DemoDataset.DemoReportCode).Report;
        Assert.True(ReporterSecret.Matches(DemoDataset.DemoReportSecret, demo.SecretHash));
        Assert.Equal(d.FirstVillageBranch.Id, demo.ConcernedOrganizationId);
    }

    [Fact]
    public void Reports_WhenDemoScale_HaveEveryStatus_AndConsistentTimelines()
    {
        var reports = fixture.Dataset.BuildMisconductReports();
        foreach (var status in Enum.GetValues<MisconductStatus>())
            Assert.Contains(reports, x => x.Report.Status == status);
        Assert.Contains(reports, x => x.Report.CurrentDueOn < DemoDatasetFixture.Today);
        Assert.Contains(reports, x => x.Report.Outcome == MisconductOutcome.Substantiated);
        Assert.Equal(reports.Count, reports.Select(x => x.Report.TrackingCode).Distinct().Count());
        foreach (var (r, events) in reports)
        {
            Assert.Equal(MisconductEventKind.Received, events[0].Kind);
            Assert.Equal(r.ReceivedOn, events[0].On);
            Assert.Equal(events.OrderBy(e => e.On).Select(e => e.Kind), events.Select(e => e.Kind));
            Assert.All(events, e => Assert.True(e.On <= DemoDatasetFixture.Today));
            Assert.Equal(r.IsAnonymous, r.ReporterCipher is null);
            if (r.Status is MisconductStatus.Closed or MisconductStatus.Declined) Assert.NotNull(r.PublicStatement);
        }
    }
}
