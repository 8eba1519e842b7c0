using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>One person who should attend (应到会) a meeting, or who was left out of it with a reason.</summary>
public sealed record AudienceMember(long MemberId, string Name, MemberCategory Category, bool HasVotingRights, ExclusionReason? ExcludedFor)
{
    public bool ShouldAttend => ExcludedFor is null;
}

/// <summary>Where a meeting sits: its organization, that organization's branch, kind and region.</summary>
public sealed record MeetingHost(long OrganizationId, long BranchId, long RegionId, OrganizationKind Kind, string Name);

/// <summary>
/// Who should attend (应到会), computed from the roster at the meeting date: full and probationary members of the
/// branch, of the group for a 党小组会, or the committee (current position holders) for a 支委会; members with an
/// exclusion covering the date are listed with its reason and do not count.
/// </summary>
public static class MeetingAudience
{
    /// <summary>The local calendar date of a UTC instant.</summary>
    public static DateOnly LocalDate(DateTime utc, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), time.LocalTimeZone));

    /// <summary>The organization in scope and its branch; 404 when missing or out of scope.</summary>
    public static async Task<MeetingHost> HostAsync(BastionDb db, long organizationId, CancellationToken ct)
    {
        var org = await db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Kind, o.ParentId, o.RegionId, o.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        var branchId = org.Kind == OrganizationKind.Group ? org.ParentId ?? org.Id : org.Id;
        return new MeetingHost(org.Id, branchId, org.RegionId, org.Kind, org.Name);
    }

    /// <summary>The branch roster at a date: active members admitted by then.</summary>
    public static IQueryable<Member> BranchRoster(BastionDb db, long branchId, DateOnly on) =>
        db.Members.Where(m => m.OrganizationId == branchId && m.Status == MemberStatus.Active && m.JoinedOn <= on);

    /// <summary>The members a meeting of this kind is for, at the date, before exclusions.</summary>
    public static IQueryable<Member> Base(BastionDb db, MeetingKind kind, MeetingHost host, DateOnly on)
    {
        var roster = BranchRoster(db, host.BranchId, on);
        return kind switch
        {
            MeetingKind.GroupMeeting => roster.Where(m => db.Set<PartyGroupMember>().Any(g =>
                g.MemberId == m.Id && g.OrganizationId == host.OrganizationId && g.JoinedOn <= on && (g.LeftOn == null || g.LeftOn > on))),
            MeetingKind.BranchCommitteeMeeting => roster.Where(m => db.Set<Position>().Any(p =>
                p.MemberId == m.Id && p.OrganizationId == host.BranchId && p.Role != PositionRole.GroupLeader
                && p.StartedOn <= on && (p.EndedOn == null || p.EndedOn >= on))),
            _ => roster,
        };
    }

    /// <summary>Everyone the meeting is for, with voting rights and any exclusion: one query.</summary>
    public static async Task<IReadOnlyList<AudienceMember>> ListAsync(BastionDb db, MeetingKind kind, MeetingHost host, DateOnly on, CancellationToken ct)
    {
        var rows = await Base(db, kind, host, on)
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Name, m.Category, m.FullOn,
                Excluded = db.Set<AttendanceExclusion>()
                    .Where(e => e.MemberId == m.Id && e.FromDate <= on && (e.ToDate == null || e.ToDate >= on))
                    .OrderBy(e => e.Id).Select(e => (ExclusionReason?)e.Reason).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new AudienceMember(r.Id, r.Name, r.Category, VoteRules.HasVotingRights(r.Category, r.FullOn, on), r.Excluded)).ToList();
    }

    public static async Task<IReadOnlyList<AudienceMember>> ForMeetingAsync(BastionDb db, Meeting meeting, CancellationToken ct)
    {
        var host = await HostAsync(db, meeting.OrganizationId, ct);
        return await ListAsync(db, meeting.Kind, host, LocalDate(meeting.StartsAt, db.Time), ct);
    }
}
