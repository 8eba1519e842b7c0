using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Meetings;

/// <summary>One person's attendance at a meeting (出席情况).</summary>
public class MeetingAttendance : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    /// <summary>The meeting's organization (for the data scope).</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public long MemberId { get; set; }
    public AttendanceStatus Status { get; set; }
    /// <summary>Why the member was absent (请假事由); required for <see cref="AttendanceStatus.Excused"/>.</summary>
    public string? Reason { get; set; }
    /// <summary>When the member checked in or arrived (UTC), if known.</summary>
    public DateTime? CheckedInAt { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum AttendanceStatus
{
    /// <summary>出席</summary>
    Present = 1,
    /// <summary>请假: absent with leave and a reason.</summary>
    Excused = 2,
    /// <summary>缺席</summary>
    Absent = 3,
}

/// <summary>A resolution (决议) put to a vote, with the counts and the outcome computed under <see cref="VoteRules"/>.</summary>
public class MeetingResolution : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public required string Title { get; set; }
    public VoteKind Kind { get; set; }
    /// <summary>应到会 with voting rights when the vote was taken.</summary>
    public int ShouldAttend { get; set; }
    /// <summary>Members with voting rights present.</summary>
    public int Present { get; set; }
    public int Yes { get; set; }
    public int No { get; set; }
    public int Abstain { get; set; }
    public bool QuorumHeld { get; set; }
    public bool Passed { get; set; }
    /// <summary>The vote rule set version that decided it, so the outcome can be reproduced.</summary>
    public required string RuleSetVersion { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A member excluded from those who should attend (应到会) for a period, recorded by the secretary with a reason
/// the rules allow (DOMAIN §1, XJ): seriously ill, abroad more than 6 months, under 留党察看, detained, away long-term.
/// </summary>
public class AttendanceExclusion : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The member's branch.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public long MemberId { get; set; }
    public ExclusionReason Reason { get; set; }
    public string? Note { get; set; }
    public DateOnly FromDate { get; set; }
    /// <summary>Last day excluded; open while null.</summary>
    public DateOnly? ToDate { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The reasons that allow leaving a member out of 应到会 (XJ).</summary>
public enum ExclusionReason
{
    /// <summary>身患重病</summary>
    SeriouslyIll = 1,
    /// <summary>出国出境半年以上</summary>
    AbroadOverSixMonths = 2,
    /// <summary>受留党察看处分</summary>
    UnderProbationWatch = 3,
    /// <summary>被依法限制人身自由</summary>
    Detained = 4,
    /// <summary>长期外出</summary>
    AwayLongTerm = 5,
}

/// <summary>A member's place in a party group (党小组) of their branch, for a period; the group's roster at a date.</summary>
public class PartyGroupMember : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The group.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public long MemberId { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A secret calendar subscription (iCalendar feed) for an organization or a member; revocable.</summary>
public class CalendarFeed : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The organization whose meetings the feed shows, or the member's branch for a member feed.</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    /// <summary>Set for a member's own feed.</summary>
    public long? MemberId { get; set; }
    public long UserId { get; set; }
    /// <summary>SHA-256 of the secret; the secret itself is shown once.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The first characters of the secret, to tell feeds apart.</summary>
    public required string Hint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public sealed class MeetingRecordsConfiguration :
    IEntityTypeConfiguration<MeetingAttendance>, IEntityTypeConfiguration<MeetingResolution>,
    IEntityTypeConfiguration<AttendanceExclusion>, IEntityTypeConfiguration<PartyGroupMember>, IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.ToTable("MeetingAttendances");
        builder.Property(a => a.Reason).HasMaxLength(200);
        builder.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();
        builder.Property(a => a.CheckedInAt).HasConversion(MeetingTimes.NullableUtc);
        builder.HasIndex(a => new { a.MemberId, a.MeetingId });
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MeetingResolution> builder)
    {
        builder.ToTable("MeetingResolutions");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.RuleSetVersion).HasMaxLength(60);
        builder.HasIndex(r => r.MeetingId);
        builder.HasIndex(r => r.OrganizationId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AttendanceExclusion> builder)
    {
        builder.ToTable("AttendanceExclusions");
        builder.Property(e => e.Note).HasMaxLength(200);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
        builder.HasIndex(e => new { e.OrganizationId, e.FromDate });
        builder.HasIndex(e => e.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PartyGroupMember> builder)
    {
        builder.ToTable("PartyGroupMembers");
        builder.HasIndex(g => new { g.OrganizationId, g.JoinedOn });
        builder.HasIndex(g => new { g.MemberId, g.JoinedOn });
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.Property(f => f.Hint).HasMaxLength(16);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.UserId);
        builder.HasIndex(f => f.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
