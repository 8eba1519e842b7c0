using System.Globalization;

namespace Bastion.Members;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area code, birth date YYYYMMDD, 3-digit sequence
/// (odd = male), check character. Legacy 15-digit numbers are upgraded to 18.
/// </summary>
public sealed record ResidentId(string Value, DateOnly BirthDate, Gender Gender)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public string Masked => Mask(Value);

    public static string Mask(string value) =>
        value.Length <= 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Parses and validates; returns null with a reason when the number is not valid.</summary>
    public static ResidentId? TryParse(string? input, out string? error)
    {
        error = null;
        var s = (input ?? "").Trim().ToUpperInvariant();
        if (s.Length == 15)
        {
            if (!s.All(char.IsAsciiDigit)) { error = "A 15-digit resident ID number may contain digits only."; return null; }
            var first17 = s[..6] + "19" + s[6..];
            s = first17 + CheckCharacter(first17);
        }
        if (s.Length != 18) { error = "A resident ID number has 18 characters (or 15 for the legacy form)."; return null; }
        if (!s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            error = "A resident ID number is 17 digits followed by a digit or X."; return null;
        }
        if (!DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error = $"The birth date {s.Substring(6, 8)} in the resident ID number is not a real date."; return null;
        }
        if (birth.Year < 1890) { error = "The birth date in the resident ID number is implausibly early."; return null; }
        if (CheckCharacter(s) != s[17]) { error = "The check character of the resident ID number is wrong."; return null; }
        var gender = (s[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return new ResidentId(s, birth, gender);
    }

    /// <summary>Builds a valid number from its parts (used by the data generator).</summary>
    public static string Compose(string areaCode, DateOnly birth, int sequence)
    {
        var first17 = areaCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }
}
