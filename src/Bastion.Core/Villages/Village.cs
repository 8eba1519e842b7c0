using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Villages;

/// <summary>
/// A cadre sent to a village (驻村第一书记 or a member of the village work team 驻村工作队) for a period, recorded on
/// the village's party organization. Current while <see cref="EndedOn"/> is null.
/// </summary>
public class VillageAssignment : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public VillageRole Role { get; set; }
    public required string PersonName { get; set; }
    /// <summary>派出单位: the unit that sent the cadre.</summary>
    public required string SentBy { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum VillageRole
{
    /// <summary>驻村第一书记</summary>
    FirstSecretary = 1,
    /// <summary>驻村工作队队长</summary>
    WorkTeamLeader = 2,
    /// <summary>驻村工作队员</summary>
    WorkTeamMember = 3,
}

/// <summary>One year's village indicators (村级指标) of a village organization: the collective economy first.</summary>
public class VillageIndicator : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public int Year { get; set; }
    /// <summary>村集体经济收入, yuan for the year; 0 is a village without collective income (空壳村).</summary>
    public decimal CollectiveIncome { get; set; }
    /// <summary>Of which operating income (经营性收入), yuan; null when not reported.</summary>
    public decimal? OperatingIncome { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class VillageConfiguration : IEntityTypeConfiguration<VillageAssignment>, IEntityTypeConfiguration<VillageIndicator>
{
    public void Configure(EntityTypeBuilder<VillageAssignment> builder)
    {
        builder.ToTable("VillageAssignments");
        builder.Property(a => a.PersonName).HasMaxLength(100);
        builder.Property(a => a.SentBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.OrganizationId, a.EndedOn });
        builder.HasIndex(a => a.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<VillageIndicator> builder)
    {
        builder.ToTable("VillageIndicators");
        builder.Property(i => i.CollectiveIncome).HasPrecision(14, 2);
        builder.Property(i => i.OperatingIncome).HasPrecision(14, 2);
        builder.Property(i => i.Note).HasMaxLength(500);
        builder.HasIndex(i => new { i.OrganizationId, i.Year }).IsUnique();
        builder.HasIndex(i => new { i.RegionId, i.Year });
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
