using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Attachments;

/// <summary>
/// An uploaded file (minutes, evidence, photos) belonging to one record of a module (<see cref="OwnerType"/> +
/// <see cref="OwnerId"/>). The bytes live under the data directory; the row carries what was checked about them.
/// </summary>
public class Attachment : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    /// <summary>The owning record's kind, e.g. "Meeting", "ServiceRequest".</summary>
    public required string OwnerType { get; set; }
    public long OwnerId { get; set; }
    /// <summary>The name the uploader gave, cleaned of any path.</summary>
    public required string FileName { get; set; }
    /// <summary>The type found in the content (never the one the client claimed).</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>Where the bytes are, relative to the uploads directory.</summary>
    public required string StorageKey { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.OwnerType).HasMaxLength(40);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StorageKey).HasMaxLength(100);
        builder.Property(a => a.UploadedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.OwnerType, a.OwnerId });
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
