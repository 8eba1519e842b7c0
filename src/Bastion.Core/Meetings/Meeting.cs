using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Meetings;

/// <summary>
/// A meeting (会议) of a branch, its committee or a party group: planned, then recorded as held (or cancelled).
/// Everything about organizational life is derived from these records; nobody types a tally.
/// </summary>
public class Meeting : Data.IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The organization that meets: the branch (for 支部党员大会, 支委会, 党课 …) or the group (党小组会).</summary>
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public MeetingKind Kind { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;
    public required string Topic { get; set; }
    /// <summary>Planned start (UTC).</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>Planned end (UTC).</summary>
    public DateTime EndsAt { get; set; }
    public string? Place { get; set; }
    public bool Online { get; set; }
    /// <summary>主讲人 for a 党课.</summary>
    public string? Lecturer { get; set; }
    /// <summary>The local date it was held on; set when recorded as held. Compliance counts these.</summary>
    public DateOnly? HeldOn { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>会议记录: what was discussed and decided, written by the secretary.</summary>
    public string? Minutes { get; set; }
    /// <summary>The short code members enter on a phone to check in (签到码); unique while it exists.</summary>
    public string? CheckInCode { get; set; }
    /// <summary>When the meeting was recorded as held; check-in closes then.</summary>
    public DateTime? RecordedAt { get; set; }
    /// <summary>Why a meeting was cancelled.</summary>
    public string? CancelReason { get; set; }
}

public enum MeetingKind
{
    /// <summary>支部党员大会</summary>
    BranchGeneralMeeting = 1,
    /// <summary>支委会</summary>
    BranchCommitteeMeeting = 2,
    /// <summary>党小组会</summary>
    GroupMeeting = 3,
    /// <summary>党课</summary>
    PartyLecture = 4,
    /// <summary>主题党日</summary>
    ThemePartyDay = 5,
    /// <summary>组织生活会</summary>
    OrganizationalLifeMeeting = 6,
    /// <summary>民主评议党员 session</summary>
    DemocraticAppraisal = 7,
    /// <summary>谈心谈话</summary>
    HeartToHeartTalk = 8,
    Other = 99,
}

public enum MeetingStatus
{
    Planned = 1,
    Held = 2,
    Cancelled = 3,
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Topic).HasMaxLength(200);
        builder.Property(m => m.Place).HasMaxLength(200);
        builder.Property(m => m.Lecturer).HasMaxLength(100);
        // Covers the compliance count (organization, kind, day, held or not) without touching the rows.
        builder.HasIndex(m => new { m.OrganizationId, m.Kind, m.HeldOn, m.Status });
        builder.HasIndex(m => new { m.RegionId, m.HeldOn });
        builder.HasIndex(m => m.StartsAt);
        builder.Property(m => m.Minutes).HasMaxLength(MeetingRules.MaxMinutesLength);
        builder.Property(m => m.CheckInCode).HasMaxLength(12);
        builder.Property(m => m.CancelReason).HasMaxLength(200);
        builder.HasIndex(m => m.CheckInCode).IsUnique();
        // Times are UTC; SQLite forgets the kind, so it is restored on reading (the API then writes them with "Z").
        builder.Property(m => m.StartsAt).HasConversion(MeetingTimes.Utc);
        builder.Property(m => m.EndsAt).HasConversion(MeetingTimes.Utc);
        builder.Property(m => m.RecordedAt).HasConversion(MeetingTimes.NullableUtc);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Value converters that mark times read back from the database as UTC.</summary>
internal static class MeetingTimes
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime> Utc =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?> NullableUtc =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
