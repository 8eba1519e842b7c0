using Bastion.Compliance;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Notifications;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Compliance;

/// <summary>The reminder job on a driven clock: due-soon, then overdue, never twice.</summary>
public sealed class ComplianceReminderJobTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private async Task<List<Notification>> NotificationsAsync(long userId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Notification>().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<string> RunAsync(FakeTimeProvider clock)
    {
        await using var db = app.Database.NewContext(time: clock);
        return await new ComplianceReminderJob().RunAsync(db, CancellationToken.None);
    }

    [Fact]
    public async Task Run_NotifiesDueSoonThenOverdue_OncePerObligationAndPeriod()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var group = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group);
        var secretary = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id);
        var member = await app.Factory.CreateUserAsync(BastionRoles.Member, branch.Id);
        // Everything of 2026 so far is done, except the second quarter's general meeting; June's group meeting is held.
        await ComplianceTests.AddMeetingsAsync(app.Database, branch, MeetingKind.BranchGeneralMeeting, [new(2026, 2, 10)]);
        await ComplianceTests.AddMeetingsAsync(app.Database, branch, MeetingKind.ThemePartyDay, Enumerable.Range(1, 6).Select(m => new DateOnly(2026, m, 1)));
        await ComplianceTests.AddMeetingsAsync(app.Database, branch, MeetingKind.PartyLecture, [new(2026, 3, 1), new(2026, 6, 1)]);
        await ComplianceTests.AddMeetingsAsync(app.Database, group, MeetingKind.GroupMeeting, Enumerable.Range(1, 6).Select(m => new DateOnly(2026, m, 2)));

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero));
        await RunAsync(clock);
        Assert.Empty(await NotificationsAsync(secretary.Id)); // 20 days before the quarter ends: not yet due soon

        clock.SetUtcNow(new DateTimeOffset(2026, 6, 20, 8, 0, 0, TimeSpan.Zero));
        await RunAsync(clock);
        var first = await NotificationsAsync(secretary.Id);
        var dueSoon = Assert.Single(first);
        Assert.Equal("compliance:due:" + branch.Id + ":BranchGeneralMeeting:2026Q2", dueSoon.DedupKey);
        Assert.Contains("2026-06-30", dueSoon.Title);
        Assert.Empty(await NotificationsAsync(member.Id));

        await RunAsync(clock); // a rerun repeats nothing
        Assert.Single(await NotificationsAsync(secretary.Id));

        clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero));
        await RunAsync(clock);
        await RunAsync(clock);
        var after = await NotificationsAsync(secretary.Id);
        Assert.Equal(2, after.Count);
        Assert.Equal("compliance:overdue:" + branch.Id + ":BranchGeneralMeeting:2026Q2", after[1].DedupKey);
        Assert.Contains("未按期落实", after[1].Title);
    }

    [Fact]
    public async Task Run_WhenAGroupMissesItsMeeting_TellsTheBranchSecretary_AndNotOtherBranches()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var group = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group);
        var neighbour = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var secretary = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id);
        var neighbourSecretary = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, neighbour.Id);
        await ComplianceTests.AddMeetingsAsync(app.Database, group, MeetingKind.GroupMeeting, [new(2026, 8, 3)]);

        await RunAsync(new FakeTimeProvider(new DateTimeOffset(2026, 10, 3, 8, 0, 0, TimeSpan.Zero)));
        var keys = (await NotificationsAsync(secretary.Id)).Select(n => n.DedupKey).ToList();
        Assert.Contains("compliance:overdue:" + group.Id + ":GroupMeeting:2026-09", keys);
        Assert.DoesNotContain("compliance:overdue:" + group.Id + ":GroupMeeting:2026-08", keys);
        Assert.Contains("compliance:overdue:" + branch.Id + ":BranchGeneralMeeting:2026Q3", keys);
        Assert.DoesNotContain(await NotificationsAsync(neighbourSecretary.Id), n => n.DedupKey!.Contains(":" + group.Id + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_IsRegistered_AndRunsThroughTheScheduler()
    {
        var line = await app.Factory.RunJobAsync(ComplianceReminderJob.JobName);
        Assert.Matches(@"^(\d+ notifications: \d+ obligations due soon, \d+ overdue\.|No obligations due soon or newly overdue\.)$", line);
    }
}
