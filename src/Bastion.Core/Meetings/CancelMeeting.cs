using Bastion.Data;
using Bastion.Notifications;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Meetings;

/// <summary>Cancels a planned meeting with a reason and tells those who were invited.</summary>
public static class CancelMeeting
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public static async Task<Meeting> HandleAsync(BastionDb db, long meetingId, Command command, CancellationToken ct = default)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException($"Meeting {meetingId}");
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Trim().Length > 200)
            throw ValidationFailedException.For(nameof(Command.Reason), "Enter why the meeting is cancelled (at most 200 characters).");
        if (meeting.Status != MeetingStatus.Planned)
            throw new DomainRuleException(MeetingRules.StatusRule, meeting.Status == MeetingStatus.Held
                ? "The meeting has been recorded as held; it cannot be cancelled."
                : "The meeting is already cancelled.");
        meeting.Status = MeetingStatus.Cancelled;
        meeting.CancelReason = command.Reason.Trim();
        if (meeting.StartsAt > Clock.UtcNow(db.Time))
        {
            var audience = await MeetingAudience.ForMeetingAsync(db, meeting, ct);
            await Notifier.ToMembersAsync(db, audience.Where(a => a.ShouldAttend).Select(a => a.MemberId),
                new NotificationMessage("Meetings.Cancelled", $"会议取消：{meeting.Topic}", meeting.CancelReason,
                    "/Meetings/Mine", $"meeting:{meeting.Id}:cancelled"), ct);
        }
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}
