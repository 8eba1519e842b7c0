using System.Text;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;

namespace Bastion.UnitTests.Meetings;

public sealed class ICalendarTests
{
    [Fact]
    public void Escape_WhenTextHasSpecialCharacters_EscapesThemPerRfc5545()
    {
        Assert.Equal(@"a\\b\;c\,d\ne", ICalendar.Escape("a\\b;c,d\ne"));
        Assert.Equal(@"x\ny", ICalendar.Escape("x\r\ny"));
        Assert.Equal("冒号:不转义", ICalendar.Escape("冒号:不转义"));
    }

    [Fact]
    public void Line_WhenLongerThan75Octets_FoldsWithoutSplittingUtf8()
    {
        var sb = new StringBuilder();
        var text = "SUMMARY:" + new string('党', 60);
        ICalendar.Line(sb, text);
        var lines = sb.ToString().Split("\r\n", StringSplitOptions.None);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.All(lines[1..^1], l => Assert.StartsWith(" ", l));
        // Unfolding (drop CRLF + one space) gives the line back.
        Assert.Equal(text, sb.ToString().Replace("\r\n ", "", StringComparison.Ordinal).TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Line_WhenShort_IsNotFolded()
    {
        var sb = new StringBuilder();
        ICalendar.Line(sb, "VERSION:2.0");
        Assert.Equal("VERSION:2.0\r\n", sb.ToString());
    }

    [Fact]
    public void Write_WhenEventCancelled_MarksItAndUsesUtcTimes()
    {
        var at = new DateTime(2026, 3, 5, 6, 30, 0, DateTimeKind.Utc);
        var text = ICalendar.Write("支部", [new CalendarEvent("meeting-1@bastion", at, at.AddHours(2), "党课", null, null, true, at, null)]);
        Assert.Contains("\r\nDTSTART:20260305T063000Z\r\n", text);
        Assert.Contains("\r\nDTEND:20260305T083000Z\r\n", text);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", text);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
    }
}

public sealed class MeetingRulesTests
{
    private static readonly DateTime Start = new(2026, 3, 5, 6, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(2);

    [Fact]
    public void IsWithinWindow_FromThirtyMinutesBeforeStartToEnd()
    {
        Assert.False(MeetingRules.IsWithinWindow(Start.AddMinutes(-31), Start, End));
        Assert.True(MeetingRules.IsWithinWindow(Start.AddMinutes(-30), Start, End));
        Assert.True(MeetingRules.IsWithinWindow(End, Start, End));
        Assert.False(MeetingRules.IsWithinWindow(End.AddSeconds(1), Start, End));
    }

    [Fact]
    public void IsClosed_WhenRecordedCancelledOrPastEnd_IsTrue()
    {
        Assert.False(MeetingRules.IsClosed(MeetingStatus.Planned, null, End, Start));
        Assert.True(MeetingRules.IsClosed(MeetingStatus.Planned, Start.AddMinutes(5), End, Start.AddMinutes(10)));
        Assert.True(MeetingRules.IsClosed(MeetingStatus.Held, null, End, Start));
        Assert.True(MeetingRules.IsClosed(MeetingStatus.Cancelled, null, End, Start));
        Assert.True(MeetingRules.IsClosed(MeetingStatus.Planned, null, End, End.AddTicks(10)));
    }

    [Fact]
    public void FitsOrganization_GroupMeetingOnlyInGroups()
    {
        Assert.True(MeetingRules.FitsOrganization(MeetingKind.GroupMeeting, OrganizationKind.Group));
        Assert.False(MeetingRules.FitsOrganization(MeetingKind.GroupMeeting, OrganizationKind.Branch));
        Assert.True(MeetingRules.FitsOrganization(MeetingKind.PartyLecture, OrganizationKind.JointBranch));
        Assert.False(MeetingRules.FitsOrganization(MeetingKind.BranchGeneralMeeting, OrganizationKind.Committee));
    }

    [Fact]
    public void VoteFits_MotionsAtGeneralMeetingsDecisionsAtCommittee()
    {
        Assert.True(MeetingRules.VoteFits(VoteKind.Election, MeetingKind.BranchGeneralMeeting));
        Assert.False(MeetingRules.VoteFits(VoteKind.Motion, MeetingKind.BranchCommitteeMeeting));
        Assert.True(MeetingRules.VoteFits(VoteKind.CommitteeDecision, MeetingKind.BranchCommitteeMeeting));
        Assert.False(MeetingRules.VoteFits(VoteKind.Motion, MeetingKind.PartyLecture));
    }

    [Fact]
    public void NewCheckInCode_IsSixUnambiguousCharacters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => MeetingRules.NewCheckInCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 190);
        Assert.Equal("AB3CDE", MeetingRules.NormalizeCode(" ab3 cde "));
    }

    [Fact]
    public void VotingCounts_WhenExcludedMemberAttends_CountsThemAgain()
    {
        AudienceMember A(long id, bool votes, ExclusionReason? ex = null) => new(id, "x", MemberCategory.Full, votes, ex);
        var audience = new[] { A(1, true), A(2, true), A(3, false), A(4, true, ExclusionReason.SeriouslyIll), A(5, true, ExclusionReason.AwayLongTerm) };
        var present = new HashSet<long> { 1, 3, 4 };
        Assert.Equal((3, 2), RecordMeeting.VotingCounts(audience, present.Contains));
    }
}
