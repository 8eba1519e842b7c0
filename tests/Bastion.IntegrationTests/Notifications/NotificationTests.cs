using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Notifications;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Notifications;

/// <summary>In-app notifications: recipients, de-duplication, the user's own list only, the scheduled-job runner.</summary>
public sealed class NotificationTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task LeadersOfAnOrganization_AreNotifiedOnce_PerDedupKey_AndSeeOnlyTheirOwn()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch, TestData.Unique("支部"));
        var secretary = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id);
        var member = await Factory.CreateUserAsync(BastionRoles.Member, branch.Id);
        var message = new NotificationMessage("test.reminder", "支委会本月尚未召开", "请在月底前召开。", "/Organizations", "test:" + branch.Id);

        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(1, await Notifier.ToOrganizationLeadersAsync(db, [branch.Id], message));
            // Twice in one unit of work and again after saving: still one notification.
            Assert.Equal(0, await Notifier.ToOrganizationLeadersAsync(db, [branch.Id], message));
            await db.SaveChangesAsync();
        }
        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(0, await Notifier.ToOrganizationLeadersAsync(db, [branch.Id], message));
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == secretary.Id));
            Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.UserId == member.Id));
        }

        var mine = await Factory.CreateApiClientAsync(secretary);
        var list = await Http.GetJsonAsync(mine, "/api/v1/notifications?unread=true");
        var id = Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64();
        var other = await Factory.CreateApiClientAsync(member);
        using (var notMine = await other.PostAsync($"/api/v1/notifications/{id}/read", null))
            Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        using (var read = await mine.PostAsync($"/api/v1/notifications/{id}/read", null))
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Empty((await Http.GetJsonAsync(mine, "/api/v1/notifications?unread=true")).EnumerateArray());

        var browser = await Factory.SignInAsync(secretary);
        var html = await browser.GetStringAsync("/Notifications");
        Assert.Contains("支委会本月尚未召开", html);
    }

    [Fact]
    public async Task EmailJob_WithoutSmtp_SaysSo_AndAnUnknownJobIsNamed()
    {
        Assert.Contains("not configured", await Factory.RunJobAsync("notifications.email"));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Factory.RunJobAsync("no.such.job"));
        Assert.Contains("notifications.email", e.Message);
    }
}
