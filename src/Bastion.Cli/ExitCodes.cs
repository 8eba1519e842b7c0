namespace Bastion.Cli;

/// <summary>Exit codes that scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Expected failures: bad arguments or settings, invalid input, a broken rule, something not found.</summary>
    public const int Failed = 1;

    /// <summary><c>audit verify</c> found an edited, deleted or inserted event.</summary>
    public const int AuditChainBroken = 2;

    /// <summary>A bug or an unforeseen environment problem; the stack trace is printed.</summary>
    public const int Unexpected = 70;

    public const int Cancelled = 130;
}

/// <summary>An expected failure of a verb; the message is printed without a stack trace.</summary>
public sealed class CliFailureException(string message) : Exception(message);
