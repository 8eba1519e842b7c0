using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.MobileMembers;

/// <summary>
/// 流动党员: a member away from their home branch without transferring (out-flow, kept by the home branch), or a member
/// of another organization taking part in organizational life here (in-flow, kept by the host branch). JYGL §32.
/// </summary>
public class MobileRecord : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>Out-flow: the member's home branch. In-flow: the host branch that records the member.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public MobileDirection Direction { get; set; }
    /// <summary>The member's record when it exists in Bastion (always for out-flow; for in-flow when found).</summary>
    public long? MemberId { get; set; }
    /// <summary>The member's name as recorded: in-flow members may belong to a subtree the host cannot see.</summary>
    public required string PersonName { get; set; }
    /// <summary>Out-flow: where the member went (place, employer). In-flow: where the member came from (home organization, place).</summary>
    public required string Place { get; set; }
    /// <summary>Out-flow: the organization hosting the member's organizational life, anywhere in the tree, when known.</summary>
    public long? HostOrganizationId { get; set; }
    /// <summary>Out-flow: the host's name when it is not in Bastion.</summary>
    public string? HostName { get; set; }
    /// <summary>流动党员活动证 number.</summary>
    public string? ActivityCardNumber { get; set; }
    /// <summary>Whether the member works or lives at a fixed place there (固定工作/居住地): after 6 months they should transfer (JYGL §25).</summary>
    public bool FixedPlace { get; set; }
    /// <summary>Out-flow: left home; in-flow: arrived.</summary>
    public DateOnly LeftOn { get; set; }
    public DateOnly? ExpectedReturnOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public MobileStatus Status { get; set; } = MobileStatus.Active;
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum MobileDirection
{
    /// <summary>流出</summary>
    OutFlow = 1,
    /// <summary>流入</summary>
    InFlow = 2,
}

public enum MobileStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>One contact between the branch and a mobile member (联系流动党员).</summary>
public class MobileContact : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long MobileRecordId { get; set; }
    /// <summary>The record's organization.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public DateOnly ContactedOn { get; set; }
    public ContactChannel Channel { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum ContactChannel
{
    Phone = 1,
    Visit = 2,
    Online = 3,
    Letter = 4,
}

public sealed class MobileRecordConfiguration : IEntityTypeConfiguration<MobileRecord>
{
    public void Configure(EntityTypeBuilder<MobileRecord> builder)
    {
        builder.ToTable("MobileRecords");
        builder.Property(r => r.PersonName).HasMaxLength(100);
        builder.Property(r => r.Place).HasMaxLength(200);
        builder.Property(r => r.HostName).HasMaxLength(200);
        builder.Property(r => r.ActivityCardNumber).HasMaxLength(50);
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.OrganizationId, r.Direction, r.Status });
        builder.HasIndex(r => new { r.MemberId, r.Status });
        builder.HasIndex(r => r.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MobileContactConfiguration : IEntityTypeConfiguration<MobileContact>
{
    public void Configure(EntityTypeBuilder<MobileContact> builder)
    {
        builder.ToTable("MobileContacts");
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.MobileRecordId, c.ContactedOn });
        builder.HasIndex(c => c.OrganizationId);
        builder.HasIndex(c => c.RegionId);
        builder.HasOne<MobileRecord>().WithMany().HasForeignKey(c => c.MobileRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
