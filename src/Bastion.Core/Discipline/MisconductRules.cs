using System.Security.Cryptography;
using System.Text;
using Bastion.Shared;

namespace Bastion.Discipline;

/// <summary>The rules of a misconduct report's life, pure. Each broken rule is named.</summary>
public static class MisconductRules
{
    public const int MaxAccount = 4000;
    public const int MaxText = 2000;
    public const int MaxName = 100;
    public const int MaxWhen = 100;
    public const int MaxReporter = 200;
    public const int MaxEvidence = 5;

    public static string CleanText(string? text) =>
        new((text ?? "").Trim().Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());

    public static void Accept(MisconductReport r, DisciplineRuleSet rules, DateOnly today)
    {
        if (r.Status != MisconductStatus.Received)
            throw new DomainRuleException("Discipline.OnlyReceivedReportCanBeAccepted", "Only a report waiting for a decision can be accepted or declined.");
        r.Status = MisconductStatus.UnderCheck;
        r.AcceptedOn = today;
        r.CheckDueOn = today.AddDays(rules.CheckDays);
        r.UpdatedOn = today;
    }

    public static void Decline(MisconductReport r, string reason, DateOnly today)
    {
        if (r.Status != MisconductStatus.Received)
            throw new DomainRuleException("Discipline.OnlyReceivedReportCanBeAccepted", "Only a report waiting for a decision can be accepted or declined.");
        if (reason.Length == 0) throw ValidationFailedException.For("Reason", "Give the reason for declining; the reporter reads it.");
        r.Status = MisconductStatus.Declined;
        r.PublicStatement = reason;
        r.ClosedOn = today;
        r.UpdatedOn = today;
    }

    public static void Dispose(MisconductReport r, MisconductDisposition disposition, DisciplineRuleSet rules, DateOnly today)
    {
        if (r.Status != MisconductStatus.UnderCheck)
            throw new DomainRuleException("Discipline.DispositionFollowsPreliminaryCheck", "A disposition is decided after the report was accepted and checked.");
        if (!Enum.IsDefined(disposition)) throw ValidationFailedException.For("Disposition", "Choose a disposition.");
        r.Status = MisconductStatus.Disposed;
        r.Disposition = disposition;
        r.DisposedOn = today;
        r.CloseDueOn = today.AddDays(rules.CloseDays);
        r.UpdatedOn = today;
    }

    public static void Close(MisconductReport r, MisconductOutcome outcome, string statement, DateOnly today)
    {
        if (r.Status != MisconductStatus.Disposed)
            throw new DomainRuleException("Discipline.ClosingFollowsDisposition", "A report is closed after its disposition was decided.");
        if (!Enum.IsDefined(outcome)) throw ValidationFailedException.For("Outcome", "Choose the outcome.");
        if (statement.Length == 0) throw ValidationFailedException.For("Statement", "Write the closing statement; the reporter reads it.");
        r.Status = MisconductStatus.Closed;
        r.Outcome = outcome;
        r.PublicStatement = statement;
        r.ClosedOn = today;
        r.UpdatedOn = today;
    }

    /// <summary>The reporter may add information while the report is open.</summary>
    public static void EnsureOpenForSupplement(MisconductReport r)
    {
        if (!r.IsOpen) throw new DomainRuleException("Discipline.ClosedReportTakesNoSupplement", "The report is closed; information can no longer be added.");
    }

    /// <summary>A name and contact masked for the handler's list: the first character, then stars.</summary>
    public static string MaskReporter(string text) => text.Length <= 1 ? "*" : text[..1] + new string('*', Math.Min(text.Length - 1, 8));
}

/// <summary>
/// The reporter's secret (查询密码): 16 characters from the tracking-code alphabet (about 78 bits), shown once.
/// Only its SHA-256 is stored; being random and long, it needs no slow hash.
/// </summary>
public static class ReporterSecret
{
    public const int Length = 16;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(secret))));

    public static bool Matches(string? typed, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(typed ?? "")), Encoding.ASCII.GetBytes(storedHash));

    public static string Display(string secret) => secret.Length == Length ? $"{secret[..4]}-{secret[4..8]}-{secret[8..12]}-{secret[12..]}" : secret;
}
