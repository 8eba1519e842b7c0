using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Appraisals;

/// <summary>
/// One year's democratic appraisal of members (民主评议党员, JYGL §18) in a branch: self-assessment → peer assessment →
/// grades decided by the branch. Open while in progress; closed once every full member has a grade.
/// </summary>
public class AppraisalRound : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The branch (党支部 or 联合党支部).</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public int Year { get; set; }
    public AppraisalStatus Status { get; set; } = AppraisalStatus.Open;
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The rule-set version whose grading limit applied.</summary>
    public required string RuleSetVersion { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One member taking part in a round, with the category they had when it opened.</summary>
public class AppraisalEntry : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    /// <summary>The round's branch, so the data scope applies.</summary>
    public long OrganizationId { get; set; }
    public long MemberId { get; set; }
    /// <summary>正式党员 are graded; 预备党员 take part but get no grade.</summary>
    public MemberCategory Category { get; set; }
    /// <summary>个人自评</summary>
    public string? SelfAssessment { get; set; }
    public DateTime? SelfAssessedAt { get; set; }
    public AppraisalGrade? Grade { get; set; }
    public DateOnly? GradedOn { get; set; }
}

/// <summary>A peer assessment (党员互评 / 民主测评): one participant's proposed grade for one full member.</summary>
public class AppraisalVote : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long OrganizationId { get; set; }
    /// <summary>The entry of the member being assessed.</summary>
    public long EntryId { get; set; }
    public long VoterMemberId { get; set; }
    public AppraisalGrade Grade { get; set; }
    public DateTime CastAt { get; set; }
}

public enum AppraisalStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>评定等次</summary>
public enum AppraisalGrade
{
    /// <summary>优秀</summary>
    Excellent = 1,
    /// <summary>合格</summary>
    Qualified = 2,
    /// <summary>基本合格</summary>
    BasicallyQualified = 3,
    /// <summary>不合格</summary>
    Unqualified = 4,
}

public sealed class AppraisalConfiguration :
    IEntityTypeConfiguration<AppraisalRound>, IEntityTypeConfiguration<AppraisalEntry>, IEntityTypeConfiguration<AppraisalVote>
{
    public const int MaxSelfAssessmentLength = 4000;

    public void Configure(EntityTypeBuilder<AppraisalRound> builder)
    {
        builder.ToTable("AppraisalRounds");
        builder.Property(r => r.RuleSetVersion).HasMaxLength(100);
        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        builder.HasIndex(r => r.RegionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AppraisalEntry> builder)
    {
        builder.ToTable("AppraisalEntries");
        builder.Property(e => e.SelfAssessment).HasMaxLength(MaxSelfAssessmentLength);
        builder.HasIndex(e => new { e.RoundId, e.MemberId }).IsUnique();
        builder.HasIndex(e => e.MemberId);
        builder.HasOne<AppraisalRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AppraisalVote> builder)
    {
        builder.ToTable("AppraisalVotes");
        builder.HasIndex(v => new { v.EntryId, v.VoterMemberId }).IsUnique();
        builder.HasIndex(v => v.RoundId);
        builder.HasOne<AppraisalEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.VoterMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
