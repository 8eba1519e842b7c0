using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Standardization;

/// <summary>A branch's standardization category (DOMAIN §9).</summary>
public enum StandardizationCategory
{
    /// <summary>后进（软弱涣散）: below the standard line, or identified as weak and lax.</summary>
    Weak = 1,
    /// <summary>规范</summary>
    Standard = 2,
    /// <summary>示范</summary>
    Model = 3,
}

public enum AssessmentStatus
{
    /// <summary>Automatic items computed, inspection under way; re-assessing the year replaces it.</summary>
    Draft = 1,
    /// <summary>Stored with its rule-set version: the branch's category for the year.</summary>
    Confirmed = 2,
    /// <summary>A confirmed assessment replaced by a newer confirmed one of the same year (kept in the history).</summary>
    Superseded = 3,
}

/// <summary>
/// One standardization assessment (标准化规范化考评) of one branch for one year: the checklist items as decided, the
/// totals and the resulting category. Automatic items are filled when the assessment starts; inspection items by an
/// upper-level inspector; confirming stores the category with the rule-set version.
/// </summary>
public class StandardizationAssessment : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public int Year { get; set; }
    public AssessmentStatus Status { get; set; } = AssessmentStatus.Draft;
    public required string RuleSetVersion { get; set; }
    /// <summary>The day the automatic items were decided on: the year's last day, or the start day while the year is open.</summary>
    public DateOnly AsOf { get; set; }
    /// <summary>Set on confirmation (null while a draft).</summary>
    public int? Total { get; set; }
    public StandardizationCategory? Category { get; set; }
    /// <summary>The total alone would have made the branch a model; an open high warning or identification kept it lower.</summary>
    public bool ModelBarred { get; set; }
    /// <summary>The branch is identified as weak and lax (软弱涣散) this year, as the inspector recorded on confirming.</summary>
    public bool IdentifiedWeak { get; set; }
    /// <summary>The highest-severity warnings on the branch in the newest strength assessment when the items were decided.</summary>
    public int HighWarnings { get; set; }
    public string? HighWarningsPeriod { get; set; }
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>Why this assessment supersedes an earlier confirmed one of the same year.</summary>
    public string? SupersedeReason { get; set; }
    public long? SupersededById { get; set; }
    public List<StandardizationItem> Items { get; set; } = [];
}

/// <summary>One checklist item of one assessment, as decided, with the figure it was decided on (automatic) or the inspector's note.</summary>
public class StandardizationItem
{
    public long Id { get; set; }
    public long AssessmentId { get; set; }
    public required string Code { get; set; }
    public required string Dimension { get; set; }
    public ItemMode Mode { get; set; }
    public int Points { get; set; }
    /// <summary>Null: not decided yet (an inspection item not filled).</summary>
    public bool? Met { get; set; }
    public int Awarded { get; set; }
    /// <summary>The measured figure (a share, days, people); null when the records gave none.</summary>
    public double? Measure { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Threshold { get; set; }
    /// <summary>Where the figure came from: "records" (the module's data) or "strength:2026" (the strength snapshot of that period).</summary>
    public string? FigureSource { get; set; }
    /// <summary>An automatic item's figure explained (English; the page shows the numbers), or the inspector's note.</summary>
    public string? Note { get; set; }
    public long? EvidenceId { get; set; }
    public string? InspectedBy { get; set; }
    public DateTime? InspectedAt { get; set; }
}

public sealed class StandardizationConfiguration : IEntityTypeConfiguration<StandardizationAssessment>, IEntityTypeConfiguration<StandardizationItem>
{
    public void Configure(EntityTypeBuilder<StandardizationAssessment> builder)
    {
        builder.ToTable("standardization_assessments");
        builder.Property(a => a.RuleSetVersion).HasMaxLength(80);
        builder.Property(a => a.StartedBy).HasMaxLength(200);
        builder.Property(a => a.ConfirmedBy).HasMaxLength(200);
        builder.Property(a => a.SupersedeReason).HasMaxLength(500);
        builder.Property(a => a.HighWarningsPeriod).HasMaxLength(10);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OrganizationId, a.Year, a.Status });
        builder.HasIndex(a => new { a.Status, a.OrganizationId });
    }

    public void Configure(EntityTypeBuilder<StandardizationItem> builder)
    {
        builder.ToTable("standardization_items");
        builder.Property(i => i.Code).HasMaxLength(60);
        builder.Property(i => i.Dimension).HasMaxLength(60);
        builder.Property(i => i.FigureSource).HasMaxLength(40);
        builder.Property(i => i.Note).HasMaxLength(1000);
        builder.Property(i => i.InspectedBy).HasMaxLength(200);
        builder.HasIndex(i => new { i.AssessmentId, i.Code }).IsUnique();
    }
}
