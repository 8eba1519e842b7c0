using System.Security.Cryptography;
using Bastion.Organizations;

namespace Bastion.Meetings;

/// <summary>Named rules of planning, recording and checking in to meetings; pure, no I/O.</summary>
public static class MeetingRules
{
    public const int MaxMinutesLength = 20000;
    public const int CheckInCodeLength = 6;
    /// <summary>Members may check in from this long before the start until the planned end.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromMinutes(30);
    /// <summary>A meeting lasts at most a day; longer events are several meetings.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>A meeting that has not started cannot be recorded as held.</summary>
    public const string NotHeldInFutureRule = "Meetings.NotHeldInFuture";
    /// <summary>Attendees are members of the branch (the group's branch for a 党小组会).</summary>
    public const string AttendeeInBranchRule = "Meetings.AttendeeInBranch";
    /// <summary>Attendance times lie within the meeting's window (from check-in opening to its end).</summary>
    public const string AttendanceInWindowRule = "Meetings.AttendanceInWindow";
    /// <summary>A check-in code works only while the meeting is open; after it closes the code is dead.</summary>
    public const string CheckInClosedRule = "Meetings.CheckInClosed";
    public const string CheckInNotOpenRule = "Meetings.CheckInNotOpen";
    /// <summary>Cancelled meetings are not recorded, and held ones are not cancelled.</summary>
    public const string StatusRule = "Meetings.Status";
    /// <summary>Each kind of vote belongs to one kind of meeting.</summary>
    public const string VoteFitsMeetingRule = "Meetings.VoteFitsMeeting";

    // Letters and digits that cannot be misread on a phone (no 0/O, 1/I/L).
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewCheckInCode() => RandomNumberGenerator.GetString(CodeAlphabet, CheckInCodeLength);

    /// <summary>Codes are typed on phones: spaces and case do not matter.</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Which organizations hold which kind: 党小组会 in a group, everything else in a branch or joint branch.</summary>
    public static bool FitsOrganization(MeetingKind kind, OrganizationKind organization) =>
        kind == MeetingKind.GroupMeeting
            ? organization == OrganizationKind.Group
            : organization is OrganizationKind.Branch or OrganizationKind.JointBranch;

    /// <summary>Motions and elections at the 支部党员大会; decisions at the 支委会.</summary>
    public static bool VoteFits(VoteKind vote, MeetingKind meeting) => vote switch
    {
        VoteKind.Motion or VoteKind.Election => meeting == MeetingKind.BranchGeneralMeeting,
        VoteKind.CommitteeDecision => meeting == MeetingKind.BranchCommitteeMeeting,
        _ => false,
    };

    /// <summary>When check-in opens.</summary>
    public static DateTime CheckInOpensAt(DateTime startsAt) => startsAt - CheckInOpensBefore;

    /// <summary>The meeting is closed once recorded, cancelled or past its planned end.</summary>
    public static bool IsClosed(MeetingStatus status, DateTime? recordedAt, DateTime endsAt, DateTime now) =>
        status != MeetingStatus.Planned || recordedAt is not null || now > endsAt;

    public static bool IsWithinWindow(DateTime at, DateTime startsAt, DateTime endsAt) =>
        at >= CheckInOpensAt(startsAt) && at <= endsAt;

    /// <summary>A meeting may be recorded as held once it has started (its local date is not after today).</summary>
    public static bool MayRecordAsHeld(DateTime startsAt, DateTime now) => startsAt <= now;
}
