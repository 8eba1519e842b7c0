using System.Globalization;
using System.Net;
using Bastion.Development;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Development.DevelopmentKit;

namespace Bastion.IntegrationTests.Development;

/// <summary>The /Development pages through their forms: registering, recording steps with errors beside fields, the views.</summary>
public sealed class DevelopmentPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_RegistersAnApplicant_AndRecordsTheTalk_WithErrorsBesideTheFields()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var user = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, kit.Branch.Id);
        using var browser = await app.Factory.SignInAsync(user);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Development/Register?org={kit.Branch.Id}");

        var applied = Today.AddDays(-10);
        using (var young = await browser.PostAsync($"/Development/Register?org={kit.Branch.Id}", BastionFactory.Form(
                   ("Name", "页面申请人"), ("ResidentId", ResidentIdBornOn(applied.AddYears(-17))), ("AppliedOn", D(applied)), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, young.StatusCode);
            var html = await young.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"ResidentId-error\"", html, StringComparison.Ordinal);
            Assert.Contains("申请时须年满18周岁", html, StringComparison.Ordinal);
        }
        var name = TestData.Unique("页面申请人");
        using var ok = await browser.PostAsync($"/Development/Register?org={kit.Branch.Id}", BastionFactory.Form(
            ("Name", name), ("ResidentId", ResidentIdBornOn(new DateOnly(2000, 1, 2))), ("AppliedOn", D(applied)), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var location = ok.Headers.Location!.ToString();
        Assert.StartsWith("/Development/Candidate/", location, StringComparison.Ordinal);
        var id = long.Parse(location.Split('/', '?')[3], CultureInfo.InvariantCulture);

        using (var page = await browser.GetAsync(location))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(name, html, StringComparison.Ordinal);
            Assert.Contains("党组织派人谈话", html, StringComparison.Ordinal);
        }
        token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Development/Candidate/{id}");
        using (var future = await browser.PostAsync($"/Development/Candidate/{id}?handler=Step", BastionFactory.Form(
                   ("Number", "2"), ("Date", D(Today.AddDays(2))), ("TalkerName", "王书记"), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.Contains("data-testid=\"Date-error\"", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var talk = await browser.PostAsync($"/Development/Candidate/{id}?handler=Step", BastionFactory.Form(
                   ("Number", "2"), ("Date", D(Today.AddDays(-2))), ("TalkerMemberId", Id(kit.Members[1].Id)), (BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, talk.StatusCode);
        await using var db = app.Database.NewContext();
        var step = await db.Set<DevelopmentStep>().SingleAsync(s => s.CandidateId == id && s.Number == 2);
        Assert.Equal(Today.AddDays(-2), step.Date);
        Assert.Equal(kit.Members[1].Id, (await db.Set<StepPerson>().SingleAsync(p => p.StepId == step.Id)).MemberId);

        using var board = await browser.GetAsync($"/Development?org={kit.Branch.Id}");
        Assert.Contains($"data-testid=\"candidate-{id}\"", await board.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var print = await browser.GetAsync($"/Development/Print/{id}");
        var printed = await print.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"printable-file\"", printed, StringComparison.Ordinal);
        Assert.Contains("development.national.2014", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introducers_ProbationaryIntroducerIsRefusedBesideTheField_AndUpperViewsRender()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        await using (var db = app.Database.NewContext())
            await db.Members.Where(m => m.Id == kit.Members[5].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Category, Bastion.Members.MemberCategory.Probationary).SetProperty(m => m.FullOn, (DateOnly?)null));
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 8);
        var user = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, kit.Branch.Id);
        using var browser = await app.Factory.SignInAsync(user);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Development/Candidate/{id}");
        using var refused = await browser.PostAsync($"/Development/Candidate/{id}?handler=Step", BastionFactory.Form(
            ("Number", "9"), ("Date", D(t.Steps[9])), ("IntroducerIds", Id(kit.Members[2].Id)), ("IntroducerIds", Id(kit.Members[5].Id)), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"IntroducerIds-error\"", html, StringComparison.Ordinal);
        Assert.Contains("须有两名正式党员作入党介绍人", html, StringComparison.Ordinal);

        var upper = await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, kit.County.Id);
        using var upperBrowser = await app.Factory.SignInAsync(upper);
        using var subtree = await upperBrowser.GetAsync($"/Development/Subtree?org={kit.County.Id}");
        Assert.Equal(HttpStatusCode.OK, subtree.StatusCode);
        Assert.Contains("data-stage=\"3\">1<", await subtree.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var queue = await upperBrowser.GetAsync("/Development/Queue");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        token = await BastionFactory.AntiforgeryTokenAsync(upperBrowser, $"/Development/Subtree?org={kit.County.Id}");
        using var plan = await upperBrowser.PostAsync($"/Development/Subtree?org={kit.County.Id}&year={Today.Year}&handler=Plan",
            BastionFactory.Form(("Target", "12"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        await using var check = app.Database.NewContext();
        Assert.Equal(12, await check.Set<DevelopmentPlan>().Where(p => p.OrganizationId == kit.County.Id && p.Year == Today.Year).Select(p => p.Target).SingleAsync());
    }
}
