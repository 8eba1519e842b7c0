using Bastion.Generation;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.UnitTests.Generation;

namespace Bastion.UnitTests.Meetings;

/// <summary>The demo year of meetings: mostly diligent branches, some lax on purpose.</summary>
public sealed class DemoMeetingsTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;
    private static readonly DateOnly Today = DemoDatasetFixture.Today;

    private IEnumerable<Organization> Branches(DemoDataset.MeetingHabit habit) =>
        Dataset.Organizations.Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch && DemoDataset.HabitOf(o.Id) == habit);

    private int Held(Organization org, MeetingKind kind, DateOnly from) =>
        Dataset.Meetings.Count(m => m.OrganizationId == org.Id && m.Kind == kind && m.Status == MeetingStatus.Held && m.HeldOn >= from);

    [Fact]
    public void BuildMeetings_WhenDiligent_HoldsFourGeneralMeetingsAndMonthlyThemeDays()
    {
        var from = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        var diligent = Branches(DemoDataset.MeetingHabit.Diligent).ToList();
        Assert.True(diligent.Count > 100);
        Assert.All(diligent, b => Assert.InRange(Held(b, MeetingKind.BranchGeneralMeeting, from), 3, 4));
        Assert.All(diligent, b => Assert.InRange(Held(b, MeetingKind.ThemePartyDay, from), 11, 12));
    }

    [Fact]
    public void BuildMeetings_WhenLax_ShowsTheGaps()
    {
        var from = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        var two = Branches(DemoDataset.MeetingHabit.TwoGeneralMeetings).ToList();
        Assert.NotEmpty(two);
        Assert.All(two, b => Assert.InRange(Held(b, MeetingKind.BranchGeneralMeeting, from), 1, 2));
        var silent = Branches(DemoDataset.MeetingHabit.Silent).ToList();
        Assert.NotEmpty(silent);
        Assert.All(silent, b => Assert.DoesNotContain(Dataset.Meetings, m => m.OrganizationId == b.Id && m.HeldOn > Today.AddDays(-DemoDataset.SilentDays)));
        Assert.Contains(Branches(DemoDataset.MeetingHabit.SkipsCommitteeMonths), b => Held(b, MeetingKind.ThemePartyDay, from) < 10);
    }

    [Fact]
    public void BuildMeetings_RecordsAreConsistent()
    {
        Assert.Equal(Dataset.Meetings.Count, Dataset.Meetings.Select(m => m.Id).Distinct().Count());
        Assert.All(Dataset.Meetings, m => Assert.Equal(m.Status == MeetingStatus.Held, m.HeldOn is not null));
        Assert.All(Dataset.Meetings.Where(m => m.Status == MeetingStatus.Held), m => Assert.True(m.HeldOn <= Today));
        Assert.Contains(Dataset.Meetings, m => m.Status == MeetingStatus.Planned && m.StartsAt > DemoDatasetFixture.Now);
        var orgs = Dataset.Organizations.ToDictionary(o => o.Id);
        Assert.All(Dataset.Meetings, m => Assert.True(MeetingRules.FitsOrganization(m.Kind, orgs[m.OrganizationId].Kind)));
        var meetingIds = Dataset.Meetings.Where(m => m.Status == MeetingStatus.Held).Select(m => m.Id).ToHashSet();
        Assert.NotEmpty(Dataset.MeetingAttendances);
        Assert.All(Dataset.MeetingAttendances, a => Assert.Contains(a.MeetingId, meetingIds));
        Assert.NotEmpty(Dataset.GroupMembers);
    }
}
