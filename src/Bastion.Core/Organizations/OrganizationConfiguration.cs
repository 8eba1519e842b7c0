using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Organizations;

/// <summary>Maps the organization attributes (unit type, tags, division code, term); BastionDb maps the tree columns.</summary>
public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.DivisionCode).HasMaxLength(6);
        builder.HasIndex(o => o.DivisionCode);
    }
}
