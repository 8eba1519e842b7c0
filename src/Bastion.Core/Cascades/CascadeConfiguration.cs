using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Cascades;

public sealed class CascadeConfiguration : IEntityTypeConfiguration<Cascade>
{
    public void Configure(EntityTypeBuilder<Cascade> builder)
    {
        builder.ToTable("Cascades");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.IssuerOrganizationId, c.Subject, c.CreatedAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.IssuerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CascadeTargetConfiguration : IEntityTypeConfiguration<CascadeTarget>
{
    public void Configure(EntityTypeBuilder<CascadeTarget> builder)
    {
        builder.ToTable("CascadeTargets");
        builder.Property(t => t.Instructions).HasMaxLength(4000);
        builder.Property(t => t.ReturnReason).HasMaxLength(1000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        // One row per organization and cascade; the roll-up reads (cascade, organization).
        builder.HasIndex(t => new { t.CascadeId, t.OrganizationId }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.State });
        builder.HasIndex(t => new { t.State, t.DueOn });
        builder.HasIndex(t => t.ParentTargetId);
        builder.HasOne<Cascade>().WithMany().HasForeignKey(t => t.CascadeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.AssignedByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CascadeTarget>().WithMany().HasForeignKey(t => t.ParentTargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CascadeTargetEventConfiguration : IEntityTypeConfiguration<CascadeTargetEvent>
{
    public void Configure(EntityTypeBuilder<CascadeTargetEvent> builder)
    {
        builder.ToTable("CascadeTargetEvents");
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.Number).HasPrecision(18, 2);
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
        builder.HasIndex(e => new { e.TargetId, e.CreatedAt });
        builder.HasOne<CascadeTarget>().WithMany().HasForeignKey(e => e.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
