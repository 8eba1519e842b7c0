using Bastion.Appraisals;
using Bastion.Compliance;
using Bastion.Members;
using Bastion.UnitTests.Generation;

namespace Bastion.UnitTests.Appraisals;

public sealed class DemoAppraisalsTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    [Fact]
    public void Build_DemoAppraisals_KeepTheRules_AndCoverEveryActiveMemberOfTheBranch()
    {
        var appraisals = fixture.Dataset.Appraisals;
        var lastYear = appraisals.Where(a => a.Round.Year == DemoDatasetFixture.Today.Year - 1).ToList();
        Assert.NotEmpty(lastYear);
        Assert.Contains(appraisals, a => a.Round.Year == DemoDatasetFixture.Today.Year && a.Round.Status == AppraisalStatus.Open);
        var rule = OrganizationalLifeRuleSet.Load().Appraisal;
        foreach (var a in lastYear)
        {
            Assert.Equal(AppraisalStatus.Closed, a.Round.Status);
            Assert.All(a.Entries.Where(e => e.Category == MemberCategory.Probationary), e => Assert.Null(e.Grade));
            Assert.All(a.Entries.Where(e => e.Category == MemberCategory.Full), e => Assert.NotNull(e.Grade));
            var graded = a.Entries.Count(e => e.Grade is not null);
            Assert.True(AppraisalRules.ExcellentWithinShare(a.Entries.Count(e => e.Grade == AppraisalGrade.Excellent), graded, rule));
            var roster = fixture.Dataset.Members.Where(m => m.OrganizationId == a.Round.OrganizationId && m.Status == MemberStatus.Active).Select(m => m.Id).Order();
            Assert.Equal(roster, a.Entries.Select(e => e.MemberId).Order());
        }
        Assert.Contains(lastYear.SelectMany(a => a.Entries), e => e.Grade == AppraisalGrade.Excellent);
    }
}
