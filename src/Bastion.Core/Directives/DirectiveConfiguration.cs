using Bastion.Cascades;
using Bastion.Organizations;
using Bastion.Positions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Directives;

public sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.ToTable("Directives");
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Body).HasMaxLength(40000);
        builder.Property(d => d.SourceDocument).HasMaxLength(200);
        builder.Property(d => d.ReportRequirements).HasMaxLength(2000);
        builder.Property(d => d.NumberLabel).HasMaxLength(100);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.HasIndex(d => d.CascadeId).IsUnique();
        builder.HasIndex(d => new { d.IssuerOrganizationId, d.CreatedAt });
        builder.HasOne<Cascade>().WithMany().HasForeignKey(d => d.CascadeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.IssuerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupervisionRecordConfiguration : IEntityTypeConfiguration<SupervisionRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionRecord> builder)
    {
        builder.ToTable("SupervisionRecords");
        builder.Property(s => s.Supervisors).HasMaxLength(200);
        builder.Property(s => s.Findings).HasMaxLength(4000);
        builder.Property(s => s.FollowUp).HasMaxLength(4000);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.TargetId, s.CheckedOn });
        builder.HasIndex(s => new { s.DirectiveId, s.OrganizationId });
        builder.HasOne<Directive>().WithMany().HasForeignKey(s => s.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CascadeTarget>().WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AccountabilityActionConfiguration : IEntityTypeConfiguration<AccountabilityAction>
{
    public void Configure(EntityTypeBuilder<AccountabilityAction> builder)
    {
        builder.ToTable("AccountabilityActions");
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.Basis).HasMaxLength(2000);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.TargetId, a.DecidedOn });
        builder.HasIndex(a => new { a.DirectiveId, a.OrganizationId });
        builder.HasOne<Directive>().WithMany().HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CascadeTarget>().WithMany().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResponsibilityListConfiguration : IEntityTypeConfiguration<ResponsibilityList>
{
    public void Configure(EntityTypeBuilder<ResponsibilityList> builder)
    {
        builder.ToTable("ResponsibilityLists");
        builder.Property(r => r.MainDuties).HasMaxLength(4000);
        builder.Property(r => r.PartyBuildingDuties).HasMaxLength(4000);
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.PositionId, r.Year }).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.Year });
        builder.HasOne<Position>().WithMany().HasForeignKey(r => r.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
