using Bastion.Generation;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;

namespace Bastion.UnitTests.Generation;

public class DemoPositionsTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;

    [Fact]
    public void Positions_AreHeldByFullMembersOfTheSameOrganization_WithOneCurrentSecretaryAtMost()
    {
        var members = Dataset.Members.ToDictionary(m => m.Id);
        Assert.NotEmpty(Dataset.Positions);
        Assert.All(Dataset.Positions, p =>
        {
            Assert.Equal(members[p.MemberId].OrganizationId, p.OrganizationId);
            Assert.Equal(MemberCategory.Full, members[p.MemberId].Category);
            Assert.True(p.StartedOn <= DemoDatasetFixture.Today);
            Assert.True(p.EndedOn is null || p.EndedOn > p.StartedOn);
        });
        Assert.All(Dataset.Positions.Where(p => p.EndedOn is null && p.Role == PositionRole.Secretary).GroupBy(p => p.OrganizationId), g => Assert.Single(g));
    }

    [Fact]
    public void MostBranchesThatNeedACommitteeHaveOne_AndAFewGapsAreLeftToFind()
    {
        var full = Dataset.Members.Where(m => m.Status == MemberStatus.Active && m.Category == MemberCategory.Full)
            .GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.Count());
        var committee = Dataset.Positions.Where(p => p.EndedOn is null).GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.Count());
        var needing = Dataset.Organizations
            .Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch && full.GetValueOrDefault(o.Id) >= StructureRules.BranchCommitteeFromFullMembers)
            .ToList();
        var formed = needing.Count(o => committee.GetValueOrDefault(o.Id) >= StructureRules.MinCommitteeSize);
        Assert.InRange(formed, needing.Count * 80 / 100, needing.Count - 1);
        Assert.All(committee.Values, size => Assert.InRange(size, 1, 5));
        var vacant = Dataset.Organizations.Count(o => o.Kind == OrganizationKind.Branch && full.ContainsKey(o.Id) && !committee.ContainsKey(o.Id));
        Assert.InRange(vacant, 1, Dataset.Organizations.Count / 10);
    }
}
