using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Grids;

/// <summary>A grid (网格) of grid management (网格化管理): a part of a community or village, under its organization.</summary>
public class Grid : IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The community or village organization the grid belongs to: requests in the grid go to its queue.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public required string Name { get; set; }
    /// <summary>A short code, unique in the whole tree, e.g. "XH-03".</summary>
    public required string Code { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

public sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.ToTable("Grids");
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.Property(g => g.Code).HasMaxLength(40);
        builder.HasIndex(g => g.Code).IsUnique();
        builder.HasIndex(g => g.OrganizationId);
        builder.HasIndex(g => g.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
