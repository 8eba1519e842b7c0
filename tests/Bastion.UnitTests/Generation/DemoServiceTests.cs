using Bastion.CallUps;
using Bastion.Generation;

namespace Bastion.UnitTests.Generation;

public class DemoServiceTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;

    [Fact]
    public void Volunteering_RespectsCapacity_OneSignUpPerMember_HoursOnlyWhenAttended()
    {
        Assert.NotEmpty(Dataset.ServiceActivities);
        var capacity = Dataset.ServiceActivities.ToDictionary(a => a.Id, a => a.Capacity);
        Assert.All(Dataset.ServiceSignUps.GroupBy(s => s.ActivityId), g => Assert.InRange(g.Count(), 1, capacity[g.Key]));
        Assert.Equal(Dataset.ServiceSignUps.Count, Dataset.ServiceSignUps.Select(s => (s.ActivityId, s.MemberId)).Distinct().Count());
        Assert.All(Dataset.ServiceSignUps, s => Assert.True(s.Attended == true ? s.Hours > 0 : s.Hours == 0));
        Assert.Contains(Dataset.ServiceActivities, a => a.HeldOn > DemoDatasetFixture.Today);
    }

    [Fact]
    public void TheCallUp_HasOneAnswerPerMemberOfTheCounty_MostlyAvailable()
    {
        var callUp = Assert.Single(Dataset.CallUps);
        Assert.Equal(Dataset.FirstCounty.Id, callUp.OrganizationId);
        Assert.Equal(Dataset.CallUpResponses.Count, Dataset.CallUpResponses.Select(r => r.MemberId).Distinct().Count());
        var available = Dataset.CallUpResponses.Count(r => r.Answer == CallUpAnswer.Available);
        Assert.InRange(available, Dataset.CallUpResponses.Count / 2, Dataset.CallUpResponses.Count * 9 / 10);
        Assert.All(Dataset.CallUpResponses.Where(r => r.Answer == CallUpAnswer.NoAnswer), r => Assert.Null(r.AnsweredAt));
    }

    [Fact]
    public void Households_InEveryGrid_KeptByMembersOfTheGridsOrganization_WithAYearOfContacts_SomeRaisedAsRequests()
    {
        var households = Dataset.Households.Households;
        var contacts = Dataset.Households.Contacts;
        var grids = Dataset.Requests.Grids.ToDictionary(g => g.Id);
        Assert.Equal(grids.Keys.Order(), households.Select(h => h.GridId).Distinct().Order());
        Assert.Equal(households.Count, households.Select(h => (h.GridId, h.Address)).Distinct().Count());
        var memberOrg = Dataset.Members.ToDictionary(m => m.Id, m => m.OrganizationId);
        Assert.All(households, h => Assert.Equal(grids[h.GridId].OrganizationId, h.OrganizationId));
        Assert.All(households.Where(h => h.KeeperMemberId is not null), h => Assert.Equal(h.OrganizationId, memberOrg[h.KeeperMemberId!.Value]));
        Assert.Contains(households, h => h.KeeperMemberId is null);

        var byId = households.ToDictionary(h => h.Id);
        Assert.All(contacts, c => Assert.InRange(c.ContactedOn, DemoDatasetFixture.Today.AddDays(-366), DemoDatasetFixture.Today));
        Assert.All(contacts, c => Assert.Equal(byId[c.HouseholdId].OrganizationId, c.OrganizationId));
        var contacted = contacts.Select(c => c.HouseholdId).Distinct().Count();
        Assert.InRange(contacted, households.Count / 2, households.Count * 95 / 100);

        var requests = Dataset.Requests.Requests.ToDictionary(r => r.Id);
        var raised = contacts.Where(c => c.RaisedRequestId is not null).ToList();
        Assert.NotEmpty(raised);
        Assert.All(raised, c =>
        {
            var r = requests[c.RaisedRequestId!.Value];
            Assert.Equal((byId[c.HouseholdId].GridId, byId[c.HouseholdId].Address, c.Notes), (r.GridId!.Value, r.AddressText!, r.Description));
            Assert.Equal(Bastion.Requests.RequestSource.Staff, r.Source);
        });
        Assert.Equal(raised.Count, raised.Select(c => c.RaisedRequestId).Distinct().Count());
    }
}
