using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Rectification;

public sealed class RectificationCaseConfiguration : IEntityTypeConfiguration<RectificationCase>
{
    public void Configure(EntityTypeBuilder<RectificationCase> builder)
    {
        builder.ToTable("RectificationCases");
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.Situations);
        builder.Property(c => c.Reason).HasMaxLength(RectificationRules.MaxText);
        builder.Property(c => c.WarningCodes).HasMaxLength(400);
        builder.Property(c => c.IdentifiedBy).HasMaxLength(200);
        builder.Property(c => c.PlanText).HasMaxLength(RectificationRules.MaxText);
        builder.Property(c => c.LeaderName).HasMaxLength(RectificationRules.MaxName);
        builder.Property(c => c.LeaderPost).HasMaxLength(RectificationRules.MaxName);
        builder.Property(c => c.FirstSecretary).HasMaxLength(RectificationRules.MaxName);
        builder.Property(c => c.WorkTeam).HasMaxLength(RectificationRules.MaxShort);
        builder.Property(c => c.PairedUnit).HasMaxLength(RectificationRules.MaxShort);
        builder.Property(c => c.ClosingEvidence).HasMaxLength(RectificationRules.MaxText);
        builder.HasIndex(c => new { c.OrganizationId, c.State });
        builder.HasIndex(c => new { c.State, c.Year });
        builder.HasIndex(c => c.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RectificationStepConfiguration : IEntityTypeConfiguration<RectificationStep>
{
    public void Configure(EntityTypeBuilder<RectificationStep> builder)
    {
        builder.ToTable("RectificationSteps");
        builder.Property(s => s.Text).HasMaxLength(RectificationRules.MaxShort);
        builder.Property(s => s.CompletionNote).HasMaxLength(RectificationRules.MaxShort);
        builder.HasIndex(s => new { s.CaseId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.CompletedOn, s.DueOn });
        builder.HasOne<RectificationCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RectificationNoteConfiguration : IEntityTypeConfiguration<RectificationNote>
{
    public void Configure(EntityTypeBuilder<RectificationNote> builder)
    {
        builder.ToTable("RectificationNotes");
        builder.Property(n => n.Text).HasMaxLength(RectificationRules.MaxText);
        builder.Property(n => n.RecordedBy).HasMaxLength(200);
        builder.HasIndex(n => new { n.CaseId, n.On });
        builder.HasOne<RectificationCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RectificationCheckConfiguration : IEntityTypeConfiguration<RectificationCheck>
{
    public void Configure(EntityTypeBuilder<RectificationCheck> builder)
    {
        builder.ToTable("RectificationChecks");
        builder.Property(c => c.Body).HasMaxLength(RectificationRules.MaxShort);
        builder.Property(c => c.Opinion).HasMaxLength(RectificationRules.MaxText);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.CaseId, c.CheckedOn });
        builder.HasOne<RectificationCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RectificationEventConfiguration : IEntityTypeConfiguration<RectificationEvent>
{
    public void Configure(EntityTypeBuilder<RectificationEvent> builder)
    {
        builder.ToTable("RectificationEvents");
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(RectificationRules.MaxText);
        builder.HasIndex(e => new { e.CaseId, e.Id });
        builder.HasOne<RectificationCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
