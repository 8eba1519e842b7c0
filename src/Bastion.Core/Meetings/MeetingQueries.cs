using Bastion.Attachments;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

public sealed record LedgerRow(long Id, long OrganizationId, string OrganizationName, MeetingKind Kind, MeetingStatus Status, string Topic,
    DateTime StartsAt, DateTime EndsAt, string? Place, bool Online, string? Lecturer, DateOnly? HeldOn,
    int Present, int Excused, int Absent, int Resolutions);

/// <summary>Held meetings of one kind in one month (1–12) of the ledger's year.</summary>
public sealed record LedgerCount(MeetingKind Kind, int Month, int Held);

/// <summary>会议台账: the meetings of an organization (and its subtree) in a year, with counts per kind and month.</summary>
public sealed record MeetingLedger(long OrganizationId, string OrganizationName, int Year, IReadOnlyList<LedgerRow> Meetings, IReadOnlyList<LedgerCount> Counts, bool Truncated);

public sealed record AttendanceView(long MemberId, string Name, AttendanceStatus Status, string? Reason, DateTime? CheckedInAt);

public sealed record ResolutionView(long Id, string Title, VoteKind Kind, int ShouldAttend, int Present, int Yes, int No, int Abstain,
    bool QuorumHeld, bool Passed, string QuorumRule, string MajorityRule, string RuleSetVersion);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Length, DateTime UploadedAt);

public sealed record MeetingDetail(long Id, long OrganizationId, string OrganizationName, long BranchId, MeetingKind Kind, MeetingStatus Status,
    string Topic, DateTime StartsAt, DateTime EndsAt, string? Place, bool Online, string? Lecturer, DateOnly? HeldOn, string? Minutes,
    string? CheckInCode, bool CheckInOpen, string? CancelReason, DateTime? RecordedAt,
    IReadOnlyList<AudienceMember> Audience, IReadOnlyList<AttendanceView> Attendance, IReadOnlyList<ResolutionView> Resolutions,
    IReadOnlyList<AttachmentView> Attachments)
{
    /// <summary>应到会: the audience less exclusions.</summary>
    public int ShouldAttend => Audience.Count(a => a.ShouldAttend);
    public int Present => Attendance.Count(a => a.Status == AttendanceStatus.Present);
}

/// <summary>A meeting on a member's own list.</summary>
public sealed record MyMeeting(long Id, string OrganizationName, MeetingKind Kind, MeetingStatus Status, string Topic, DateTime StartsAt, DateTime EndsAt,
    string? Place, bool Online, AttendanceStatus? MyAttendance);

/// <summary>Reads of meetings, all through the data-scope filter; counts are computed in the database.</summary>
public static class MeetingQueries
{
    public const string AttachmentOwner = "Meeting";
    /// <summary>The ledger lists at most this many meetings (a branch holds a few dozen a year); counts cover all.</summary>
    public const int MaxLedgerRows = 2000;

    /// <summary>The ledger of an organization's subtree for a calendar year (by planned start), or null when out of scope.</summary>
    public static async Task<MeetingLedger?> LedgerAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        var org = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var upper = TreePath.UpperBound(org.Path);
        var windowStart = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-1);
        var windowEnd = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(1);
        var inSubtree = from m in db.Set<Meeting>()
                        join o in db.Organizations on m.OrganizationId equals o.Id
                        where string.Compare(o.Path, org.Path) >= 0 && string.Compare(o.Path, upper) < 0
                        select new { m, o };
        var rows = await (from x in inSubtree
                          let m = x.m
                          where m.StartsAt >= windowStart && m.StartsAt < windowEnd
                          orderby m.StartsAt, m.Id
                          select new LedgerRow(m.Id, m.OrganizationId, x.o.Name, m.Kind, m.Status, m.Topic, m.StartsAt, m.EndsAt, m.Place, m.Online, m.Lecturer, m.HeldOn,
                              db.Set<MeetingAttendance>().Count(a => a.MeetingId == m.Id && a.Status == AttendanceStatus.Present),
                              db.Set<MeetingAttendance>().Count(a => a.MeetingId == m.Id && a.Status == AttendanceStatus.Excused),
                              db.Set<MeetingAttendance>().Count(a => a.MeetingId == m.Id && a.Status == AttendanceStatus.Absent),
                              db.Set<MeetingResolution>().Count(r => r.MeetingId == m.Id)))
            .Take(MaxLedgerRows + 1).ToListAsync(ct);
        // The window above is padded by a day for time zones; the exact year is decided on local dates here.
        var truncated = rows.Count > MaxLedgerRows;
        rows = rows.Take(MaxLedgerRows).Where(r => MeetingAudience.LocalDate(r.StartsAt, db.Time).Year == year).ToList();
        // Counts come from the database over the whole subtree, so a long list cut short does not change them.
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var counts = (await inSubtree.Where(x => x.m.Status == MeetingStatus.Held && x.m.HeldOn >= first && x.m.HeldOn <= last)
                .GroupBy(x => new { x.m.Kind, x.m.HeldOn!.Value.Month })
                .Select(g => new { g.Key.Kind, g.Key.Month, Held = g.Count() }).ToListAsync(ct))
            .Select(c => new LedgerCount(c.Kind, c.Month, c.Held)).OrderBy(c => c.Kind).ThenBy(c => c.Month).ToList();
        return new MeetingLedger(org.Id, org.Name, year, rows, counts, truncated);
    }

    /// <summary>One meeting with its audience, attendance, resolutions and attachments; null when missing or out of scope.</summary>
    public static async Task<MeetingDetail?> DetailAsync(BastionDb db, long meetingId, CancellationToken ct = default)
    {
        var m = await db.Set<Meeting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return null;
        var host = await MeetingAudience.HostAsync(db, m.OrganizationId, ct);
        var audience = await MeetingAudience.ListAsync(db, m.Kind, host, MeetingAudience.LocalDate(m.StartsAt, db.Time), ct);
        var attendance = await (from a in db.Set<MeetingAttendance>()
                                where a.MeetingId == m.Id
                                join mem in db.Members on a.MemberId equals mem.Id
                                orderby a.Status, mem.Name, mem.Id
                                select new AttendanceView(a.MemberId, mem.Name, a.Status, a.Reason, a.CheckedInAt)).ToListAsync(ct);
        var resolutions = (await db.Set<MeetingResolution>().Where(r => r.MeetingId == m.Id).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new ResolutionView(r.Id, r.Title, r.Kind, r.ShouldAttend, r.Present, r.Yes, r.No, r.Abstain, r.QuorumHeld, r.Passed,
                VoteRules.QuorumRuleName(r.Kind), VoteRules.MajorityRuleName(r.Kind), r.RuleSetVersion)).ToList();
        var attachments = await db.Set<Attachment>().Where(a => a.OwnerType == AttachmentOwner && a.OwnerId == m.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAt)).ToListAsync(ct);
        var now = Clock.UtcNow(db.Time);
        var open = !MeetingRules.IsClosed(m.Status, m.RecordedAt, m.EndsAt, now) && now >= MeetingRules.CheckInOpensAt(m.StartsAt);
        return new MeetingDetail(m.Id, m.OrganizationId, host.Name, host.BranchId, m.Kind, m.Status, m.Topic, m.StartsAt, m.EndsAt, m.Place, m.Online,
            m.Lecturer, m.HeldOn, m.Minutes, m.CheckInCode, open, m.CancelReason, m.RecordedAt, audience, attendance, resolutions, attachments);
    }

    /// <summary>
    /// The meetings a member is for: their branch's (committee meetings only while on the committee) and their
    /// groups', from <paramref name="since"/> on, with their own attendance; at most 200.
    /// </summary>
    public static async Task<IReadOnlyList<MyMeeting>> ForMemberAsync(BastionDb db, long memberId, DateTime since, CancellationToken ct = default)
    {
        var member = await db.Members.IgnoreQueryFilters().Where(x => x.Id == memberId).Select(x => new { x.OrganizationId }).FirstOrDefaultAsync(ct);
        if (member is null) return [];
        var branchId = member.OrganizationId;
        return await (from m in db.Set<Meeting>().IgnoreQueryFilters()
                      join o in db.Organizations.IgnoreQueryFilters() on m.OrganizationId equals o.Id
                      where m.StartsAt >= since && (
                          (m.OrganizationId == branchId && m.Kind != MeetingKind.BranchCommitteeMeeting)
                          || (m.OrganizationId == branchId && db.Set<Positions.Position>().IgnoreQueryFilters().Any(p =>
                              p.OrganizationId == branchId && p.MemberId == memberId && p.Role != Positions.PositionRole.GroupLeader && p.EndedOn == null))
                          || (m.Kind == MeetingKind.GroupMeeting && db.Set<PartyGroupMember>().IgnoreQueryFilters().Any(g =>
                              g.OrganizationId == m.OrganizationId && g.MemberId == memberId && g.LeftOn == null))
                          || db.Set<MeetingAttendance>().IgnoreQueryFilters().Any(a => a.MeetingId == m.Id && a.MemberId == memberId))
                      orderby m.StartsAt descending, m.Id descending
                      select new MyMeeting(m.Id, o.Name, m.Kind, m.Status, m.Topic, m.StartsAt, m.EndsAt, m.Place, m.Online,
                          db.Set<MeetingAttendance>().IgnoreQueryFilters().Where(a => a.MeetingId == m.Id && a.MemberId == memberId)
                              .Select(a => (AttendanceStatus?)a.Status).FirstOrDefault()))
            .Take(200).ToListAsync(ct);
    }

    /// <summary>Exclusions of a branch, current and past, newest first.</summary>
    public static async Task<IReadOnlyList<ExclusionView>> ExclusionsAsync(BastionDb db, long branchId, CancellationToken ct = default) =>
        await (from e in db.Set<AttendanceExclusion>()
               where e.OrganizationId == branchId
               join mem in db.Members on e.MemberId equals mem.Id
               orderby e.FromDate descending, e.Id descending
               select new ExclusionView(e.Id, e.MemberId, mem.Name, e.Reason, e.Note, e.FromDate, e.ToDate)).Take(500).ToListAsync(ct);
}

public sealed record ExclusionView(long Id, long MemberId, string MemberName, ExclusionReason Reason, string? Note, DateOnly FromDate, DateOnly? ToDate);
