using System.Net;
using Bastion.Compliance;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Strength;

/// <summary>Before any assessment: a clear empty state, and an administrator runs the current quarter from the dashboard.</summary>
public sealed class DashboardEmptyStateTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task NoRunYet_ShowsTheEmptyState_ThenTheAdministratorsRunRefusesBadPeriods_AndStoresTheCurrentQuarter()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await DashboardTestData.AddAsync(app.Database, root, OrganizationKind.Branch);
        var staff = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));

        var html = await staff.GetStringAsync($"/Strength/{root.Id}");
        Assert.Contains("data-testid=\"empty-state\"", html);
        Assert.Contains("尚未开展组织力测评", html);
        Assert.DoesNotContain("data-testid=\"run-form\"", html);
        Assert.Contains("data-testid=\"empty-state\"", await staff.GetStringAsync($"/Strength/Screen/{root.Id}"));
        Assert.Contains("data-testid=\"empty-state\"", await staff.GetStringAsync($"/Strength/Warnings/{root.Id}"));
        Assert.Contains("data-testid=\"empty-state\"", await staff.GetStringAsync($"/Strength/{root.Id}/Indicator/attendance"));
        var token = BastionFactory.AntiforgeryToken(html);
        using (var refused = await staff.PostAsync($"/Strength/{root.Id}?handler=Run", BastionFactory.Form(("RunPeriod", "1960Q1"), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/StatusCode/403", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var adminUser = await Factory.CreateUserAsync(BastionRoles.SystemAdmin, root.Id);
        var admin = await Factory.SignInAsync(adminUser);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var current = Period.Of(PeriodKind.Quarter, today).Label;
        html = await admin.GetStringAsync($"/Strength/{root.Id}");
        Assert.Contains("data-testid=\"run-form\"", html);
        Assert.Contains($"value=\"{current}\"", html);
        token = BastionFactory.AntiforgeryToken(html);

        using (var bad = await admin.PostAsync($"/Strength/{root.Id}?handler=Run", BastionFactory.Form(("RunPeriod", "2026Q5"), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var page = await bad.Content.ReadAsStringAsync();
            Assert.Contains("is-invalid", page);
            Assert.Contains("请填写测评期", page);
        }
        var next = Period.Of(PeriodKind.Quarter, today.AddMonths(3)).Label;
        using (var future = await admin.PostAsync($"/Strength/{root.Id}?handler=Run", BastionFactory.Form(("RunPeriod", next), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.Contains("只能评估已经开始的期间", await future.Content.ReadAsStringAsync());
        }
        await using (var db = app.Database.NewContext())
            Assert.False(await db.Set<AssessmentRun>().AnyAsync());

        using (var ran = await admin.PostAsync($"/Strength/{root.Id}?handler=Run", BastionFactory.Form(("RunPeriod", current), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
            Assert.Equal($"/Strength/{root.Id}?period={current}", ran.Headers.Location?.OriginalString);
        }
        html = await admin.GetStringAsync($"/Strength/{root.Id}?period={current}");
        Assert.DoesNotContain("data-testid=\"empty-state\"", html);
        Assert.Contains("data-testid=\"strength-total\"", html);
        Assert.Contains($"data-testid=\"child-row\" data-org=\"{branch.Id}\"", html);
        await using (var db = app.Database.NewContext())
            Assert.Equal(adminUser.UserName, (await db.Set<AssessmentRun>().SingleAsync(r => r.Period == current)).StartedBy);
    }
}
