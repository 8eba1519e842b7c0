using Bastion.Identity;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.SecretaryReviews;

/// <summary>
/// One year's secretaries' review (书记抓基层党建工作述职评议考核) run by a party committee: the secretaries of the
/// organizations directly under it report (述职), the committee's reviewers rate each of them (评议), and the result is
/// computed and stored when the round closes (考核).
/// </summary>
public class SecretaryReviewRound : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The organizing committee (党委, e.g. a county or township committee).</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public int Year { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Open;
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The rule-set version whose grade rule computed the results.</summary>
    public required string RuleSetVersion { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A user named by the organizing committee to rate the secretaries of a round (a committee member).</summary>
public class SecretaryReviewer : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    /// <summary>The round's organizing committee, so the data scope applies to the list.</summary>
    public long OrganizationId { get; set; }
    public long UserId { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// One reviewed organization in a round: its secretary's report (述职报告), the strength index and warnings frozen when
/// the report was submitted, and the result stored when the round closed.
/// </summary>
public class SecretaryReport : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    /// <summary>The reviewed organization (directly under the organizing committee).</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    /// <summary>The secretary when the round opened, then the secretary who submitted the report.</summary>
    public long? SecretaryMemberId { get; set; }
    public string? Text { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? RevisedAt { get; set; }

    // The strength index as the reviewers saw it: copied at submission, never re-read.
    /// <summary>True once the index was looked up at submission (even when there was no assessment).</summary>
    public bool IndexAttached { get; set; }
    /// <summary>The assessment period the copy came from ("2026", or the newest run of the year); null: no assessment.</summary>
    public string? IndexPeriod { get; set; }
    public DateOnly? IndexAsOf { get; set; }
    public string? IndexRuleSetVersion { get; set; }
    public double? Total { get; set; }
    public double? Political { get; set; }
    public double? Development { get; set; }
    public double? Cohesion { get; set; }
    public double? Renewal { get; set; }
    public int? SiblingRank { get; set; }
    public int? Siblings { get; set; }
    /// <summary>Warnings anywhere in the organization's subtree at that time (its own are copied as rows).</summary>
    public int? SubtreeWarnings { get; set; }

    // The result, stored when the round closes.
    public ReviewOutcome? Outcome { get; set; }
    public ReviewGrade? Grade { get; set; }
    /// <summary>The average of the rating points (0–100, 2 decimals).</summary>
    public double? Score { get; set; }
    public int Ratings { get; set; }
    public int Good { get; set; }
    public int FairlyGood { get; set; }
    public int Average { get; set; }
    public int Poor { get; set; }
}

/// <summary>A warning (预警) on the organization when the report was submitted: a frozen copy with its rule's name.</summary>
public class SecretaryReportWarning : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public long OrganizationId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public WarningSeverity Severity { get; set; }
    public WeakSituation Situation { get; set; }
    public double Measure { get; set; }
    public double Threshold { get; set; }
    public DateOnly? Since { get; set; }
}

/// <summary>One reviewer's rating (评议) of one secretary; changeable until the round closes.</summary>
public class SecretaryRating : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long ReportId { get; set; }
    /// <summary>The reviewed organization.</summary>
    public long OrganizationId { get; set; }
    public long ReviewerUserId { get; set; }
    public ReviewGrade Grade { get; set; }
    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }
}

public enum ReviewStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>评议等次</summary>
public enum ReviewGrade
{
    /// <summary>好</summary>
    Good = 1,
    /// <summary>较好</summary>
    FairlyGood = 2,
    /// <summary>一般</summary>
    Average = 3,
    /// <summary>差</summary>
    Poor = 4,
}

public enum ReviewOutcome
{
    /// <summary>Reported and rated: <see cref="SecretaryReport.Grade"/> holds the result.</summary>
    Graded = 1,
    /// <summary>未述职: no report by the time the round closed, so no grade.</summary>
    NotReported = 2,
}

public sealed class SecretaryReviewConfiguration :
    IEntityTypeConfiguration<SecretaryReviewRound>, IEntityTypeConfiguration<SecretaryReviewer>, IEntityTypeConfiguration<SecretaryReport>,
    IEntityTypeConfiguration<SecretaryReportWarning>, IEntityTypeConfiguration<SecretaryRating>
{
    public const int MaxReportLength = 20000;
    public const int MaxCommentLength = 1000;

    public void Configure(EntityTypeBuilder<SecretaryReviewRound> builder)
    {
        builder.ToTable("SecretaryReviewRounds");
        builder.Property(r => r.RuleSetVersion).HasMaxLength(100);
        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        builder.HasIndex(r => r.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SecretaryReviewer> builder)
    {
        builder.ToTable("SecretaryReviewers");
        builder.HasIndex(r => new { r.RoundId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasOne<SecretaryReviewRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BastionUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SecretaryReport> builder)
    {
        builder.ToTable("SecretaryReports");
        builder.Property(r => r.Text).HasMaxLength(MaxReportLength);
        builder.Property(r => r.IndexPeriod).HasMaxLength(10);
        builder.Property(r => r.IndexRuleSetVersion).HasMaxLength(80);
        builder.HasIndex(r => new { r.RoundId, r.OrganizationId }).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.RoundId });
        builder.HasIndex(r => r.SecretaryMemberId);
        builder.HasOne<SecretaryReviewRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.SecretaryMemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SecretaryReportWarning> builder)
    {
        builder.ToTable("SecretaryReportWarnings");
        builder.Property(w => w.Code).HasMaxLength(60);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.NameEn).HasMaxLength(200);
        builder.HasIndex(w => w.ReportId);
        builder.HasOne<SecretaryReport>().WithMany().HasForeignKey(w => w.ReportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SecretaryRating> builder)
    {
        builder.ToTable("SecretaryRatings");
        builder.Property(r => r.Comment).HasMaxLength(MaxCommentLength);
        builder.HasIndex(r => new { r.ReportId, r.ReviewerUserId }).IsUnique();
        builder.HasIndex(r => new { r.RoundId, r.ReviewerUserId });
        builder.HasOne<SecretaryReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BastionUser>().WithMany().HasForeignKey(r => r.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
