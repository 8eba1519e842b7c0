using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Development;

/// <summary>
/// A person on the way to membership (发展对象（广义）: applicant → activist → development target → probationary
/// member), kept by their branch. Not a member until the upper committee approves admission (⑰); then
/// <see cref="MemberId"/> points at the member record on the branch roster.
/// </summary>
public class Candidate : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The branch (党支部) that develops the candidate.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    /// <summary>公民身份号码, AES-GCM ciphertext.</summary>
    public required byte[] ResidentIdCipher { get; set; }
    /// <summary>Keyed hash of the normalized resident ID, for exact lookup.</summary>
    public required string ResidentIdHash { get; set; }
    public required string ResidentIdMasked { get; set; }
    /// <summary>职业 / 工作岗位.</summary>
    public string? Occupation { get; set; }
    /// <summary>The date of ① (递交入党申请书).</summary>
    public DateOnly AppliedOn { get; set; }
    /// <summary>The last step recorded (1–25).</summary>
    public int CurrentStep { get; set; }
    /// <summary>The stage (1–5) of <see cref="CurrentStep"/>, kept for counting per stage.</summary>
    public int Stage { get; set; }
    public CandidateStatus Status { get; set; } = CandidateStatus.Active;
    /// <summary>The date of the last step or event recorded; a new one may not be earlier.</summary>
    public DateOnly LastDate { get; set; }
    /// <summary>The step that is due next with a time limit, and by when (null when nothing is time-bound).</summary>
    public int? DueStep { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>Months the probation was extended (once, 6–12 months); null when not extended.</summary>
    public int? ProbationExtendedMonths { get; set; }
    /// <summary>The member record created on admission (⑰).</summary>
    public long? MemberId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum CandidateStatus
{
    /// <summary>In the pipeline, not yet admitted.</summary>
    Active = 1,
    /// <summary>Admitted as a probationary member (预备党员), probation running.</summary>
    Admitted = 2,
    /// <summary>Converted to full membership (转正).</summary>
    Converted = 3,
    /// <summary>Development stopped by the party organization, or probationary membership cancelled (取消预备党员资格).</summary>
    Cancelled = 4,
    /// <summary>The applicant withdrew.</summary>
    Withdrawn = 5,
}

public enum DevelopmentEventKind
{
    /// <summary>One of the 25 steps.</summary>
    Step = 1,
    /// <summary>延长预备期.</summary>
    ProbationExtended = 2,
    /// <summary>Development stopped or probationary membership cancelled.</summary>
    Cancelled = 3,
    /// <summary>The applicant withdrew.</summary>
    Withdrawn = 4,
}

/// <summary>One recorded step (or event) of a candidate's file, with the rule-set version in force on its date.</summary>
public class DevelopmentStep : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long CandidateId { get; set; }
    /// <summary>The candidate's branch (for the data scope).</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    /// <summary>1–25; for other events the step the candidate was at.</summary>
    public int Number { get; set; }
    public DevelopmentEventKind Kind { get; set; } = DevelopmentEventKind.Step;
    public DateOnly Date { get; set; }
    /// <summary>The decision or notes (e.g. 审查意见).</summary>
    public string? Notes { get; set; }
    /// <summary>Done after its time limit (a late talk is allowed but flagged).</summary>
    public bool Late { get; set; }
    /// <summary>⑪: hours and days of training.</summary>
    public int? TrainingHours { get; set; }
    public int? TrainingDays { get; set; }
    /// <summary>⑦: the public notice (公示) period.</summary>
    public DateOnly? NoticeFrom { get; set; }
    public DateOnly? NoticeTo { get; set; }
    /// <summary>⑰: approval time extended to at most 6 months, with the reason in <see cref="Notes"/>.</summary>
    public bool ApprovalExtended { get; set; }
    /// <summary>延长预备期: months.</summary>
    public int? ExtensionMonths { get; set; }
    /// <summary>⑮ and ㉓: the branch general meeting's resolution.</summary>
    public long? MeetingResolutionId { get; set; }
    public required string RuleSetVersion { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>The part a person plays in a step.</summary>
public enum StepPersonRole
{
    /// <summary>谈话人 (② and ⑯).</summary>
    Talker = 1,
    /// <summary>培养联系人 (⑤).</summary>
    CultivationContact = 2,
    /// <summary>入党介绍人 (⑨).</summary>
    Introducer = 3,
    /// <summary>审批人 / 经办人.</summary>
    Approver = 4,
}

/// <summary>A person named in a step: a member (by id) or someone outside the roster by name.</summary>
public class StepPerson : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long StepId { get; set; }
    public long CandidateId { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public StepPersonRole Role { get; set; }
    public long? MemberId { get; set; }
    public required string Name { get; set; }
}

/// <summary>A member recorded as the candidate's relative (亲属); relatives may not introduce the candidate.</summary>
public class CandidateRelative : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long CandidateId { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public long MemberId { get; set; }
    /// <summary>e.g. 父亲, 配偶.</summary>
    public required string Relation { get; set; }
}

/// <summary>The yearly intake plan (发展党员计划) of an organization: how many new members it plans to admit in a year.</summary>
public class DevelopmentPlan : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public int Year { get; set; }
    public int Target { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class DevelopmentConfiguration :
    IEntityTypeConfiguration<Candidate>, IEntityTypeConfiguration<DevelopmentStep>, IEntityTypeConfiguration<StepPerson>,
    IEntityTypeConfiguration<CandidateRelative>, IEntityTypeConfiguration<DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.ToTable("Candidates");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.ResidentIdHash).HasMaxLength(64);
        builder.Property(c => c.ResidentIdMasked).HasMaxLength(18);
        builder.Property(c => c.Occupation).HasMaxLength(100);
        builder.HasIndex(c => c.ResidentIdHash);
        // The board and the subtree view: per branch, by status and stage; late ones by due date.
        builder.HasIndex(c => new { c.OrganizationId, c.Status, c.Stage });
        builder.HasIndex(c => new { c.RegionId, c.DueOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DevelopmentStep> builder)
    {
        builder.ToTable("DevelopmentSteps");
        builder.Property(s => s.Notes).HasMaxLength(DevelopmentRules.NotesMaxLength);
        builder.Property(s => s.RuleSetVersion).HasMaxLength(60);
        builder.Property(s => s.RecordedBy).HasMaxLength(200);
        builder.Property(s => s.RecordedAt).HasConversion(
            v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.HasIndex(s => new { s.CandidateId, s.Number });
        // Intake per year and the dormant-branch signal read steps by organization, number and date.
        builder.HasIndex(s => new { s.OrganizationId, s.Number, s.Date });
        builder.HasOne<Candidate>().WithMany().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeetingResolution>().WithMany().HasForeignKey(s => s.MeetingResolutionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<StepPerson> builder)
    {
        builder.ToTable("DevelopmentStepPeople");
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.StepId);
        builder.HasIndex(p => p.CandidateId);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<DevelopmentStep>().WithMany().HasForeignKey(p => p.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CandidateRelative> builder)
    {
        builder.ToTable("CandidateRelatives");
        builder.Property(r => r.Relation).HasMaxLength(20);
        builder.HasIndex(r => new { r.CandidateId, r.MemberId }).IsUnique();
        builder.HasIndex(r => r.OrganizationId);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DevelopmentPlan> builder)
    {
        builder.ToTable("DevelopmentPlans");
        builder.HasIndex(p => new { p.OrganizationId, p.Year }).IsUnique();
        builder.Property(p => p.UpdatedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
