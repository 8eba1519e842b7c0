using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>
/// Records what happened at a meeting: attendance per person, minutes and resolutions with the computed quorum and
/// outcome. Members of the audience not listed keep their check-in, or are recorded absent. Recording again
/// corrects the record. The meeting closes for check-in.
/// </summary>
public static class RecordMeeting
{
    public sealed record AttendanceEntry
    {
        public long MemberId { get; init; }
        public AttendanceStatus? Status { get; init; }
        public string? Reason { get; init; }
        /// <summary>Arrival (UTC), when known; must lie within the meeting's window.</summary>
        public DateTime? CheckedInAt { get; init; }
    }

    public sealed record ResolutionEntry
    {
        public string? Title { get; init; }
        public VoteKind? Kind { get; init; }
        public int Yes { get; init; }
        public int No { get; init; }
        public int Abstain { get; init; }
    }

    public sealed record Command
    {
        public string? Minutes { get; init; }
        public IReadOnlyList<AttendanceEntry> Attendance { get; init; } = [];
        /// <summary>All resolutions of the meeting; replaces those recorded before.</summary>
        public IReadOnlyList<ResolutionEntry> Resolutions { get; init; } = [];
    }

    public static async Task<Meeting> HandleAsync(BastionDb db, long meetingId, Command command, CancellationToken ct = default)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException($"Meeting {meetingId}");
        var now = Clock.UtcNow(db.Time);
        if (meeting.Status == MeetingStatus.Cancelled)
            throw new DomainRuleException(MeetingRules.StatusRule, "The meeting was cancelled; a cancelled meeting cannot be recorded as held.");
        if (!MeetingRules.MayRecordAsHeld(meeting.StartsAt, now))
            throw new DomainRuleException(MeetingRules.NotHeldInFutureRule,
                $"The meeting is dated {MeetingAudience.LocalDate(meeting.StartsAt, db.Time):yyyy-MM-dd}, in the future; it can be recorded as held only once it has started.");

        var host = await MeetingAudience.HostAsync(db, meeting.OrganizationId, ct);
        var heldOn = MeetingAudience.LocalDate(meeting.StartsAt, db.Time);
        var entries = command.Attendance ?? [];
        var ids = entries.Select(e => e.MemberId).Distinct().ToList();
        var inBranch = await MeetingAudience.BranchRoster(db, host.BranchId, heldOn).Where(m => ids.Contains(m.Id))
            .Select(m => m.Id).ToListAsync(ct);

        var errors = new Dictionary<string, string[]>();
        var attendanceErrors = new List<string>();
        if (ids.Count != entries.Count) attendanceErrors.Add("A member is listed twice.");
        var outsiders = ids.Except(inBranch).ToList();
        if (outsiders.Count > 0)
            throw new DomainRuleException(MeetingRules.AttendeeInBranchRule,
                $"Member(s) {string.Join(", ", outsiders)} are not members of this branch on {heldOn:yyyy-MM-dd}; attendance is recorded only for the branch's members.");
        foreach (var e in entries)
        {
            if (e.Status is not { } s || !Enum.IsDefined(s)) attendanceErrors.Add($"Member {e.MemberId}: choose present, excused or absent.");
            else if (s == AttendanceStatus.Excused && string.IsNullOrWhiteSpace(e.Reason)) attendanceErrors.Add($"Member {e.MemberId}: absence with leave needs the reason.");
            if (e.Reason?.Trim().Length > 200) attendanceErrors.Add($"Member {e.MemberId}: the reason is at most 200 characters.");
            if (e.CheckedInAt is { } at && !MeetingRules.IsWithinWindow(PlanMeeting.Utc(at), meeting.StartsAt, meeting.EndsAt))
                throw new DomainRuleException(MeetingRules.AttendanceInWindowRule,
                    $"Member {e.MemberId} is recorded at {Local(at, db):yyyy-MM-dd HH:mm}, outside the meeting's window "
                    + $"{Local(MeetingRules.CheckInOpensAt(meeting.StartsAt), db):yyyy-MM-dd HH:mm}–{Local(meeting.EndsAt, db):HH:mm}.");
        }
        if (attendanceErrors.Count > 0) errors[nameof(Command.Attendance)] = attendanceErrors.ToArray();
        if (command.Minutes?.Length > MeetingRules.MaxMinutesLength) errors[nameof(Command.Minutes)] = [$"The minutes are at most {MeetingRules.MaxMinutesLength} characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        // Attendance after this command: stored rows, overridden by the entries; everyone else in the audience absent.
        var audience = await MeetingAudience.ListAsync(db, meeting.Kind, host, heldOn, ct);
        var stored = await db.Set<MeetingAttendance>().Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
        var byMember = stored.ToDictionary(a => a.MemberId);
        foreach (var e in entries)
        {
            if (!byMember.TryGetValue(e.MemberId, out var row))
            {
                row = new MeetingAttendance { MeetingId = meeting.Id, OrganizationId = meeting.OrganizationId, RegionId = meeting.RegionId, MemberId = e.MemberId };
                db.Add(row);
                byMember[e.MemberId] = row;
            }
            row.Status = e.Status!.Value;
            row.Reason = e.Status == AttendanceStatus.Present ? null : PlanMeeting.Clean(e.Reason);
            row.CheckedInAt = e.Status == AttendanceStatus.Present ? (e.CheckedInAt is { } at ? PlanMeeting.Utc(at) : row.CheckedInAt) : null;
            row.RecordedAt = now;
        }
        foreach (var a in audience.Where(a => a.ShouldAttend && !byMember.ContainsKey(a.MemberId)))
        {
            var row = new MeetingAttendance
            {
                MeetingId = meeting.Id, OrganizationId = meeting.OrganizationId, RegionId = meeting.RegionId, MemberId = a.MemberId,
                Status = AttendanceStatus.Absent, RecordedAt = now,
            };
            db.Add(row);
            byMember[a.MemberId] = row;
        }

        var resolutions = BuildResolutions(command.Resolutions ?? [], meeting, audience, byMember, now);
        // Removed through the change tracker so the replacement commits in the same SaveChanges as the rest, or not at all.
        db.RemoveRange(await db.Set<MeetingResolution>().Where(r => r.MeetingId == meeting.Id).ToListAsync(ct));
        db.AddRange(resolutions);

        meeting.Status = MeetingStatus.Held;
        meeting.HeldOn = heldOn;
        meeting.Minutes = PlanMeeting.Clean(command.Minutes);
        meeting.RecordedAt = now;
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>
    /// 应到会 with voting rights: voting members who should attend, plus excluded voting members who came anyway
    /// (someone excluded who attends counts again). Present: voting members marked present.
    /// </summary>
    public static (int ShouldAttend, int Present) VotingCounts(IEnumerable<AudienceMember> audience, Func<long, bool> isPresent)
    {
        var voting = audience.Where(a => a.HasVotingRights).ToList();
        var present = voting.Count(a => isPresent(a.MemberId));
        var should = voting.Count(a => a.ShouldAttend || isPresent(a.MemberId));
        return (should, present);
    }

    private static List<MeetingResolution> BuildResolutions(IReadOnlyList<ResolutionEntry> entries, Meeting meeting,
        IReadOnlyList<AudienceMember> audience, Dictionary<long, MeetingAttendance> attendance, DateTime now)
    {
        var rules = VoteRuleSet.Load();
        var (should, present) = VotingCounts(audience, id => attendance.TryGetValue(id, out var a) && a.Status == AttendanceStatus.Present);
        var errors = new List<string>();
        var result = new List<MeetingResolution>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(e.Title) || e.Title.Trim().Length > 200) { errors.Add($"Resolution {n}: enter a title of at most 200 characters."); continue; }
            if (e.Kind is not { } kind || !Enum.IsDefined(kind)) { errors.Add($"Resolution {n}: choose motion, committee decision or election."); continue; }
            if (!MeetingRules.VoteFits(kind, meeting.Kind))
                throw new DomainRuleException(MeetingRules.VoteFitsMeetingRule,
                    $"Resolution {n}: a {kind} is not voted at a {MeetingKinds.Chinese(meeting.Kind)} (motions and elections at the 支部党员大会, decisions at the 支委会).");
            var tally = new VoteTally(e.Yes, e.No, e.Abstain);
            if (VoteRules.CheckTally(should, present, tally) is { } problem) { errors.Add($"Resolution {n}: {problem}"); continue; }
            var outcome = VoteRules.Decide(kind, should, present, tally, rules);
            result.Add(new MeetingResolution
            {
                MeetingId = meeting.Id, OrganizationId = meeting.OrganizationId, RegionId = meeting.RegionId, Title = e.Title.Trim(), Kind = kind,
                ShouldAttend = should, Present = present, Yes = e.Yes, No = e.No, Abstain = e.Abstain,
                QuorumHeld = outcome.QuorumHeld, Passed = outcome.Passed, RuleSetVersion = outcome.RuleSetVersion, CreatedAt = now,
            });
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { [nameof(Command.Resolutions)] = errors.ToArray() });
        return result;
    }

    private static DateTime Local(DateTime utc, BastionDb db) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), db.Time.LocalTimeZone);
}
