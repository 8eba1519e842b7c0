using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Volunteering;

/// <summary>
/// A service activity published by an organization (志愿服务) or a pioneer post (党员先锋岗), responsibility area
/// (党员责任区) or service area (党员服务区) shift, with a date, place and capacity. Members of the publishing
/// organization's subtree sign up; the organizer records attendance and hours.
/// </summary>
public class ServiceActivity : IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public ServiceActivityKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    public int Capacity { get; set; }
    public bool Cancelled { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A member's sign-up for an activity; owned by the member's organization. Attendance and hours are set by the organizer.</summary>
public class ServiceSignUp : IOrganizationOwned
{
    public long Id { get; set; }
    public long ActivityId { get; set; }
    public long MemberId { get; set; }
    /// <summary>The member's organization at sign-up.</summary>
    public long OrganizationId { get; set; }
    public DateTime SignedUpAt { get; set; }
    /// <summary>Null until the organizer records attendance.</summary>
    public bool? Attended { get; set; }
    /// <summary>Service hours credited (服务时长), 0 when absent.</summary>
    public double Hours { get; set; }
    /// <summary>The activity's date, copied so hours per year group without a join.</summary>
    public DateOnly HeldOn { get; set; }
}

public enum ServiceActivityKind
{
    /// <summary>志愿服务</summary>
    Volunteer = 1,
    /// <summary>党员先锋岗</summary>
    PioneerPost = 2,
    /// <summary>党员责任区</summary>
    ResponsibilityArea = 3,
    /// <summary>党员服务区</summary>
    ServiceArea = 4,
}

public static class VolunteeringRules
{
    public const int MaxTitle = 100;
    public const int MaxPlace = 200;
    public const int MaxText = 2000;
    public const int MaxCapacity = 1000;
    public const double MaxHours = 24;
}

public sealed class ServiceActivityConfiguration : IEntityTypeConfiguration<ServiceActivity>
{
    public void Configure(EntityTypeBuilder<ServiceActivity> builder)
    {
        builder.ToTable("ServiceActivities");
        builder.Property(a => a.Title).HasMaxLength(VolunteeringRules.MaxTitle);
        builder.Property(a => a.Place).HasMaxLength(VolunteeringRules.MaxPlace);
        builder.Property(a => a.Description).HasMaxLength(VolunteeringRules.MaxText);
        builder.HasIndex(a => new { a.OrganizationId, a.HeldOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ServiceSignUpConfiguration : IEntityTypeConfiguration<ServiceSignUp>
{
    public void Configure(EntityTypeBuilder<ServiceSignUp> builder)
    {
        builder.ToTable("ServiceSignUps");
        builder.HasIndex(s => new { s.ActivityId, s.MemberId }).IsUnique();
        builder.HasIndex(s => new { s.MemberId, s.HeldOn });
        builder.HasIndex(s => new { s.OrganizationId, s.HeldOn });
        builder.HasOne<ServiceActivity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
