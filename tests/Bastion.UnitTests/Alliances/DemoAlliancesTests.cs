using Bastion.Alliances;
using Bastion.UnitTests.Generation;

namespace Bastion.UnitTests.Alliances;

/// <summary>The demo alliances obey the same rules the use cases enforce.</summary>
public sealed class DemoAlliancesTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    [Fact]
    public void BuildAlliances_WhenDemoScale_CoversVillageEnterpriseResearchAndCommunity()
    {
        var (alliances, _, _) = fixture.Dataset.BuildAlliances();
        Assert.Equal(4, alliances.Count);
        Assert.Superset(new HashSet<AllianceType> { AllianceType.VillageEnterprise, AllianceType.IndustryUniversityResearch, AllianceType.Community },
            alliances.Select(a => a.Type).ToHashSet());
    }

    [Fact]
    public void BuildAlliances_WhenDemoScale_FollowsTheRulesWithIdsFromOne()
    {
        var (alliances, members, activities) = fixture.Dataset.BuildAlliances();
        var county = fixture.Dataset.FirstCounty;
        var orgs = fixture.Dataset.Organizations.ToDictionary(o => o.Id);
        Assert.Equal(Enumerable.Range(1, alliances.Count).Select(i => (long)i), alliances.Select(a => a.Id));
        Assert.Equal(Enumerable.Range(1, members.Count).Select(i => (long)i), members.Select(m => m.Id));
        Assert.Equal(Enumerable.Range(1, activities.Count).Select(i => (long)i), activities.Select(a => a.Id));
        foreach (var a in alliances)
        {
            var ids = members.Where(m => m.AllianceId == a.Id).Select(m => m.OrganizationId).ToList();
            Assert.True(AllianceRules.HasEnoughMembers(ids), a.Name);
            Assert.Empty(AllianceRules.Duplicates(ids));
            Assert.Contains(a.LeadOrganizationId, ids);
            Assert.All(ids, id => Assert.StartsWith(county.Path, orgs[id].Path, StringComparison.Ordinal));
            Assert.Equal(orgs[a.LeadOrganizationId].RegionId, a.RegionId);
            foreach (var x in activities.Where(x => x.AllianceId == a.Id))
            {
                Assert.True(AllianceRules.IsNotInFuture(x.HeldOn, DemoDatasetFixture.Today) && x.HeldOn >= a.FoundedOn, $"{a.Name}: {x.Title} {x.HeldOn}");
                Assert.Contains(x.OrganizingOrganizationId, ids);
            }
        }
    }
}
