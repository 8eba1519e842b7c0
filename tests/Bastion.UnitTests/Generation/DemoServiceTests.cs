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
}
