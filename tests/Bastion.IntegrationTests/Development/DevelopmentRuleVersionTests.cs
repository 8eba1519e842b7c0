using Bastion.Development;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Development.DevelopmentKit;

namespace Bastion.IntegrationTests.Development;

/// <summary>A revised rule set applies to steps dated from its effective day; steps recorded before keep their version.</summary>
public sealed class DevelopmentRuleVersionTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task RevisedRuleSet_AppliesToNewStepsOnly()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var v1 = DevelopmentRuleSet.LoadResource("development.national.2014.json");
        var revisedOn = Today.AddMonths(-6);
        var v2 = v1 with { Version = "development.test.revised", EffectiveFrom = revisedOn, ActivistPeriodMonths = v1.ActivistPeriodMonths with { Value = 18 } };
        var both = new DevelopmentRuleCatalogue([v1, v2]);
        var pii = TestData.Pii(app.Database);

        var activistOn = Today.AddMonths(-14);
        long id;
        await using (var db = app.Database.NewContext())
        {
            var c = await RegisterCandidate.HandleAsync(db, pii, new RegisterCandidate.Command
            {
                OrganizationId = kit.Branch.Id, Name = "版本测试", ResidentId = ResidentIdBornOn(new DateOnly(1990, 5, 5)), AppliedOn = activistOn.AddMonths(-1),
            }, both);
            id = c.Id;
            async Task Step(int number, DateOnly date, params RecordStep.PersonInput[] people) =>
                await RecordStep.HandleAsync(db, pii, BastionRoles.SystemAdmin, id, new RecordStep.Command { Number = number, Date = date, People = people }, both);
            await Step(2, activistOn.AddDays(-20), new RecordStep.PersonInput { Role = StepPersonRole.Talker, Name = "李书记" });
            await Step(3, activistOn);
            await Step(4, activistOn.AddDays(5));
            await Step(5, activistOn.AddDays(10), new RecordStep.PersonInput { Role = StepPersonRole.CultivationContact, MemberId = kit.Members[0].Id });
            await Step(6, activistOn.AddMonths(5));
            await Step(6, activistOn.AddMonths(10));
        }

        // ⑦ thirteen months after ③: enough under the 2014 rules, not under the revision in force on that day.
        var target = new RecordStep.Command { Number = 7, Date = activistOn.AddMonths(13), NoticeFrom = activistOn.AddMonths(13).AddDays(-14), NoticeTo = activistOn.AddMonths(13).AddDays(-1) };
        await using (var db = app.Database.NewContext())
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => RecordStep.HandleAsync(db, pii, BastionRoles.SystemAdmin, id, target, both));
            Assert.Equal(DevelopmentRules.ActivistPeriodRule, refused.Rule);
            Assert.Contains("18 months", refused.Message);
            Assert.Contains("development.test.revised", refused.Message);

            var versions = await db.Set<DevelopmentStep>().Where(s => s.CandidateId == id).OrderBy(s => s.Id).Select(s => new { s.Date, s.RuleSetVersion }).ToListAsync();
            Assert.Equal(7, versions.Count);
            Assert.All(versions, v => Assert.Equal(v.Date >= revisedOn ? "development.test.revised" : "development.national.2014", v.RuleSetVersion));
            Assert.Contains(versions, v => v.RuleSetVersion == "development.test.revised");
            Assert.Contains(versions, v => v.RuleSetVersion == "development.national.2014");
        }
        await using (var db = app.Database.NewContext())
        {
            // Under the shipped rules alone the same step is accepted.
            var step = await RecordStep.HandleAsync(db, pii, BastionRoles.SystemAdmin, id, target);
            Assert.Equal("development.national.2014", step.RuleSetVersion);
        }
    }
}
