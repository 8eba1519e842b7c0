using Bastion.Members;

namespace Bastion.UnitTests.Members;

public class MemberRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private const string Male1990 = "440304199001010011"; // checked by hand in ResidentIdTests

    private static MemberInput Valid() => new()
    {
        Name = " 张三 ", ResidentId = Male1990, Phone = "138 1234 5678", Ethnicity = "汉族", Education = Education.Bachelor,
        Occupation = "教师", JoinedOn = new DateOnly(2015, 7, 1), FullOn = new DateOnly(2016, 7, 1), Category = MemberCategory.Full,
    };

    [Fact]
    public void Check_WhenRecordIsValid_ReturnsNormalizedRecordFromNumber()
    {
        var member = MemberRules.Check(Valid(), Today, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(member);
        Assert.Equal("张三", member.Name);
        Assert.Equal(new DateOnly(1990, 1, 1), member.BirthDate);
        Assert.Equal(Gender.Male, member.Gender);
        Assert.Equal("13812345678", member.Phone);
    }

    [Fact]
    public void Check_WhenCheckCharacterIsWrong_FailsOnResidentId()
    {
        var member = MemberRules.Check(Valid() with { ResidentId = "440304199001010012" }, Today, out var errors);

        Assert.Null(member);
        Assert.Contains("ResidentId", errors.Keys);
    }

    [Fact]
    public void Check_WhenBirthDateDisagreesWithNumber_FailsOnBirthDate()
    {
        MemberRules.Check(Valid() with { BirthDate = new DateOnly(1990, 1, 2) }, Today, out var errors);

        Assert.Equal(["BirthDate"], errors.Keys);
    }

    [Fact]
    public void Check_WhenGenderDisagreesWithNumber_FailsOnGender()
    {
        MemberRules.Check(Valid() with { Gender = Gender.Female }, Today, out var errors);

        Assert.Equal(["Gender"], errors.Keys);
    }

    [Fact]
    public void Check_WhenBirthDateAndGenderAgree_Passes()
    {
        var member = MemberRules.Check(Valid() with { BirthDate = new DateOnly(1990, 1, 1), Gender = Gender.Male }, Today, out _);

        Assert.NotNull(member);
    }

    [Theory]
    [InlineData(2008, 1, 1, true)]
    [InlineData(2007, 12, 31, false)]
    public void IsOldEnoughToJoin_AroundEighteenthBirthday_IsTrueFromTheBirthdayOn(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, MemberRules.IsOldEnoughToJoin(new DateOnly(1990, 1, 1), new DateOnly(year, month, day)));

    [Fact]
    public void FullOnProblems_WhenProbationaryHasFullOn_IsAProblem() =>
        Assert.Single(MemberRules.FullOnProblems(MemberCategory.Probationary, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), Today));

    [Fact]
    public void FullOnProblems_WhenFullMemberHasNoFullOn_IsAProblem() =>
        Assert.Single(MemberRules.FullOnProblems(MemberCategory.Full, new DateOnly(2020, 1, 1), null, Today));

    [Fact]
    public void FullOnProblems_WhenFullOnBeforeJoinedOn_IsAProblem() =>
        Assert.Single(MemberRules.FullOnProblems(MemberCategory.Full, new DateOnly(2020, 1, 1), new DateOnly(2019, 12, 31), Today));

    [Fact]
    public void FullOnProblems_WhenProbationaryWithoutFullOn_IsNone() =>
        Assert.Empty(MemberRules.FullOnProblems(MemberCategory.Probationary, new DateOnly(2026, 1, 1), null, Today));

    [Fact]
    public void Check_WhenCategoryMissing_FailsOnCategory()
    {
        MemberRules.Check(Valid() with { Category = null, FullOn = null }, Today, out var errors);

        Assert.Equal(["Category"], errors.Keys);
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("1381234567", null)]
    [InlineData("23812345678", null)]
    [InlineData("1381234567a", null)]
    public void NormalizePhone_WhenGivenInput_ReturnsElevenDigitsOrNull(string input, string? expected) =>
        Assert.Equal(expected, MemberRules.NormalizePhone(input));

    [Fact]
    public void MaskPhone_WhenElevenDigits_HidesTheMiddleFour() =>
        Assert.Equal("138****5678", MemberRules.MaskPhone("13812345678"));

    [Fact]
    public void Check_WhenNameAndNumberMissing_ListsBoth()
    {
        MemberRules.Check(new MemberInput { JoinedOn = new DateOnly(2020, 1, 1), Category = MemberCategory.Probationary }, Today, out var errors);

        Assert.Contains("Name", errors.Keys);
        Assert.Contains("ResidentId", errors.Keys);
    }

    [Theory]
    [InlineData("1990-01-02", 1990, 1, 2)]
    [InlineData("1990/1/2", 1990, 1, 2)]
    [InlineData("19900102", 1990, 1, 2)]
    [InlineData("1990年1月2日", 1990, 1, 2)]
    public void ParseDate_WhenCommonRosterFormat_Parses(string input, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), RosterWorkbook.ParseDate(input));

    [Fact]
    public void ParseDate_WhenNotADate_IsNull() => Assert.Null(RosterWorkbook.ParseDate("1999-02-30"));
}
