using Bastion.Organizations;
using Bastion.Shared;

namespace Bastion.UnitTests.Organizations;

public class OrganizationTreeTests
{
    private static Organization NewOrg(long id, OrganizationKind kind = OrganizationKind.Committee) =>
        new() { Id = id, Name = $"org {id}", Kind = kind };

    [Fact]
    public void PlaceUnder_WhenNoParent_BecomesRootOfItsRegion()
    {
        var root = NewOrg(5);

        root.PlaceUnder(null);

        Assert.Null(root.ParentId);
        Assert.Equal("/5/", root.Path);
        Assert.Equal(0, root.Depth);
        Assert.Equal(5, root.RegionId);
    }

    [Fact]
    public void PlaceUnder_WhenParentGiven_TakesPathDepthAndRegionFromParent()
    {
        var root = NewOrg(1);
        root.PlaceUnder(null);
        var city = NewOrg(17);
        city.PlaceUnder(root);
        var branch = NewOrg(2031, OrganizationKind.Branch);

        branch.PlaceUnder(city);

        Assert.Equal(17, branch.ParentId);
        Assert.Equal("/1/17/2031/", branch.Path);
        Assert.Equal(2, branch.Depth);
        Assert.Equal(1, branch.RegionId);
        Assert.True(TreePath.Contains(root.Path, branch.Path));
    }

    [Fact]
    public void PlaceUnder_WhenMovedToAnotherParent_RecomputesEverything()
    {
        var regionA = NewOrg(1);
        regionA.PlaceUnder(null);
        var regionB = NewOrg(2);
        regionB.PlaceUnder(null);
        var org = NewOrg(30);
        org.PlaceUnder(regionA);

        org.PlaceUnder(regionB);

        Assert.Equal(2, org.ParentId);
        Assert.Equal("/2/30/", org.Path);
        Assert.Equal(1, org.Depth);
        Assert.Equal(2, org.RegionId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void PlaceUnder_WhenIdNotYetAssigned_Throws(long id)
    {
        var org = NewOrg(id);
        var parent = NewOrg(1);
        parent.PlaceUnder(null);

        Assert.Throws<InvalidOperationException>(() => org.PlaceUnder(parent));
        Assert.Equal("", org.Path);
        Assert.Null(org.ParentId);
    }

    [Theory]
    [InlineData(OrganizationKind.Committee, OrganizationKind.Committee)]
    [InlineData(OrganizationKind.Committee, OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.Committee, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.Committee, OrganizationKind.JointBranch)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.JointBranch)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.Group)]
    [InlineData(OrganizationKind.JointBranch, OrganizationKind.Group)]
    public void EnsureCanHoldChild_WhenKindIsAllowed_DoesNotThrow(OrganizationKind parent, OrganizationKind child)
    {
        var exception = Record.Exception(() => TreeRules.EnsureCanHoldChild(parent, child));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(OrganizationKind.Committee, OrganizationKind.Group)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.Committee)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.Group)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.Committee)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.JointBranch)]
    [InlineData(OrganizationKind.JointBranch, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.JointBranch, OrganizationKind.Committee)]
    [InlineData(OrganizationKind.Group, OrganizationKind.Group)]
    [InlineData(OrganizationKind.Group, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.Group, OrganizationKind.Committee)]
    public void EnsureCanHoldChild_WhenKindIsForbidden_ThrowsNamedRule(OrganizationKind parent, OrganizationKind child)
    {
        var exception = Assert.Throws<DomainRuleException>(() => TreeRules.EnsureCanHoldChild(parent, child));

        Assert.Equal("TreeRules.ChildKindAllowed", exception.Rule);
        Assert.Contains(child.ToString(), exception.Message);
        Assert.Contains(parent.ToString(), exception.Message);
    }

    [Fact]
    public void EnsureCanHoldChild_WhenParentIsGroup_ForbidsEveryKind()
    {
        foreach (var child in Enum.GetValues<OrganizationKind>())
            Assert.Throws<DomainRuleException>(() => TreeRules.EnsureCanHoldChild(OrganizationKind.Group, child));
    }

    [Fact]
    public void EnsureCanHoldChild_WhenKindIsUndefined_Throws()
    {
        Assert.Throws<DomainRuleException>(() => TreeRules.EnsureCanHoldChild((OrganizationKind)99, OrganizationKind.Branch));
    }
}
