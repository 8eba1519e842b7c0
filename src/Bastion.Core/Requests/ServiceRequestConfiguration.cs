using Bastion.Grids;
using Bastion.Identity;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Requests;

public sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ToTable("ServiceRequests");
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.TrackingCode).HasMaxLength(TrackingCode.Length);
        builder.Property(r => r.CategoryCode).HasMaxLength(40);
        builder.Property(r => r.Description).HasMaxLength(ServiceRequestRules.MaxDescription);
        builder.Property(r => r.AddressText).HasMaxLength(ServiceRequestRules.MaxAddress);
        builder.Property(r => r.ContactMasked).HasMaxLength(100);
        builder.Property(r => r.PendingHandoverReason).HasMaxLength(ServiceRequestRules.MaxText);
        builder.Property(r => r.RuleSetVersion).HasMaxLength(60);
        builder.Property(r => r.PublicAnswer).HasMaxLength(ServiceRequestRules.MaxText);
        builder.Property(r => r.RatingComment).HasMaxLength(ServiceRequestRules.MaxComment);
        builder.HasIndex(r => r.TrackingCode).IsUnique();
        // The queues: open requests of an organization by deadline, escalated ones, an owner's requests.
        builder.HasIndex(r => new { r.OrganizationId, r.Status, r.ResolutionDueAt });
        builder.HasIndex(r => new { r.EscalatedToOrganizationId, r.Status });
        builder.HasIndex(r => new { r.OwnerUserId, r.Status });
        builder.HasIndex(r => r.PendingHandoverToUserId);
        builder.HasIndex(r => new { r.Status, r.ResolutionDueAt });
        builder.HasIndex(r => new { r.RegionId, r.ReceivedAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.EscalatedToOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Grid>().WithMany().HasForeignKey(r => r.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BastionUser>().WithMany().HasForeignKey(r => r.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BastionUser>().WithMany().HasForeignKey(r => r.PendingHandoverToUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.AgentMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("RequestEvents");
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Text).HasMaxLength(ServiceRequestRules.MaxDescription);
        builder.HasIndex(e => new { e.RequestId, e.At });
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgencyStepConfiguration : IEntityTypeConfiguration<AgencyStep>
{
    public void Configure(EntityTypeBuilder<AgencyStep> builder)
    {
        builder.ToTable("AgencySteps");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Note).HasMaxLength(ServiceRequestRules.MaxText);
        builder.HasIndex(s => new { s.RequestId, s.Sequence }).IsUnique();
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
