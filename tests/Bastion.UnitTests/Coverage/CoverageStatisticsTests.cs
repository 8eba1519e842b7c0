using Bastion.Coverage;
using Bastion.Organizations;

namespace Bastion.UnitTests.Coverage;

public class CoverageStatisticsTests
{
    [Fact]
    public void Tally_WhenCellsGiven_AddsUpByCoverageKind()
    {
        var rate = CoverageStatistics.Tally(UnitType.PrivateEnterprise,
        [
            (CoverageKind.OwnOrganization, 3, 3), (CoverageKind.JointBranch, 2, 0),
            (CoverageKind.PartyWorkOnly, 1, 0), (CoverageKind.NotCovered, 4, 1),
        ]);

        Assert.Equal(new CoverageRate(UnitType.PrivateEnterprise, 10, 3, 2, 1, 4, 1), rate);
        Assert.Equal(0.5m, rate.OrganizationRate);
        Assert.Equal(0.6m, rate.WorkRate);
    }

    [Fact]
    public void Rate_WhenNothingToCount_IsZero()
    {
        Assert.Equal(0m, CoverageRules.Rate(0, 0));
        Assert.Equal(0.3333m, CoverageRules.Rate(1, 3));
    }

    [Theory]
    [InlineData(CoverageKind.OwnOrganization, true, true)]
    [InlineData(CoverageKind.JointBranch, true, true)]
    [InlineData(CoverageKind.PartyWorkOnly, false, true)]
    [InlineData(CoverageKind.NotCovered, false, false)]
    public void HasOrganizationAndHasPartyWork_WhenKindGiven_FollowTheKind(CoverageKind kind, bool organization, bool work)
    {
        Assert.Equal(organization, CoverageRules.HasOrganization(kind));
        Assert.Equal(work, CoverageRules.HasPartyWork(kind));
    }
}
