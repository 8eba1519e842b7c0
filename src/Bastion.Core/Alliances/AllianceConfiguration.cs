using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Alliances;

public sealed class AllianceConfiguration : IEntityTypeConfiguration<Alliance>
{
    public void Configure(EntityTypeBuilder<Alliance> builder)
    {
        builder.ToTable("Alliances");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.AgreementSummary).HasMaxLength(2000);
        builder.HasIndex(a => a.RegionId);
        builder.HasIndex(a => a.LeadOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> builder)
    {
        builder.ToTable("AllianceMembers");
        builder.Property(m => m.Role).HasMaxLength(100);
        builder.HasIndex(m => new { m.AllianceId, m.OrganizationId }).IsUnique();
        builder.HasIndex(m => m.OrganizationId);
        builder.HasOne<Alliance>().WithMany().HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AllianceActivityConfiguration : IEntityTypeConfiguration<AllianceActivity>
{
    public void Configure(EntityTypeBuilder<AllianceActivity> builder)
    {
        builder.ToTable("AllianceActivities");
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.HasIndex(a => new { a.AllianceId, a.HeldOn });
        builder.HasOne<Alliance>().WithMany().HasForeignKey(a => a.AllianceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizingOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
