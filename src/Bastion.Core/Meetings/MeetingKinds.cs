namespace Bastion.Meetings;

/// <summary>The Chinese names of the meeting kinds, for texts built outside the web layer (notifications, feeds).</summary>
public static class MeetingKinds
{
    public static string Chinese(MeetingKind kind) => kind switch
    {
        MeetingKind.BranchGeneralMeeting => "支部党员大会",
        MeetingKind.BranchCommitteeMeeting => "支委会",
        MeetingKind.GroupMeeting => "党小组会",
        MeetingKind.PartyLecture => "党课",
        MeetingKind.ThemePartyDay => "主题党日",
        MeetingKind.OrganizationalLifeMeeting => "组织生活会",
        MeetingKind.DemocraticAppraisal => "民主评议党员",
        MeetingKind.HeartToHeartTalk => "谈心谈话",
        _ => "其他会议",
    };
}
