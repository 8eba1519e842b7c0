using Bastion.Coverage;

namespace Bastion.UnitTests.Coverage;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("91440300708461136T")]
    public void Check_WhenCheckCharacterMatches_IsValid(string code)
    {
        Assert.Equal(CreditCodeStatus.Valid, CreditCode.Check(code));
    }

    [Fact]
    public void Check_WhenLowerCaseOrPadded_IsValid()
    {
        Assert.Equal(CreditCodeStatus.Valid, CreditCode.Check(" 91350100m000100y43 "));
    }

    [Theory]
    [InlineData("91350100M000100Y44")] // check character changed
    [InlineData("91350100M000100Y4X")] // check character changed to another letter
    [InlineData("92350100M000100Y43")] // a body character changed
    [InlineData("91350100M000010Y43")] // two characters swapped
    public void Check_WhenCheckCharacterDisagrees_IsInvalid(string code)
    {
        Assert.Equal(CreditCodeStatus.Invalid, CreditCode.Check(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("91350100O000100Y43")] // nor O
    [InlineData("9135010-M000100Y43")]
    public void Check_WhenNotEighteenAlphabetCharacters_IsMalformed(string? code)
    {
        Assert.Equal(CreditCodeStatus.Malformed, CreditCode.Check(code));
    }

    [Fact]
    public void CheckCharacter_WhenGivenBody_ReturnsTheLastCharacterOfAValidCode()
    {
        Assert.Equal('3', CreditCode.CheckCharacter("91350100M000100Y4"));
        Assert.Equal('L', CreditCode.CheckCharacter("91110000600037341"));
    }

    [Fact]
    public void CheckCharacter_WhenSumIsMultipleOf31_IsZero()
    {
        // 17 zeros: sum 0, 31 − 0 = 31 → '0'.
        Assert.Equal('0', CreditCode.CheckCharacter(new string('0', 17)));
        Assert.Equal(CreditCodeStatus.Valid, CreditCode.Check(new string('0', 18)));
    }
}
