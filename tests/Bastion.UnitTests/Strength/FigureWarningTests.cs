using Bastion.Compliance;
using Bastion.Strength;
using Bastion.Strength.Warnings;

namespace Bastion.UnitTests.Strength;

/// <summary>The warning rules that read an indicator's figures fire on a branch built to trigger them and not on one built not to.</summary>
public sealed class FigureWarningTests
{
    private const long Fires = 1, Quiet = 2;

    private static async Task<IReadOnlyList<WarningHit>> EvaluateAsync(IWarningSource source, string indicator, Fraction fires, Fraction quiet)
    {
        var scope = new AssessmentScope(null!, Enumerable.Empty<Bastion.Organizations.Organization>().AsQueryable(),
            new Period(PeriodKind.Quarter, 2026, 2), new DateOnly(2026, 6, 30), StrengthRuleSet.Load());
        var measures = new Measures { [indicator] = new Dictionary<long, Fraction> { [Fires] = fires, [Quiet] = quiet } };
        return await source.EvaluateAsync(scope, measures, CancellationToken.None);
    }

    [Fact]
    public async Task LowCompliance_Below60Percent()
    {
        // 5 of 9 obligations met = 55.6 % fires; 6 of 10 = 60 % does not.
        var hits = await EvaluateAsync(new LowComplianceWarning(), "organizational-life", new(5, 9), new(6, 10));
        Assert.Equal(Fires, Assert.Single(hits).OrganizationId);
        Assert.Equal(5.0 / 9, hits[0].Measure, 4);
    }

    [Fact]
    public async Task LowSatisfaction_Below60Percent_OverAtLeastFiveRatings()
    {
        // 2 of 5 satisfied = 40 % fires; 1 of 4 = 25 % has too few ratings to judge.
        var hits = await EvaluateAsync(new LowSatisfactionWarning(), "satisfaction", new(2, 5), new(1, 4));
        Assert.Equal(Fires, Assert.Single(hits).OrganizationId);
    }

    [Fact]
    public async Task DuesArrears_MoreThan20PercentBehind()
    {
        // 7 of 10 paid up: 30 % behind fires; 8 of 10: 20 % does not.
        var hits = await EvaluateAsync(new DuesArrearsWarning(), "dues-paid", new(7, 10), new(8, 10));
        Assert.Equal(Fires, Assert.Single(hits).OrganizationId);
        Assert.Equal(0.3, hits[0].Measure, 4);
    }

    [Fact]
    public async Task MembersLost_AnyOutFlowMemberOutOfContact()
    {
        // 2 of 3 contacted: one lost fires; 3 of 3 does not.
        var hits = await EvaluateAsync(new MembersLostWarning(), "mobile-contact", new(2, 3), new(3, 3));
        Assert.Equal((Fires, 1.0), (Assert.Single(hits).OrganizationId, hits[0].Measure));
    }

    [Fact]
    public async Task NoCollectiveIncome_ZeroForTheYear()
    {
        var hits = await EvaluateAsync(new NoCollectiveIncomeWarning(), "village-income", new(0, 1), new(35000, 1));
        Assert.Equal(Fires, Assert.Single(hits).OrganizationId);
    }

    [Fact]
    public async Task SubstantiatedMisconduct_OneIsEnough()
    {
        var hits = await EvaluateAsync(new SubstantiatedMisconductWarning(), "misconduct", new(1, 20), new(0, 20));
        Assert.Equal(Fires, Assert.Single(hits).OrganizationId);
    }
}
