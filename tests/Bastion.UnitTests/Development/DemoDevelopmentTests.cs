using Bastion.Development;
using Bastion.Generation;
using Bastion.Members;
using Bastion.UnitTests.Generation;

namespace Bastion.UnitTests.Development;

/// <summary>The demo county's development pipeline: every stage, some late, and every file legal under the rules.</summary>
public sealed class DemoDevelopmentTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;
    private static readonly DateOnly Today = DemoDatasetFixture.Today;
    private static readonly DevelopmentRuleSet Rules = DevelopmentRuleCatalogue.Shipped.InForceOn(Today);

    [Fact]
    public void Candidates_AreAtEveryStage_InTheFirstCounty_AndSomeAreLate()
    {
        var candidates = Dataset.Candidates.Select(c => c.Candidate).ToList();
        Assert.True(candidates.Count > 50, $"{candidates.Count} candidates");
        Assert.Equal([1, 2, 3, 4, 5], candidates.Select(c => c.Stage).Distinct().Order());
        Assert.True(candidates.Select(c => c.CurrentStep).Distinct().Count() >= 20);
        Assert.Contains(candidates, c => c.DueOn < Today && c.DueStep == DevelopmentRules.ReviewStep);
        Assert.Contains(candidates, c => c.DueOn < Today && c.DueStep == DevelopmentRules.TalkStep);
        Assert.Contains(candidates, c => c.DueOn >= Today);
        var county = Dataset.FirstCounty.Path;
        Assert.All(candidates, c => Assert.StartsWith(county, Dataset.Organizations.Single(o => o.Id == c.OrganizationId).Path, StringComparison.Ordinal));
        Assert.Equal(Dataset.Candidates.Count, Dataset.Candidates.Select(c => c.Candidate.ResidentIdHash).Distinct().Count());
    }

    [Fact]
    public void EveryFile_KeepsTheRules()
    {
        var fullMembers = Dataset.Members.Where(m => m.Category == MemberCategory.Full).Select(m => m.Id).ToHashSet();
        foreach (var (c, steps, member) in Dataset.Candidates)
        {
            var numbers = steps.Select(s => s.Step.Number).ToList();
            Assert.Equal(Enumerable.Range(1, c.CurrentStep), numbers.Distinct());
            Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.Step.Date <= p.Second.Step.Date), c.Name);
            Assert.All(steps, s => Assert.True(s.Step.Date <= Today));
            Assert.True(DevelopmentRules.IsOldEnough(c.BirthDate, c.AppliedOn, Rules));
            Assert.Equal(c.BirthDate, ResidentId.TryParse(fixture.Pii.Decrypt(c.ResidentIdCipher), out _)!.BirthDate);
            DateOnly On(int n) => steps.Last(s => s.Step.Number == n).Step.Date;
            if (c.CurrentStep >= 7)
            {
                Assert.True(On(7) >= DevelopmentRules.EarliestTargetOn(On(3), Rules));
                Assert.Null(DevelopmentRules.MissingReviewDue(On(3), steps.Where(s => s.Step.Number == 6).Select(s => s.Step.Date), On(7), Rules));
            }
            if (c.CurrentStep >= 9)
                Assert.All(steps.Single(s => s.Step.Number == 9).People, p => Assert.Contains(p.MemberId!.Value, fullMembers));
            foreach (var vote in steps.Where(s => s.Step.Number is 15 or 23))
                Assert.True(vote.Resolution!.Passed && vote.Resolution.QuorumHeld && vote.Meeting!.HeldOn == vote.Step.Date);
            if (c.CurrentStep >= 17) Assert.True(On(17) <= DevelopmentRules.ApprovalDeadline(On(15), false, Rules));
            if (c.CurrentStep >= 23) Assert.True(On(23) >= DevelopmentRules.ProbationEndsOn(On(15), null, Rules));
            Assert.Equal(c.CurrentStep >= 17, member is not null);
            if (member is not null)
            {
                Assert.Equal(On(15), member.JoinedOn);
                Assert.Equal(c.CurrentStep >= 24 ? MemberCategory.Full : MemberCategory.Probationary, member.Category);
            }
        }
    }

    [Fact]
    public void Plans_AreSetForTheCountyAndItsTownships()
    {
        Assert.Contains(Dataset.DevelopmentPlans, p => p.OrganizationId == Dataset.FirstCounty.Id && p.Year == Today.Year);
        Assert.True(Dataset.DevelopmentPlans.Count > 5);
    }
}
