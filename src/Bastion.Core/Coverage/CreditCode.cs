namespace Bastion.Coverage;

public enum CreditCodeStatus
{
    Valid = 1,
    /// <summary>Well-formed but the check character disagrees: early codes exist like this, so warn, don't reject (DOMAIN §10).</summary>
    Invalid = 2,
    /// <summary>Not 18 characters from the GB 32100 alphabet: not a credit code at all.</summary>
    Malformed = 3,
}

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public static class CreditCode
{
    /// <summary>The 31 characters; a character's value is its index (I, O, S, V, Z are not used).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Trims and upper-cases; null for blank input.</summary>
    public static string? Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    public static CreditCodeStatus Check(string? code)
    {
        var c = Normalize(code);
        if (c is null || c.Length != 18) return CreditCodeStatus.Malformed;
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var value = Alphabet.IndexOf(c[i], StringComparison.Ordinal);
            if (value < 0) return CreditCodeStatus.Malformed;
            if (i < 17) sum += value * Weights[i];
        }
        return c[17] == CheckCharacter(sum) ? CreditCodeStatus.Valid : CreditCodeStatus.Invalid;
    }

    /// <summary>The check character for the first 17 characters (which must be from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17) throw new ArgumentException("17 characters are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]), StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            sum += value * Weights[i];
        }
        return CheckCharacter(sum);
    }

    private static char CheckCharacter(int weightedSum)
    {
        var check = 31 - weightedSum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
