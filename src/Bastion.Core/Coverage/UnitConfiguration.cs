using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Coverage;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.CreditCode).HasMaxLength(18);
        builder.HasIndex(u => new { u.OrganizationId, u.Name });
        builder.HasIndex(u => u.RegionId);
        builder.HasIndex(u => u.CreditCode);
        builder.HasIndex(u => u.CoveringOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.CoveringOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
