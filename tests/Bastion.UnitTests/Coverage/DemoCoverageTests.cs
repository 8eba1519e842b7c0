using Bastion.Coverage;
using Bastion.Generation;
using Bastion.Organizations;
using Bastion.Security;

namespace Bastion.UnitTests.Coverage;

public class DemoCoverageTests
{
    private static readonly DateTime Now = new(2025, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly PiiProtector Pii = new(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 1)).ToArray());

    [Fact]
    public void BuildUnits_WhenDemoCounty_HasEveryKindOfUnitAndCoverage()
    {
        var data = DemoDataset.Build(ScaleProfile.Demo, 7, Pii, Now);
        var units = data.BuildUnits();
        var orgs = data.Organizations.ToDictionary(o => o.Id);

        Assert.InRange(units.Count, 150, 600);
        Assert.Equal(Enum.GetValues<CoverageKind>().Order(), units.Select(u => u.Coverage).Distinct().Order());
        Assert.Contains(units, u => u.UnitType == UnitType.Rural);
        Assert.Contains(units, u => u.UnitType == UnitType.Community);
        Assert.Contains(units, u => u.UnitType == UnitType.SocialOrganization);
        Assert.Contains(units, u => u.Coverage == CoverageKind.NotCovered && u.PartyMemberCount >= 3);
        Assert.All(units, u =>
        {
            Assert.True(orgs.ContainsKey(u.OrganizationId));
            Assert.Equal(orgs[u.OrganizationId].RegionId, u.RegionId);
            Assert.Equal(CoverageRules.HasOrganization(u.Coverage), u.CoveringOrganizationId is not null && u.Coverage != CoverageKind.PartyWorkOnly);
            if (u.Coverage == CoverageKind.JointBranch) Assert.Equal(OrganizationKind.JointBranch, orgs[u.CoveringOrganizationId!.Value].Kind);
            if (u.CreditCode is not null)
            {
                Assert.NotEqual(CreditCodeStatus.Malformed, CreditCode.Check(u.CreditCode));
                Assert.Equal(CreditCode.Check(u.CreditCode) == CreditCodeStatus.Invalid, u.CreditCodeWarning);
            }
        });
        var enterprises = units.Where(u => u.CreditCode is not null).ToList();
        Assert.InRange(enterprises.Count(u => u.CreditCodeWarning), 0, enterprises.Count / 10);
    }

    [Fact]
    public void AssignOrganizationAttributes_WhenDemoCounty_GivesTermsAndSomeOverdue()
    {
        var data = DemoDataset.Build(ScaleProfile.Demo, 7, Pii, Now);
        data.AssignOrganizationAttributes();
        var today = DateOnly.FromDateTime(Now);
        var withTerms = data.Organizations.Where(o => o.Kind != OrganizationKind.Group).ToList();

        Assert.All(withTerms, o => Assert.NotNull(o.TermStartedOn));
        Assert.All(data.Organizations.Where(o => o.DivisionCode is not null), o => Assert.True(DivisionCode.IsValid(o.DivisionCode)));
        var overdue = withTerms.Count(o => CommitteeTerm.NextElectionOn(o.TermStartedOn, CommitteeTerm.EffectiveYears(o.Kind, o.UnitType, o.TermYears)) < today);
        Assert.InRange(overdue, 1, withTerms.Count / 4);
        Assert.Contains(data.Organizations, o => o.UnitType == UnitType.Rural);
        Assert.Contains(data.Organizations, o => o.UnitType == UnitType.PrivateEnterprise);
    }
}
