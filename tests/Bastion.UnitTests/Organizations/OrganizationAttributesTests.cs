using Bastion.Organizations;

namespace Bastion.UnitTests.Organizations;

public class OrganizationAttributesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("350102")]
    [InlineData("110101")]
    [InlineData("820000")]
    public void DivisionCodeIsValid_WhenSixDigitsInProvinceRange_IsTrue(string code) => Assert.True(DivisionCode.IsValid(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("35010")]
    [InlineData("3501021")]
    [InlineData("35O102")]
    [InlineData("100000")]
    [InlineData("990101")]
    [InlineData("３５０１０２")] // full-width digits
    public void DivisionCodeIsValid_WhenNotSixDigitsOrProvinceUnknown_IsFalse(string? code) => Assert.False(DivisionCode.IsValid(code));

    [Theory]
    [InlineData(OrganizationKind.Committee, null, 5)]
    [InlineData(OrganizationKind.GeneralBranch, UnitType.StateEnterprise, 3)]
    [InlineData(OrganizationKind.Branch, UnitType.PrivateEnterprise, 3)]
    [InlineData(OrganizationKind.JointBranch, null, 3)]
    [InlineData(OrganizationKind.Branch, UnitType.Rural, 5)]
    [InlineData(OrganizationKind.GeneralBranch, UnitType.Community, 5)]
    public void DefaultYears_WhenKindAndUnitTypeGiven_FollowsDomainTerms(OrganizationKind kind, UnitType? unitType, int years)
    {
        Assert.Equal(years, CommitteeTerm.DefaultYears(kind, unitType));
    }

    [Fact]
    public void DefaultYears_WhenGroup_IsNull() => Assert.Null(CommitteeTerm.DefaultYears(OrganizationKind.Group, null));

    [Fact]
    public void EffectiveYears_WhenRecorded_OverridesDefault() =>
        Assert.Equal(4, CommitteeTerm.EffectiveYears(OrganizationKind.Branch, null, 4));

    [Fact]
    public void NextElectionOn_WhenStartAndYearsKnown_IsStartPlusYears()
    {
        Assert.Equal(new DateOnly(2026, 3, 15), CommitteeTerm.NextElectionOn(new DateOnly(2023, 3, 15), 3));
        Assert.Null(CommitteeTerm.NextElectionOn(null, 3));
        Assert.Null(CommitteeTerm.NextElectionOn(new DateOnly(2023, 3, 15), null));
    }

    [Theory]
    [InlineData("2026-11-26", 0)] // due today
    [InlineData("2026-11-27", 0)] // due tomorrow
    [InlineData("2026-11-25", 0)] // one day over, no whole month yet
    [InlineData("2026-10-26", 1)]
    [InlineData("2026-07-26", 4)]
    [InlineData("2026-07-27", 3)]
    [InlineData("2025-11-26", 12)]
    public void MonthsOverdue_WhenDueDateGiven_CountsWholeMonths(string due, int months)
    {
        Assert.Equal(months, CommitteeTerm.MonthsOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void EditValidate_WhenAllFieldsValid_HasNoErrors()
    {
        var errors = EditOrganization.Validate(new EditOrganization.Command
        {
            Name = "某某村党支部", UnitType = UnitType.Rural, NewBusinessTags = NewBusinessTags.NewIndustry | NewBusinessTags.NewModel,
            DivisionCode = "350102", FoundedOn = new DateOnly(1990, 7, 1), TermStartedOn = new DateOnly(2024, 1, 10), TermYears = 5,
        }, Today);
        Assert.Empty(errors);
    }

    [Fact]
    public void EditValidate_WhenFieldsInvalid_NamesEachField()
    {
        var errors = EditOrganization.Validate(new EditOrganization.Command
        {
            Name = " ", UnitType = (UnitType)99, NewBusinessTags = (NewBusinessTags)8, DivisionCode = "35010A",
            FoundedOn = Today.AddDays(1), TermStartedOn = Today.AddDays(1), TermYears = 7,
        }, Today);
        Assert.Equal(
            new[] { "DivisionCode", "FoundedOn", "Name", "NewBusinessTags", "TermStartedOn", "TermYears", "UnitType" },
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void EditValidate_WhenTermStartsBeforeFounding_IsRefused()
    {
        var errors = EditOrganization.Validate(new EditOrganization.Command
        {
            Name = "X", FoundedOn = new DateOnly(2020, 1, 1), TermStartedOn = new DateOnly(2019, 12, 31),
        }, Today);
        Assert.Equal(["TermStartedOn"], errors.Keys);
    }
}
