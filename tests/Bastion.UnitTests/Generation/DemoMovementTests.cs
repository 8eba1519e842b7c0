using Bastion.Generation;
using Bastion.MobileMembers;
using Bastion.Transfers;

namespace Bastion.UnitTests.Generation;

public class DemoMovementTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;

    [Fact]
    public void Transfers_KeepMembersOnTheSendersRosterUntilAccepted_AndOneIsOverdue()
    {
        var members = Dataset.Members.ToDictionary(m => m.Id);
        Assert.Contains(Dataset.Transfers, t => t.Status == TransferStatus.Accepted);
        Assert.All(Dataset.Transfers.Where(t => t.Status == TransferStatus.Issued), t => Assert.Equal(t.FromOrganizationId, members[t.MemberId].OrganizationId));
        Assert.All(Dataset.Transfers.Where(t => t.Status == TransferStatus.Accepted), t => Assert.Equal(t.ToOrganizationId, members[t.MemberId].OrganizationId));
        Assert.Contains(Dataset.Transfers, t => t.IsOverdue(DemoDatasetFixture.Today));
        Assert.Contains(Dataset.Transfers, t => t.Kind == TransferKind.OutOfSystem && t.ExternalParty is not null);
        Assert.Equal(Dataset.Transfers.Count, Dataset.Transfers.Select(t => t.MemberId).Distinct().Count());
    }

    [Fact]
    public void MobileMembers_HaveContactLogs_AndSomeHaveGoneQuietForSixMonths()
    {
        Assert.NotEmpty(Dataset.MobileRecords);
        var ids = Dataset.MobileRecords.Select(r => r.Id).ToHashSet();
        Assert.All(Dataset.MobileContacts, c => Assert.Contains(c.MobileRecordId, ids));
        var lastContact = Dataset.MobileContacts.GroupBy(c => c.MobileRecordId).ToDictionary(g => g.Key, g => g.Max(c => c.ContactedOn));
        var quiet = Dataset.MobileRecords.Count(r => (lastContact.TryGetValue(r.Id, out var last) ? last : r.LeftOn) < DemoDatasetFixture.Today.AddMonths(-6));
        Assert.InRange(quiet, 1, Dataset.MobileRecords.Count - 1);
        Assert.All(Dataset.MobileRecords, r => Assert.Equal(MobileDirection.OutFlow, r.Direction));
    }
}
