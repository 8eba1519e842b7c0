using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Transfers;

/// <summary>
/// 组织关系转接: one transfer letter (介绍信) for one member. Both the sending and the receiving organization see it, so it
/// is deliberately not <see cref="Data.IOrganizationOwned"/>: <see cref="TransferQueries.Visible"/> filters it instead.
/// The member stays on the sender's roster until the receiver accepts (JYGL §25) — never "nowhere".
/// </summary>
public class Transfer
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public TransferKind Kind { get; set; }

    /// <summary>The sending branch; null for a letter coming in from outside the system.</summary>
    public long? FromOrganizationId { get; set; }
    /// <summary>The receiving branch; null for a letter going out of the system.</summary>
    public long? ToOrganizationId { get; set; }
    /// <summary>The organization outside the system the letter goes to or comes from, as written on the letter.</summary>
    public string? ExternalParty { get; set; }

    /// <summary>The region of the organization in the system that owns the letter (the sender's, or the receiver's for incoming letters).</summary>
    public long RegionId { get; set; }

    public TransferStatus Status { get; set; } = TransferStatus.Issued;
    /// <summary>介绍信编号</summary>
    public string? LetterNumber { get; set; }
    public string? Reason { get; set; }
    public string? ReturnReason { get; set; }

    public DateOnly IssuedOn { get; set; }
    /// <summary>The last day the letter is valid (有效期): a per-letter field, <see cref="TransferRules.MinValidityDays"/>–<see cref="TransferRules.MaxValidityDays"/> days.</summary>
    public DateOnly ValidUntil { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    /// <summary>回执: the day the return slip of a letter going out of the system came back.</summary>
    public DateOnly? ReturnSlipReceivedOn { get; set; }

    public required string IssuedBy { get; set; }
    /// <summary>Who accepted, returned, cancelled or recorded the return slip.</summary>
    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Bumped on every step, so that two people acting at once cannot both succeed.</summary>
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => TransferRules.IsOverdue(Status, ValidUntil, today);

    /// <summary>接收: only an open letter within its validity, by the receiving side, inside the system.</summary>
    public void Accept(bool callerIsReceiver, DateOnly today, string actor, DateTime now)
    {
        TransferRules.EnsureOpen(Status);
        if (Kind != TransferKind.Internal) throw new DomainRuleException(TransferRules.InternalOnly, "Only a transfer inside the system is accepted here.");
        TransferRules.EnsureReceiver(callerIsReceiver);
        if (ValidUntil < today) throw new DomainRuleException(TransferRules.Expired, "The letter's validity period has passed; the sender cancels it and issues a new one.");
        Close(TransferStatus.Accepted, actor, now);
        AcceptedOn = today;
    }

    /// <summary>退回: the receiver sends the letter back, with a reason; the member stays with the sender.</summary>
    public void Return(bool callerIsReceiver, string reason, string actor, DateTime now)
    {
        TransferRules.EnsureOpen(Status);
        if (Kind != TransferKind.Internal) throw new DomainRuleException(TransferRules.InternalOnly, "Only a transfer inside the system is returned here.");
        TransferRules.EnsureReceiver(callerIsReceiver);
        Close(TransferStatus.Returned, actor, now);
        ReturnReason = reason;
    }

    /// <summary>撤销: the sender withdraws a letter nobody has acted on.</summary>
    public void Cancel(bool callerIsSender, string actor, DateTime now)
    {
        TransferRules.EnsureOpen(Status);
        TransferRules.EnsureSender(callerIsSender);
        Close(TransferStatus.Cancelled, actor, now);
    }

    /// <summary>回执: the return slip of a letter out of the system came back; the transfer is complete.</summary>
    public void RecordReturnSlip(bool callerIsSender, DateOnly receivedOn, string actor, DateTime now)
    {
        TransferRules.EnsureOpen(Status);
        if (Kind != TransferKind.OutOfSystem) throw new DomainRuleException(TransferRules.OutOfSystemOnly, "A return slip is recorded only for a letter going out of the system.");
        TransferRules.EnsureSender(callerIsSender);
        Close(TransferStatus.Completed, actor, now);
        ReturnSlipReceivedOn = receivedOn;
    }

    private void Close(TransferStatus status, string actor, DateTime now)
    {
        Status = status;
        ClosedBy = actor;
        ClosedAt = now;
        Version++;
    }
}

public enum TransferKind
{
    /// <summary>系统内转接</summary>
    Internal = 1,
    /// <summary>转出系统外</summary>
    OutOfSystem = 2,
    /// <summary>从系统外转入</summary>
    IntoSystem = 3,
}

public enum TransferStatus
{
    /// <summary>已开具, waiting for the receiver (or the return slip).</summary>
    Issued = 1,
    Accepted = 2,
    /// <summary>退回</summary>
    Returned = 3,
    Cancelled = 4,
    /// <summary>A letter out of or into the system, finished.</summary>
    Completed = 5,
}

public sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.Property(t => t.ExternalParty).HasMaxLength(TransferRules.ExternalPartyMaxLength);
        builder.Property(t => t.LetterNumber).HasMaxLength(TransferRules.LetterNumberMaxLength);
        builder.Property(t => t.Reason).HasMaxLength(TransferRules.ReasonMaxLength);
        builder.Property(t => t.ReturnReason).HasMaxLength(TransferRules.ReasonMaxLength);
        builder.Property(t => t.IssuedBy).HasMaxLength(200);
        builder.Property(t => t.ClosedBy).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        // One open letter per member: the use case says so politely, the index makes sure.
        builder.HasIndex(t => t.MemberId).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_Transfers_MemberId_Open");
        builder.HasIndex(t => new { t.FromOrganizationId, t.Status });
        builder.HasIndex(t => new { t.ToOrganizationId, t.Status });
        builder.HasIndex(t => t.RegionId);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.FromOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
