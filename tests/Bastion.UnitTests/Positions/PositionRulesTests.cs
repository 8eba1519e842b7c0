using Bastion.Organizations;
using Bastion.Positions;

namespace Bastion.UnitTests.Positions;

public sealed class PositionRulesTests
{
    private static readonly DateOnly EndedOn = new(2026, 3, 31);

    [Fact]
    public void IsLongVacant_WhenExactlyThreeMonths_IsFalse() =>
        Assert.False(PositionRules.IsLongVacant(EndedOn, new DateOnly(2026, 6, 30)));

    [Fact]
    public void IsLongVacant_WhenThreeMonthsAndOneDay_IsTrue() =>
        Assert.True(PositionRules.IsLongVacant(EndedOn, new DateOnly(2026, 7, 1)));

    [Fact]
    public void IsLongVacant_WhenEndedMidMonth_CountsCalendarMonths()
    {
        Assert.False(PositionRules.IsLongVacant(new DateOnly(2026, 1, 15), new DateOnly(2026, 4, 15)));
        Assert.True(PositionRules.IsLongVacant(new DateOnly(2026, 1, 15), new DateOnly(2026, 4, 16)));
    }

    [Fact]
    public void VacancyDays_WhenEndedToday_IsZero() => Assert.Equal(0, PositionRules.VacancyDays(EndedOn, EndedOn));

    [Fact]
    public void VacancyDays_WhenEndedEarlier_CountsDays() => Assert.Equal(92, PositionRules.VacancyDays(EndedOn, new DateOnly(2026, 7, 1)));

    [Theory]
    [InlineData(PositionRole.GroupLeader, OrganizationKind.Group, true)]
    [InlineData(PositionRole.GroupLeader, OrganizationKind.Branch, false)]
    [InlineData(PositionRole.Secretary, OrganizationKind.Group, false)]
    [InlineData(PositionRole.Secretary, OrganizationKind.Branch, true)]
    [InlineData(PositionRole.DisciplineCommissioner, OrganizationKind.Committee, true)]
    public void FitsOrganization_WhenRoleAndKindGiven_MatchesGroupRule(PositionRole role, OrganizationKind kind, bool expected) =>
        Assert.Equal(expected, PositionRules.FitsOrganization(role, kind));

    [Fact]
    public void MayAppointSecretary_WhenOneIsCurrent_IsFalse()
    {
        Assert.True(PositionRules.MayAppointSecretary(0));
        Assert.False(PositionRules.MayAppointSecretary(1));
    }

    [Fact]
    public void EndsAfterStart_WhenSameDay_IsTrue_AndBefore_IsFalse()
    {
        Assert.True(PositionRules.EndsAfterStart(EndedOn, EndedOn));
        Assert.False(PositionRules.EndsAfterStart(EndedOn, EndedOn.AddDays(-1)));
    }

    [Fact]
    public void Vacancy_WhenExactlyThreeMonths_HasNoWarning()
    {
        var v = SecretaryVacancies.Vacancy(1, "支部", OrganizationKind.Branch, true, EndedOn, new DateOnly(2026, 6, 30));
        Assert.Equal(91, v.Days);
        Assert.Null(v.Warning);
        Assert.False(v.NeverAppointed);
    }

    [Fact]
    public void Vacancy_WhenThreeMonthsAndOneDay_WarnsSecretaryVacant() =>
        Assert.Equal(PositionRules.SecretaryVacantRule, SecretaryVacancies.Vacancy(1, "支部", OrganizationKind.Branch, true, EndedOn, new DateOnly(2026, 7, 1)).Warning);

    [Fact]
    public void Vacancy_WhenNeverAppointedAndNoFoundingDate_WarnsWithoutLength()
    {
        var v = SecretaryVacancies.Vacancy(1, "支部", OrganizationKind.Branch, false, null, new DateOnly(2026, 7, 1));
        Assert.True(v.NeverAppointed);
        Assert.Null(v.Days);
        Assert.Equal(PositionRules.SecretaryVacantRule, v.Warning);
    }

    [Fact]
    public void IsCommitteeFormed_WhenTwoOrThreeHolders_IsFalseThenTrue()
    {
        Assert.False(CommitteeSizes.IsCommitteeFormed(2));
        Assert.True(CommitteeSizes.IsCommitteeFormed(3));
    }
}
