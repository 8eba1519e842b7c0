using Bastion.Compliance;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Strength;

/// <summary>
/// One assessment (测评) of every organization for one period: the stored snapshot that pages and the API read.
/// Re-running a period replaces its snapshot; the figures depend only on the records and the period, not on the day it ran.
/// </summary>
public class AssessmentRun
{
    public long Id { get; set; }
    /// <summary>"2026Q3", "2026-07" or "2026" (see <see cref="Period"/>).</summary>
    public required string Period { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>The day the figures are taken on: the period's last day, or the run's day while the period is open.</summary>
    public DateOnly AsOf { get; set; }
    public required string RuleSetVersion { get; set; }
    public int Organizations { get; set; }
    public int Warnings { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public required string StartedBy { get; set; }
}

/// <summary>
/// One organization's scores in one assessment. Scores are rolled up its subtree (member-weighted, see
/// <see cref="StrengthCalculator"/>); null means no indicator of that dimension had data.
/// </summary>
public class OrganizationScore : Data.IOrganizationOwned
{
    public long RunId { get; set; }
    public long OrganizationId { get; set; }
    public long? ParentId { get; set; }
    public required string Path { get; set; }
    public int Depth { get; set; }
    public OrganizationKind Kind { get; set; }
    public UnitType? UnitType { get; set; }
    /// <summary>Active members directly in the organization (its weight in its parents' scores is at least 1).</summary>
    public int Members { get; set; }
    public int SubtreeMembers { get; set; }
    public double? Political { get; set; }
    public double? Development { get; set; }
    public double? Cohesion { get; set; }
    public double? Renewal { get; set; }
    public double? Total { get; set; }
    /// <summary>Rank by total among the siblings that have one (1 = strongest; ties share a rank).</summary>
    public int? SiblingRank { get; set; }
    public int Siblings { get; set; }
    /// <summary>Rank among every organization of the same kind in the same kind of unit (village branches with village branches).</summary>
    public int? KindRank { get; set; }
    public int KindSize { get; set; }
    /// <summary>The total in the previous assessment of the same period kind, when there is one.</summary>
    public double? PreviousTotal { get; set; }
    /// <summary>Warnings raised on this organization itself.</summary>
    public int Warnings { get; set; }
    /// <summary>Warnings raised anywhere in its subtree.</summary>
    public int SubtreeWarnings { get; set; }
    public int HighWarnings { get; set; }

    public double? Score(string dimension) => dimension switch
    {
        "political" => Political,
        "development" => Development,
        "cohesion" => Cohesion,
        "renewal" => Renewal,
        _ => null,
    };
}

/// <summary>
/// One indicator of one organization in one assessment: the raw figures of its own records and of its subtree, and the
/// subtree's score. Stored only where the subtree has data (a denominator above 0).
/// </summary>
public class IndicatorValue : Data.IOrganizationOwned
{
    public long RunId { get; set; }
    public long OrganizationId { get; set; }
    public required string Code { get; set; }
    public double OwnNumerator { get; set; }
    public double OwnDenominator { get; set; }
    public double Numerator { get; set; }
    public double Denominator { get; set; }
    /// <summary>The organization's own score (null when its own records give no data).</summary>
    public double? OwnScore { get; set; }
    /// <summary>The member-weighted score of its subtree.</summary>
    public double Score { get; set; }
}

/// <summary>A warning (预警) raised on one organization by one rule in one assessment.</summary>
public class StrengthWarning : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long OrganizationId { get; set; }
    public required string Code { get; set; }
    public WarningSeverity Severity { get; set; }
    public WeakSituation Situation { get; set; }
    /// <summary>The measured figure the rule compared with its threshold (days, months, a rate or a count).</summary>
    public double Measure { get; set; }
    public double Threshold { get; set; }
    /// <summary>Since when the situation holds, where the rule knows (the last activity, the vacancy's start…).</summary>
    public DateOnly? Since { get; set; }
    public DateOnly RaisedOn { get; set; }
}

public sealed class AssessmentConfiguration :
    IEntityTypeConfiguration<AssessmentRun>, IEntityTypeConfiguration<OrganizationScore>,
    IEntityTypeConfiguration<IndicatorValue>, IEntityTypeConfiguration<StrengthWarning>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> builder)
    {
        builder.ToTable("assessment_runs");
        builder.Property(r => r.Period).HasMaxLength(10);
        builder.Property(r => r.RuleSetVersion).HasMaxLength(80);
        builder.Property(r => r.StartedBy).HasMaxLength(100);
        builder.HasIndex(r => r.Period).IsUnique();
    }

    public void Configure(EntityTypeBuilder<OrganizationScore> builder)
    {
        builder.ToTable("organization_scores");
        builder.HasKey(s => new { s.RunId, s.OrganizationId });
        builder.Property(s => s.Path).HasMaxLength(400);
        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RunId, s.ParentId });
        builder.HasIndex(s => new { s.OrganizationId, s.RunId });
    }

    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.HasKey(v => new { v.RunId, v.OrganizationId, v.Code });
        builder.Property(v => v.Code).HasMaxLength(60);
        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(v => v.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StrengthWarning> builder)
    {
        builder.ToTable("strength_warnings");
        builder.Property(w => w.Code).HasMaxLength(60);
        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(w => w.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.RunId, w.OrganizationId });
        builder.HasIndex(w => new { w.OrganizationId, w.RunId });
    }
}
