using System.Security.Cryptography;

namespace Bastion.Requests;

/// <summary>
/// Public tracking codes: 10 random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), about 49 bits,
/// shown in groups as "K7QM-X4TR-9B". Typing is forgiving: case, spaces and dashes are ignored.
/// </summary>
public static class TrackingCode
{
    public const int Length = 10;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>The stored form of what someone typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var chars = typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray();
        return chars.Length == Length && chars.All(c => Alphabet.Contains(c)) ? new string(chars) : null;
    }

    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
