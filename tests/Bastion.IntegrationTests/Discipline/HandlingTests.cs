using System.Net;
using System.Net.Http.Json;
using Bastion.Discipline;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>Handling a report from receipt to closing; what the reporter sees; deadlines; figures for everyone.</summary>
public sealed class HandlingTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task FullHandling_ReporterSeesStatusAndStatement_NeverTheNotes()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "违规发放津贴", t.Secretary.Name);
        using var api = await Factory.CreateApiClientAsync(t.TownshipDiscipline);
        using var anonymous = Factory.CreateClient();
        var url = $"/api/v1/discipline/reports/{filed.Id}";

        // Closing before the disposition breaks a named rule.
        using var early = await api.PostAsJsonAsync($"{url}/close", new { outcome = "Substantiated", statement = "x" });
        Assert.Equal("Discipline.ClosingFollowsDisposition", (await Http.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"{url}/accept", null)).StatusCode);
        using var twice = await api.PostAsync($"{url}/accept", null);
        Assert.Equal("Discipline.OnlyReceivedReportCanBeAccepted", (await Http.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"{url}/notes", new { text = "内部初核记录：约谈了会计" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"{url}/dispose", new { disposition = "Investigation", note = "内部：转立案" })).StatusCode);
        using var noStatement = await api.PostAsJsonAsync($"{url}/close", new { outcome = "Substantiated", statement = " " });
        await Http.ProblemAsync(noStatement, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"{url}/close", new { outcome = "Substantiated", statement = "经查属实，已给予党内警告处分。" })).StatusCode);

        var view = await DisciplineTestData.FollowAsync(anonymous, filed.TrackingCode, filed.Secret);
        var text = view.ToString();
        Assert.Equal("Closed", view.GetProperty("status").GetString());
        Assert.Equal("Substantiated", view.GetProperty("outcome").GetString());
        Assert.Equal("经查属实，已给予党内警告处分。", view.GetProperty("statement").GetString());
        Assert.DoesNotContain("内部", text);
        Assert.DoesNotContain("CheckNote", text);

        using var late = await anonymous.PostAsJsonAsync("/api/v1/discipline/public/reports/supplement", new { trackingCode = filed.TrackingCode, secret = filed.Secret, text = "再补充" });
        Assert.Equal("Discipline.ClosedReportTakesNoSupplement", (await Http.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        // Everyone sees the finished report in the figures; the strength index gets it per organization.
        using var orgdept = await Factory.CreateApiClientAsync(t.OrgDepartment);
        var figures = await Http.GetJsonAsync(orgdept, $"/api/v1/discipline/statistics/{t.County.Id}");
        Assert.Equal(1, figures.GetProperty("substantiated").GetInt32());
        Assert.DoesNotContain("违规发放津贴", figures.ToString());
        await using var db = app.Database.NewContext();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var counts = await MisconductStatistics.SubstantiatedByOrganizationAsync(db, t.County.Id, today.AddDays(-1), today.AddDays(1));
        Assert.Equal([new SubstantiatedCount(t.Branch.Id, 1)], counts);
    }

    [Fact]
    public async Task DecliningNeedsAReason_WhichTheReporterReads()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "不属于纪检受理范围的事");
        var browser = await Factory.SignInAsync(t.TownshipDiscipline);
        var page = $"/Discipline/Details/{filed.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, page);
        using var empty = await browser.PostAsync($"{page}?handler=Decline", BastionFactory.Form(("Reason", "  "), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(MisconductStatus.Received, (await DisciplineTestData.LoadAsync(app.Database, filed.Id)).Status);

        using var declined = await browser.PostAsync($"{page}?handler=Decline", BastionFactory.Form(("Reason", "反映的是民事纠纷，请向人民法院起诉。"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        using var anonymous = Factory.CreateClient();
        var view = await DisciplineTestData.FollowAsync(anonymous, filed.TrackingCode, filed.Secret);
        Assert.Equal("Declined", view.GetProperty("status").GetString());
        Assert.Equal("反映的是民事纠纷，请向人民法院起诉。", view.GetProperty("statement").GetString());
    }

    [Fact]
    public async Task DeadlinesJob_RemindsTheReceivingLevelOnce_WithoutContent()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "超期未受理的举报内容");
        await using (var db = app.Database.NewContext())
        {
            var report = await db.Set<MisconductReport>().IgnoreQueryFilters().AsTracking().SingleAsync(r => r.Id == filed.Id);
            report.DecideDueOn = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
            await db.SaveChangesAsync();
        }
        await Factory.RunJobAsync(DisciplineDeadlinesJob.JobName);
        await Factory.RunJobAsync(DisciplineDeadlinesJob.JobName);
        await using var check = app.Database.NewContext();
        var reminders = await check.Set<Notification>().Where(n => n.Kind == "discipline.overdue" && n.Link == $"/Discipline/Details/{filed.Id}").ToListAsync();
        var reminder = Assert.Single(reminders);
        Assert.Equal(t.TownshipDiscipline.Id, reminder.UserId);
        Assert.DoesNotContain("超期未受理", reminder.Body);
    }

    [Fact]
    public async Task StaffFigures_CountOpenReports_OthersOnlyFinishedOnes()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "办理中的举报");
        using var staff = await Factory.CreateApiClientAsync(t.CountyDiscipline);
        var mine = await Http.GetJsonAsync(staff, $"/api/v1/discipline/statistics/{t.County.Id}");
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.Equal(1, mine.GetProperty("open").GetInt32());
        var child = mine.GetProperty("byChild").EnumerateArray().Single(c => c.GetProperty("organizationId").GetInt64() == t.Township.Id);
        Assert.Equal(1, child.GetProperty("reports").GetInt32());
        using var admin = await Factory.CreateApiClientAsync(t.Admin);
        Assert.Equal(0, (await Http.GetJsonAsync(admin, $"/api/v1/discipline/statistics/{t.County.Id}")).GetProperty("total").GetInt32());
        var browser = await Factory.SignInAsync(t.Admin);
        using var page = await browser.GetAsync($"/Discipline/Statistics?org={t.County.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("办理中的举报", await page.Content.ReadAsStringAsync());
    }
}
