using Bastion.Data;
using Bastion.Members;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Grids;

/// <summary>A household (住户) in a grid, with the member who keeps contact with it (联系群众).</summary>
public class Household : IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The grid's organization.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public long GridId { get; set; }
    public required string Address { get; set; }
    public int PeopleCount { get; set; }
    /// <summary>The member assigned to keep contact; null until assigned.</summary>
    public long? KeeperMemberId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A visit or call by a member to a household, with what was raised (联系群众记录).</summary>
public class HouseholdContact : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long HouseholdId { get; set; }
    public long MemberId { get; set; }
    public DateOnly ContactedOn { get; set; }
    public HouseholdContactKind Kind { get; set; }
    public string? Notes { get; set; }
    /// <summary>The request made from what was raised, when one was.</summary>
    public long? RaisedRequestId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum HouseholdContactKind
{
    /// <summary>走访</summary>
    Visit = 1,
    /// <summary>电话</summary>
    Call = 2,
}

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.HasIndex(h => new { h.GridId, h.Address }).IsUnique();
        builder.HasIndex(h => h.OrganizationId);
        builder.HasIndex(h => h.KeeperMemberId);
        builder.HasOne<Grid>().WithMany().HasForeignKey(h => h.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(h => h.KeeperMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HouseholdContactConfiguration : IEntityTypeConfiguration<HouseholdContact>
{
    public void Configure(EntityTypeBuilder<HouseholdContact> builder)
    {
        builder.ToTable("HouseholdContacts");
        builder.Property(c => c.Notes).HasMaxLength(ServiceRequestRules.MaxText);
        builder.HasIndex(c => new { c.HouseholdId, c.ContactedOn });
        builder.HasIndex(c => new { c.OrganizationId, c.ContactedOn });
        builder.HasIndex(c => c.MemberId);
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(c => c.RaisedRequestId).OnDelete(DeleteBehavior.SetNull);
    }
}
