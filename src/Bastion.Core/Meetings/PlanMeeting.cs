using Bastion.Data;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>
/// Plans a meeting of a branch, its committee (支委会) or a party group (党小组会) and notifies everyone who should
/// attend. A meeting held without being planned first is planned with its past time, then recorded.
/// </summary>
public static class PlanMeeting
{
    public sealed record Command
    {
        public MeetingKind? Kind { get; init; }
        public string? Topic { get; init; }
        /// <summary>Start, UTC.</summary>
        public DateTime? StartsAt { get; init; }
        /// <summary>End, UTC.</summary>
        public DateTime? EndsAt { get; init; }
        public string? Place { get; init; }
        public bool Online { get; init; }
        /// <summary>主讲人, required for a 党课.</summary>
        public string? Lecturer { get; init; }
    }

    public sealed record Result(Meeting Meeting, int Notified);

    public static async Task<Result> HandleAsync(BastionDb db, long organizationId, Command command, CancellationToken ct = default)
    {
        var host = await MeetingAudience.HostAsync(db, organizationId, ct);
        var status = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Status).FirstAsync(ct);
        var errors = Validate(command, host, status);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var now = Clock.UtcNow(db.Time);
        var meeting = new Meeting
        {
            OrganizationId = host.OrganizationId, RegionId = host.RegionId, Kind = command.Kind!.Value,
            Topic = command.Topic!.Trim(), StartsAt = Utc(command.StartsAt!.Value), EndsAt = Utc(command.EndsAt!.Value),
            Place = Clean(command.Place), Online = command.Online, Lecturer = Clean(command.Lecturer),
            CheckInCode = MeetingRules.NewCheckInCode(), CreatedAt = now,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);

        var notified = 0;
        if (meeting.StartsAt > now)
        {
            var audience = await MeetingAudience.ForMeetingAsync(db, meeting, ct);
            var local = TimeZoneInfo.ConvertTimeFromUtc(meeting.StartsAt, db.Time.LocalTimeZone);
            var where = meeting.Online ? "线上 online" + (meeting.Place is null ? "" : " · " + meeting.Place) : meeting.Place;
            notified = await Notifier.ToMembersAsync(db, audience.Where(a => a.ShouldAttend).Select(a => a.MemberId),
                new NotificationMessage("Meetings.Planned", $"{MeetingKinds.Chinese(meeting.Kind)}：{meeting.Topic}",
                    $"{local:yyyy-MM-dd HH:mm} · {where} · {host.Name}", "/Meetings/Mine", $"meeting:{meeting.Id}:planned"), ct);
            await db.SaveChangesAsync(ct);
        }
        return new Result(meeting, notified);
    }

    public static Dictionary<string, string[]> Validate(Command c, MeetingHost host, OrganizationStatus status)
    {
        var errors = new Dictionary<string, string[]>();
        if (status != OrganizationStatus.Active) errors[nameof(Command.Kind)] = ["The organization has been dissolved."];
        else if (c.Kind is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Command.Kind)] = ["Choose the kind of meeting."];
        else if (!MeetingRules.FitsOrganization(kind, host.Kind))
            errors[nameof(Command.Kind)] = [kind == MeetingKind.GroupMeeting
                ? "A 党小组会 is held by a party group; choose the group."
                : "This kind of meeting is held by a branch (党支部); choose the branch."];
        if (string.IsNullOrWhiteSpace(c.Topic)) errors[nameof(Command.Topic)] = ["Enter the topic."];
        else if (c.Topic.Trim().Length > 200) errors[nameof(Command.Topic)] = ["The topic is at most 200 characters."];
        if (c.StartsAt is null) errors[nameof(Command.StartsAt)] = ["Enter when the meeting starts."];
        if (c.EndsAt is null) errors[nameof(Command.EndsAt)] = ["Enter when the meeting ends."];
        else if (c.StartsAt is { } s && Utc(c.EndsAt.Value) <= Utc(s)) errors[nameof(Command.EndsAt)] = ["The end must come after the start."];
        else if (c.StartsAt is { } s2 && Utc(c.EndsAt.Value) - Utc(s2) > MeetingRules.MaxDuration) errors[nameof(Command.EndsAt)] = ["A meeting lasts at most 24 hours."];
        if (!c.Online && string.IsNullOrWhiteSpace(c.Place)) errors[nameof(Command.Place)] = ["Enter the place, or mark the meeting as online."];
        else if (c.Place?.Trim().Length > 200) errors[nameof(Command.Place)] = ["The place is at most 200 characters."];
        if (c.Kind == MeetingKind.PartyLecture && string.IsNullOrWhiteSpace(c.Lecturer)) errors[nameof(Command.Lecturer)] = ["A 党课 needs its lecturer (主讲人)."];
        else if (c.Lecturer?.Trim().Length > 100) errors[nameof(Command.Lecturer)] = ["The lecturer's name is at most 100 characters."];
        return errors;
    }

    /// <summary>Times without a zone are taken as UTC; the API documents UTC, pages convert local input first.</summary>
    internal static DateTime Utc(DateTime t) => Clock.Truncate(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc));

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
