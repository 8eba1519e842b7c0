using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Dues;

/// <summary>One month of party dues (党费) paid by one member. Several months paid at once are several rows.</summary>
public class DuesPayment : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    /// <summary>The member's organization when the payment was recorded: the branch that collected it.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    /// <summary>The month paid for, as its first day.</summary>
    public DateOnly Month { get; set; }
    /// <summary>Yuan paid for this month.</summary>
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    /// <summary>Who recorded the payment (the data scope's actor).</summary>
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

public sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> builder)
    {
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
        // A month is paid once: the use case says so politely, the index makes sure.
        builder.HasIndex(p => new { p.MemberId, p.Month }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.Month });
        builder.HasIndex(p => p.RegionId);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// A member's declared dues category and base (monthly pay after tax or pension), from which the monthly amount is
/// quoted. It follows the member across transfers, so it carries no organization: read it only through a member
/// the caller's scope holds.
/// </summary>
public class MemberDuesBase
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public DuesCategory Category { get; set; }
    /// <summary>Yuan a month; null for the flat categories.</summary>
    public decimal? Base { get; set; }
    public DateOnly DeclaredOn { get; set; }
}

public sealed class MemberDuesBaseConfiguration : IEntityTypeConfiguration<MemberDuesBase>
{
    public void Configure(EntityTypeBuilder<MemberDuesBase> builder)
    {
        builder.Property(b => b.Base).HasPrecision(12, 2);
        builder.HasIndex(b => new { b.MemberId, b.DeclaredOn });
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
