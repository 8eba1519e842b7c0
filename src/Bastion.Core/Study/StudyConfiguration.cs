using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Study;

public sealed class StudyMaterialConfiguration : IEntityTypeConfiguration<StudyMaterial>
{
    public void Configure(EntityTypeBuilder<StudyMaterial> builder)
    {
        builder.ToTable("StudyMaterials");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.PublisherPath).HasMaxLength(400);
        builder.Property(m => m.Body).HasMaxLength(100000);
        builder.Property(m => m.Url).HasMaxLength(1000);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.HasIndex(m => new { m.PublisherPath, m.CreatedAt });
        builder.HasIndex(m => m.CampaignId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudyCampaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(m => m.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StudyCampaignConfiguration : IEntityTypeConfiguration<StudyCampaign>
{
    public void Configure(EntityTypeBuilder<StudyCampaign> builder)
    {
        builder.ToTable("StudyCampaigns");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.PublisherPath).HasMaxLength(400);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.PublisherPath, c.StartsOn });
        builder.HasIndex(c => c.CascadeId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cascade>().WithMany().HasForeignKey(c => c.CascadeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StudyRecordConfiguration : IEntityTypeConfiguration<StudyRecord>
{
    public void Configure(EntityTypeBuilder<StudyRecord> builder)
    {
        builder.ToTable("StudyRecords");
        builder.HasIndex(r => new { r.MemberId, r.Year });
        builder.HasIndex(r => new { r.MaterialId, r.MemberId });
        builder.HasIndex(r => new { r.OrganizationId, r.Year });
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudyMaterial>().WithMany().HasForeignKey(r => r.MaterialId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("TrainingSessions");
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Location).HasMaxLength(200);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganizationId, s.HeldOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StudyCampaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("TrainingAttendances");
        builder.HasIndex(a => new { a.SessionId, a.MemberId }).IsUnique();
        builder.HasIndex(a => new { a.MemberId, a.Year });
        builder.HasIndex(a => new { a.OrganizationId, a.Year });
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
