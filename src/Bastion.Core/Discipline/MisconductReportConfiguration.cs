using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Discipline;

public sealed class MisconductReportConfiguration : IEntityTypeConfiguration<MisconductReport>
{
    public void Configure(EntityTypeBuilder<MisconductReport> builder)
    {
        builder.ToTable("MisconductReports");
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.CurrentDueOn);
        builder.Property(r => r.TrackingCode).HasMaxLength(Requests.TrackingCode.Length);
        builder.Property(r => r.SecretHash).HasMaxLength(64);
        builder.Property(r => r.ConcernedPersonName).HasMaxLength(MisconductRules.MaxName);
        builder.Property(r => r.Account).HasMaxLength(MisconductRules.MaxAccount);
        builder.Property(r => r.HappenedWhen).HasMaxLength(MisconductRules.MaxWhen);
        builder.Property(r => r.ReporterMasked).HasMaxLength(20);
        builder.Property(r => r.PublicStatement).HasMaxLength(MisconductRules.MaxText);
        builder.Property(r => r.RuleSetVersion).HasMaxLength(60);
        builder.HasIndex(r => r.TrackingCode).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.Status });
        builder.HasIndex(r => new { r.ConcernedOrganizationId, r.Status });
        builder.HasIndex(r => new { r.Status, r.ClosedOn });
        builder.HasIndex(r => r.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.ConcernedOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ConcernedMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MisconductReportEventConfiguration : IEntityTypeConfiguration<MisconductReportEvent>
{
    public void Configure(EntityTypeBuilder<MisconductReportEvent> builder)
    {
        builder.ToTable("MisconductReportEvents");
        builder.Property(e => e.HandlerName).HasMaxLength(100);
        builder.Property(e => e.Text).HasMaxLength(MisconductRules.MaxAccount);
        builder.HasIndex(e => new { e.ReportId, e.On });
        builder.HasOne<MisconductReport>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
