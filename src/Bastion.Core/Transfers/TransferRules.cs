using Bastion.Shared;

namespace Bastion.Transfers;

/// <summary>The pure rules of a transfer letter (DOMAIN §6, JYGL §25): validity period, who may act, which state allows what.</summary>
public static class TransferRules
{
    /// <summary>Local rules differ between 10 days and 6 months; the letter carries its own period.</summary>
    public const int MinValidityDays = 10;
    public const int MaxValidityDays = 180;
    public const int DefaultValidityDays = 30;
    public const int ReasonMaxLength = 500;
    public const int LetterNumberMaxLength = 50;
    public const int ExternalPartyMaxLength = 200;

    public const string NotOpen = "Transfer.NotOpen";
    public const string ReceiverOnly = "Transfer.ReceiverOnly";
    public const string SenderOnly = "Transfer.SenderOnly";
    public const string AlreadyOpen = "Transfer.AlreadyOpen";
    public const string SameBranch = "Transfer.SameBranch";
    public const string MemberNotActive = "Transfer.MemberNotActive";
    public const string Expired = "Transfer.Expired";
    public const string MemberMoved = "Transfer.MemberMoved";
    public const string InternalOnly = "Transfer.InternalOnly";
    public const string OutOfSystemOnly = "Transfer.OutOfSystemOnly";

    /// <summary>The validity period in days, or the field's error message.</summary>
    public static int CheckValidityDays(int? days, out string? error)
    {
        var value = days ?? DefaultValidityDays;
        error = value is < MinValidityDays or > MaxValidityDays
            ? $"The letter is valid for {MinValidityDays} to {MaxValidityDays} days."
            : null;
        return value;
    }

    /// <summary>The last valid day: a letter issued today for 30 days is valid through today + 30.</summary>
    public static DateOnly ValidUntil(DateOnly issuedOn, int validityDays) => issuedOn.AddDays(validityDays);

    /// <summary>Overdue: still waiting after the last valid day. Shown on both sides.</summary>
    public static bool IsOverdue(TransferStatus status, DateOnly validUntil, DateOnly today) =>
        status == TransferStatus.Issued && validUntil < today;

    public static void EnsureOpen(TransferStatus status)
    {
        if (status != TransferStatus.Issued)
            throw new DomainRuleException(NotOpen, "The transfer has already been accepted, returned, cancelled or completed.");
    }

    public static void EnsureReceiver(bool callerIsReceiver)
    {
        if (!callerIsReceiver)
            throw new DomainRuleException(ReceiverOnly, "Only the receiving organization (or an organization above it) may accept or return a transfer.");
    }

    public static void EnsureSender(bool callerIsSender)
    {
        if (!callerIsSender)
            throw new DomainRuleException(SenderOnly, "Only the sending organization (or an organization above it) may do this.");
    }

    /// <summary>A transfer goes to another branch; moving a member within the same branch is no transfer.</summary>
    public static void EnsureDifferentBranch(long fromOrganizationId, long toOrganizationId)
    {
        if (fromOrganizationId == toOrganizationId)
            throw new DomainRuleException(SameBranch, "The member already belongs to this branch.");
    }

    /// <summary>Trimmed text, or null when blank; adds an error when too long.</summary>
    public static string? Text(string? value, int maxLength, string field, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > maxLength) errors[field] = [$"At most {maxLength} characters."];
        return text;
    }
}
