using Bastion.Members;

namespace Bastion.UnitTests.Members;

// Check characters in the test data were computed by hand (GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// r = Σ mod 11, check = "10X98765432"[r]), independently of the code under test.
public class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("440304199001010011", 1990, 1, 1)]
    [InlineData("110101200002290026", 2000, 2, 29)]
    [InlineData("310115198511201234", 1985, 11, 20)]
    [InlineData("320106197208150041", 1972, 8, 15)]
    [InlineData("510104198807045670", 1988, 7, 4)]
    [InlineData("33010219930301000X", 1993, 3, 1)]
    public void TryParse_WhenNumberIsValid_ReturnsIdWithBirthDate(string input, int year, int month, int day)
    {
        var id = ResidentId.TryParse(input, out var error);

        Assert.NotNull(id);
        Assert.Null(error);
        Assert.Equal(input, id.Value);
        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
    }

    [Fact]
    public void TryParse_WhenCheckCharacterIsLowercaseX_NormalizesToUppercase()
    {
        var id = ResidentId.TryParse("11010519491231002x", out var error);

        Assert.NotNull(id);
        Assert.Null(error);
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    public void TryParse_WhenSurroundedByWhitespace_Trims()
    {
        var id = ResidentId.TryParse("  440304199001010011\t", out _);

        Assert.NotNull(id);
        Assert.Equal("440304199001010011", id.Value);
    }

    [Theory]
    [InlineData("110105194912310012")] // correct check is 1
    [InlineData("110105194912310010")]
    [InlineData("110105194912310019")]
    [InlineData("11010519491231001X")]
    [InlineData("110105194912310021")] // correct check is X
    [InlineData("440304199001010012")] // correct check is 1
    public void TryParse_WhenCheckCharacterIsWrong_ReturnsNullWithReason(string input)
    {
        var id = ResidentId.TryParse(input, out var error);

        Assert.Null(id);
        Assert.NotNull(error);
        Assert.Contains("check character", error);
    }

    [Fact]
    public void TryParse_WhenAnySingleDigitIsChanged_Rejects()
    {
        const string valid = "11010519491231002X";
        for (var i = 0; i < 17; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (valid[i] == d) continue;
                var altered = valid[..i] + d + valid[(i + 1)..];
                Assert.True(ResidentId.TryParse(altered, out _) is null, $"accepted {altered}");
            }
        }
    }

    [Theory]
    [InlineData("110105199902300016")] // 1999-02-30
    [InlineData("110105199913010010")] // month 13
    [InlineData("110105199900010010")] // month 0
    [InlineData("110105199904310010")] // April 31
    [InlineData("110105190002290017")] // 1900 is not a leap year
    public void TryParse_WhenBirthDateIsNotARealDate_ReturnsNullWithReason(string input)
    {
        var id = ResidentId.TryParse(input, out var error);

        Assert.Null(id);
        Assert.NotNull(error);
        Assert.Contains("not a real date", error);
    }

    [Fact]
    public void TryParse_WhenBirthYearIsBefore1890_ReturnsNull()
    {
        var first17 = "11010518891231002";
        var input = first17 + ResidentId.CheckCharacter(first17);

        var id = ResidentId.TryParse(input, out var error);

        Assert.Null(id);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("110105491231002", "11010519491231002X", 1949, 12, 31)]
    [InlineData("130503670401001", "130503196704010016", 1967, 4, 1)]
    public void TryParse_WhenLegacy15Digits_UpgradesTo18WithCheckCharacter(string legacy, string upgraded, int year, int month, int day)
    {
        var id = ResidentId.TryParse(legacy, out var error);

        Assert.NotNull(id);
        Assert.Null(error);
        Assert.Equal(upgraded, id.Value);
        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
    }

    [Fact]
    public void TryParse_WhenLegacyGenderDigitIsOdd_IsMale()
    {
        var id = ResidentId.TryParse("130503670401001", out _);

        Assert.NotNull(id);
        Assert.Equal(Gender.Male, id.Gender);
    }

    [Theory]
    [InlineData("110105000229001")] // 1900-02-29 does not exist
    [InlineData("11010549123100X")] // legacy numbers have no check character
    [InlineData("1101054912310A2")]
    public void TryParse_WhenLegacyNumberIsInvalid_ReturnsNull(string legacy)
    {
        var id = ResidentId.TryParse(legacy, out var error);

        Assert.Null(id);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1101051949123100")]      // 16
    [InlineData("11010519491231002")]     // 17: check character missing
    [InlineData("11010519491231002X1")]   // 19
    [InlineData("11010519491231")]        // 14
    public void TryParse_WhenLengthIsWrong_ReturnsNullWithReason(string? input)
    {
        var id = ResidentId.TryParse(input, out var error);

        Assert.Null(id);
        Assert.NotNull(error);
        Assert.Contains("18", error);
    }

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("X10105194912310021")]
    [InlineData("11010519491231002Y")]
    [InlineData("110105-1949123100X")]
    [InlineData("１１０１０５１９４９１２３１００２X")] // full-width digits
    [InlineData("11010519491231002 ")] // padded to 18, trimmed to 17 -> wrong length
    public void TryParse_WhenCharactersAreNotDigits_ReturnsNull(string input)
    {
        var id = ResidentId.TryParse(input, out var error);

        Assert.Null(id);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("11010519491231002X", Gender.Female)] // 17th digit 2
    [InlineData("110105194912310011", Gender.Male)]   // 17th digit 1
    [InlineData("440304199001010011", Gender.Male)]
    [InlineData("320106197208150041", Gender.Female)] // 17th digit 4
    [InlineData("310115198511201234", Gender.Male)]   // 17th digit 3
    [InlineData("33010219930301000X", Gender.Female)] // 17th digit 0
    public void TryParse_WhenValid_TakesGenderFromSeventeenthDigit(string input, Gender expected)
    {
        var id = ResidentId.TryParse(input, out _);

        Assert.NotNull(id);
        Assert.Equal(expected, id.Gender);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44030419900101001", '1')]
    [InlineData("11010120000229002", '6')]
    [InlineData("33010219930301000", 'X')]
    [InlineData("51010419880704567", '0')]
    public void CheckCharacter_WhenGivenFirst17Digits_MatchesStandard(string first17, char expected)
    {
        Assert.Equal(expected, ResidentId.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("12345678", "********")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Mask_WhenGivenValue_KeepsFirstAndLastFourOnlyForLongValues(string value, string expected)
    {
        Assert.Equal(expected, ResidentId.Mask(value));
    }

    [Fact]
    public void Masked_WhenParsed_HidesBirthDateAndSequence()
    {
        var id = ResidentId.TryParse("440304199001010011", out _);

        Assert.NotNull(id);
        Assert.Equal("4403**********0011", id.Masked);
        Assert.DoesNotContain("19900101", id.Masked);
    }

    [Fact]
    public void Compose_WhenGivenKnownSample_ProducesStandardNumber()
    {
        Assert.Equal("11010519491231002X", ResidentId.Compose("110105", new DateOnly(1949, 12, 31), 2));
        Assert.Equal("440304199001010011", ResidentId.Compose("440304", new DateOnly(1990, 1, 1), 1));
    }

    [Fact]
    public void Compose_WhenParsedBack_RoundTripsDateAndGender()
    {
        var random = new Random(20250630);
        for (var i = 0; i < 2000; i++)
        {
            var area = random.Next(110000, 660000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var birth = new DateOnly(1900, 1, 1).AddDays(random.Next(0, 45000));
            var sequence = random.Next(0, 1000);

            var value = ResidentId.Compose(area, birth, sequence);
            var id = ResidentId.TryParse(value, out var error);

            Assert.True(id is not null, $"{value}: {error}");
            Assert.Equal(18, value.Length);
            Assert.Equal(value, id.Value);
            Assert.Equal(birth, id.BirthDate);
            Assert.Equal(sequence % 2 == 1 ? Gender.Male : Gender.Female, id.Gender);
        }
    }
}
