using Bastion.Data;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Notifications;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Requests;

/// <summary>Issue 6 acceptance: an overdue request reaches the upper level's queue after the job runs; owners are reminded in time.</summary>
public sealed class DeadlineTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task OverdueRequest_AfterClockAdvanceAndJob_AppearsInUpperLevelsQueue_ThenTwoLevelsUp()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (_, township) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.OrganizationDepartment, t.Township.Id);
        var (_, county) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.OrganizationDepartment, t.County.Id);
        var leader = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Township.Id);
        long id;
        await using (var db = app.Database.NewContext(FixedDataScope.Nothing, clock))
            id = (await SubmitRequest.HandleAsync(db, TestData.Pii(app.Database), new SubmitRequest.Command
            {
                CategoryCode = "public-facilities", Description = "井盖缺失", GridId = t.Grid.Id,
            })).Id;

        // Within the first-response deadline (24 h) nothing happens.
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await EscalatedAsync(clock, id));
        Assert.DoesNotContain(id, Http.Ids(await Http.GetJsonAsync(township, $"/api/v1/requests/queue?organizationId={t.Township.Id}")));

        // First response overdue: one level up, the township, and its leaders are told.
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await EscalatedAsync(clock, id));
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(township, $"/api/v1/requests/queue?organizationId={t.Township.Id}")));
        Assert.DoesNotContain(id, Http.Ids(await Http.GetJsonAsync(county, $"/api/v1/requests/queue?organizationId={t.County.Id}")));
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(township, $"/api/v1/requests/queue?organizationId={t.Community.Id}")));
        await using (var db = app.Database.NewContext())
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == leader.Id && n.DedupKey == $"request-escalated:{id}:1"));

        // Running again changes nothing (idempotent).
        Assert.Equal(1, await EscalatedAsync(clock, id));
        await using (var db = app.Database.NewContext())
            Assert.Single(await db.Set<RequestEvent>().Where(e => e.RequestId == id && e.Kind == RequestEventKind.Escalated).ToListAsync());

        // Resolution overdue (7 days): two levels up, the county.
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(2, await EscalatedAsync(clock, id));
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(county, $"/api/v1/requests/queue?organizationId={t.County.Id}")));
    }

    [Fact]
    public async Task OwnerIsReminded_BeforeTheDeadline_Once()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var owner = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id);
        long id;
        await using (var db = app.Database.NewContext(FixedDataScope.Nothing, clock))
            id = (await SubmitRequest.HandleAsync(db, TestData.Pii(app.Database), new SubmitRequest.Command
            {
                CategoryCode = "environment", Description = "垃圾清运不及时", GridId = t.Grid.Id,
            })).Id;
        await using (var db = app.Database.NewContext(time: clock))
            await RequestActions.TakeAsync(db, id, new RequestActor(owner.Id, "书记"));

        clock.Advance(TimeSpan.FromHours(100)); // 68 h before the 168-hour deadline: too early
        await RunJobAsync(clock);
        Assert.Equal(0, await RemindersAsync(owner.Id, id));
        clock.Advance(TimeSpan.FromHours(50)); // 18 h left, inside the 24-hour reminder window
        await RunJobAsync(clock);
        await RunJobAsync(clock);
        Assert.Equal(1, await RemindersAsync(owner.Id, id));
    }

    private async Task<int> EscalatedAsync(FakeTimeProvider clock, long id)
    {
        await RunJobAsync(clock);
        await using var db = app.Database.NewContext();
        return await db.Set<ServiceRequest>().Where(r => r.Id == id).Select(r => r.EscalationLevel).SingleAsync();
    }

    private async Task RunJobAsync(FakeTimeProvider clock)
    {
        await using var db = app.Database.NewContext(FixedDataScope.System("job"), clock);
        await new RequestDeadlinesJob().RunAsync(db, CancellationToken.None);
    }

    private async Task<int> RemindersAsync(long userId, long requestId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.Kind == "request.due" && n.Link == $"/Requests/Details/{requestId}");
    }
}
