using System.Net;
using System.Net.Http.Headers;
using Bastion.Generation;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.SecretaryReviews;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.SecretaryReviews;

/// <summary>The pages: opening, the secretary's report form with a file, the reviewer's rating page, refusals beside the fields, access.</summary>
public sealed class SecretaryReviewPageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task Pages_OpenReportRateAndClose_WithRefusalsShownAndAccessLimited()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var branch = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch);
        var (secretary, _) = await TestData.AddMemberAsync(app.Database, branch);
        var (member, _) = await TestData.AddMemberAsync(app.Database, branch);
        await using (var db = app.Database.NewContext())
            await AppointPosition.HandleAsync(db, branch.Id, new AppointPosition.Command { MemberId = secretary.Id, Role = PositionRole.Secretary, StartedOn = new DateOnly(2020, 1, 1) });
        var organizerUser = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, committee.Id);
        var reviewerUser = await Factory.CreateUserAsync(BastionRoles.Member, committee.Id);
        var organizer = await Factory.SignInAsync(organizerUser);
        var reviewer = await Factory.SignInAsync(reviewerUser);
        var writer = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id, secretary.Id));
        var plain = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, branch.Id, member.Id));

        // Opening from the page: a future year is refused with the rule's sentence beside the year.
        var token = await BastionFactory.AntiforgeryTokenAsync(organizer, $"/SecretaryReviews?org={committee.Id}");
        using (var future = await organizer.PostAsync($"/SecretaryReviews?handler=Open&org={committee.Id}", BastionFactory.Form(
                   ("OrganizationId", committee.Id.ToString()), ("Year", (DateTime.Today.Year + 1).ToString()), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.Contains("不能为尚未开始的年度开展", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        long roundId;
        using (var open = await organizer.PostAsync($"/SecretaryReviews?handler=Open&org={committee.Id}", BastionFactory.Form(
                   ("OrganizationId", committee.Id.ToString()), ("Year", "2021"), ("Reviewers", reviewerUser.UserName), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
            roundId = long.Parse(open.Headers.Location!.OriginalString.Split('/')[^1]);
        }
        long reportId;
        await using (var db = app.Database.NewContext())
            reportId = await db.Set<SecretaryReport>().Where(r => r.RoundId == roundId).Select(r => r.Id).SingleAsync();

        // Access: a plain member gets neither the round nor the report; the secretary finds the report on their page.
        using (var r = await plain.GetAsync($"/SecretaryReviews/Report/{reportId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await plain.GetAsync($"/SecretaryReviews/Round/{roundId}")) Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        using (var r = await plain.GetAsync($"/SecretaryReviews/Rate/{roundId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await writer.GetAsync("/SecretaryReviews/Mine")) Assert.Contains($"data-report=\"{reportId}\"", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The report form with a PDF attachment.
        var formToken = await BastionFactory.AntiforgeryTokenAsync(writer, $"/SecretaryReviews/Report/{reportId}");
        using (var empty = await writer.PostAsync($"/SecretaryReviews/Report/{reportId}?handler=Submit", BastionFactory.Form(("Text", " "), (BastionFactory.AntiforgeryField, formToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("data-testid=\"text-error\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("2021年抓基层党建工作述职。"), "Text");
            form.Add(new StringContent(formToken), BastionFactory.AntiforgeryField);
            var pdf = new ByteArrayContent("%PDF-1.4\n% test\n"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(pdf, "Upload", "述职报告.pdf");
            using var submitted = await writer.PostAsync($"/SecretaryReviews/Report/{reportId}?handler=Submit", form);
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        var page = await (await writer.GetAsync($"/SecretaryReviews/Report/{reportId}")).Content.ReadAsStringAsync();
        Assert.Contains("述职报告.pdf", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-assessment\"", page, StringComparison.Ordinal);

        // The reviewer reads it (and the file) and rates it from the round's rating page; a missing grade is shown beside the form.
        var fileLink = System.Text.RegularExpressions.Regex.Match(page, "handler=File&amp;file=(\\d+)").Groups[1].Value;
        using (var file = await reviewer.GetAsync($"/SecretaryReviews/Report/{reportId}?handler=File&file={fileLink}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        }
        using (var file = await plain.GetAsync($"/SecretaryReviews/Report/{reportId}?handler=File&file={fileLink}")) Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        var rateToken = await BastionFactory.AntiforgeryTokenAsync(reviewer, $"/SecretaryReviews/Rate/{roundId}");
        using (var noGrade = await reviewer.PostAsync($"/SecretaryReviews/Rate/{roundId}", BastionFactory.Form(("reportId", reportId.ToString()), ("grade", ""), (BastionFactory.AntiforgeryField, rateToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noGrade.StatusCode);
            Assert.Contains("data-testid=\"rate-error\"", await noGrade.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The organizer is no reviewer: closing now is refused with the rule's sentence.
        var roundToken = await BastionFactory.AntiforgeryTokenAsync(organizer, $"/SecretaryReviews/Round/{roundId}");
        using (var early = await organizer.PostAsync($"/SecretaryReviews/Round/{roundId}?handler=Close", BastionFactory.Form((BastionFactory.AntiforgeryField, roundToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("评议才能结束", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var rated = await reviewer.PostAsync($"/SecretaryReviews/Rate/{roundId}", BastionFactory.Form(("reportId", reportId.ToString()), ("grade", "FairlyGood"), ("comment", "扎实"), (BastionFactory.AntiforgeryField, rateToken))))
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        using (var closed = await organizer.PostAsync($"/SecretaryReviews/Round/{roundId}?handler=Close", BastionFactory.Form((BastionFactory.AntiforgeryField, roundToken))))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var roundPage = await (await organizer.GetAsync($"/SecretaryReviews/Round/{roundId}")).Content.ReadAsStringAsync();
        Assert.Contains("较好 (80.00)", roundPage, StringComparison.Ordinal);
        var mine = await (await writer.GetAsync("/SecretaryReviews/Mine")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"my-grade\">较好", mine, StringComparison.Ordinal);
        var results = await (await organizer.GetAsync($"/SecretaryReviews/Results?org={committee.Id}&year=2021")).Content.ReadAsStringAsync();
        Assert.Contains($"data-org=\"{branch.Id}\"", results, StringComparison.Ordinal);
        using var export = await organizer.GetAsync($"/SecretaryReviews/Results?handler=Export&org={committee.Id}&year=2021");
        Assert.Equal(Bastion.Shared.Workbook.ContentType, export.Content.Headers.ContentType?.MediaType);
        // English on request.
        var en = await (await organizer.GetAsync($"/SecretaryReviews/Round/{roundId}?culture=en&ui-culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("Fairly good (80.00)", en, StringComparison.Ordinal);
    }
}

/// <summary>The demo county as seeded on first start holds last year's closed review; the demo secretary finds their report.</summary>
public sealed class SecretaryReviewDemoTests
{
    [Fact]
    public async Task DemoSeed_HasAClosedReview_AndTheDemoSecretaryFindsTheirReportAndGrade()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new BastionFactory(database, (BastionFactory.DemoSeedKey, "true"));
        factory.StartServer();
        await using (var db = database.NewContext())
        {
            var round = await db.Set<SecretaryReviewRound>().SingleAsync();
            Assert.Equal((ReviewStatus.Closed, DateTime.UtcNow.Year - 1), (round.Status, round.Year));
            var reports = await db.Set<SecretaryReport>().Where(r => r.RoundId == round.Id).ToListAsync();
            Assert.True(reports.Count > 5);
            Assert.All(reports.Where(r => r.SubmittedAt is not null), r => Assert.Equal(ReviewOutcome.Graded, r.Outcome));
            Assert.True(await db.Set<SecretaryRating>().CountAsync() >= reports.Count(r => r.SubmittedAt is not null) * 3);
        }

        using var browser = factory.CreateBrowser();
        using (var login = await BastionFactory.PostLoginAsync(browser, "secretary", DemoSeeder.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var mine = await (await browser.GetAsync("/SecretaryReviews/Mine")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"my-report\"", mine, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"my-grade\"", mine, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(mine, "/SecretaryReviews/Report/(\\d+)").Groups[1].Value;
        var report = await browser.GetAsync($"/SecretaryReviews/Report/{link}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("data-testid=\"final-result\"", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var organizer = factory.CreateBrowser();
        using (var login = await BastionFactory.PostLoginAsync(organizer, "orgdept", DemoSeeder.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var list = await (await organizer.GetAsync("/SecretaryReviews")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review-round\"", list, StringComparison.Ordinal);
    }
}
