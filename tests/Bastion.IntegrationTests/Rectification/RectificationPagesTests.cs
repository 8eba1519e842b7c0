using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Rectification;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Rectification.RectificationCalls;

namespace Bastion.IntegrationTests.Rectification;

/// <summary>The pages: who may open them, the forms from identification to closing with errors beside the fields, the organization page's notice.</summary>
public sealed partial class RectificationPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private const string Token = BastionFactory.AntiforgeryField;

    [Fact]
    public async Task ABranchSecretaryAndAMember_AreRefused_OnThePages_AndInTheApi()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var id = await IdentifyAsync(await app.Factory.CreateApiClientAsync(tree.CountyStaff), tree.Village.Id);
        foreach (var user in new[] { tree.VillageSecretary, tree.VillageMember })
        {
            var browser = await app.Factory.SignInAsync(user);
            foreach (var page in new[] { "/Rectification", "/Rectification/Identify", $"/Rectification/Case/{id}", $"/Rectification/Print/{id}" })
            {
                using var response = await browser.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/StatusCode/403", response.Headers.Location!.OriginalString);
            }
            var api = await app.Factory.CreateApiClientAsync(user);
            using (var list = await api.GetAsync("/api/v1/rectification/cases")) await Http.ProblemAsync(list, HttpStatusCode.Forbidden);
            using (var one = await api.GetAsync($"/api/v1/rectification/cases/{id}")) await Http.ProblemAsync(one, HttpStatusCode.Forbidden);
            using (var close = await CloseAsync(api, id)) await Http.ProblemAsync(close, HttpStatusCode.Forbidden);
            using (var identify = await Http.PostJsonAsync(api, "/api/v1/rectification/cases", new { organizationId = tree.SecondVillage.Id, situations = new[] { "PoorService" }, reason = "x" }))
                await Http.ProblemAsync(identify, HttpStatusCode.Forbidden);
        }
        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<RectificationCase>().AnyAsync(c => c.OrganizationId == tree.SecondVillage.Id));
    }

    [Fact]
    public async Task TheForms_TakeACaseFromIdentificationToClosing_WithRefusalsBesideTheFields()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var browser = await app.Factory.SignInAsync(tree.CountyStaff);

        // Identify: no situation chosen → the message beside the situations, nothing opened.
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Rectification/Identify?org={tree.Village.Id}");
        using (var bad = await browser.PostAsync("/Rectification/Identify", BastionFactory.Form(("org", tree.Village.Id.ToString()), ("IdentifiedOn", D(Today.AddDays(-30))), ("Reason", "书记空缺"), (Token, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("data-testid=\"Situations-error\"", await bad.Content.ReadAsStringAsync());
        }
        using var identified = await browser.PostAsync("/Rectification/Identify", BastionFactory.Form(("org", tree.Village.Id.ToString()), ("IdentifiedOn", D(Today.AddDays(-30))),
            ("Situations", "CommitteeIncomplete"), ("Situations", "AffairsNotOpen"), ("Reason", "书记空缺四个月，村务公开栏长期未更新。"), ("warnings", "secretary-vacant"), (Token, token)));
        Assert.Equal(HttpStatusCode.Redirect, identified.StatusCode);
        var location = identified.Headers.Location!.OriginalString;
        var id = long.Parse(CaseId().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var casePage = $"/Rectification/Case/{id}";

        // A second identification of the same village: the rule's sentence beside the organization.
        using (var again = await browser.PostAsync("/Rectification/Identify", BastionFactory.Form(("org", tree.Village.Id.ToString()), ("Situations", "PoorService"), ("Reason", "群众意见大"), (Token, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            var html = await again.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"OrganizationId-error\"", html);
            Assert.Contains("该党组织已有未销号的整顿案例", html);
        }

        // The plan without measures: refused with the sentence beside the measures.
        var page = await (await browser.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"plan-form\"", page);
        token = BastionFactory.AntiforgeryToken(page);
        (string, string)[] plan = [("PlanText", "一村一策：选好书记，规范村务公开。"), ("LeaderName", "张伟"), ("LeaderPost", "副县长"), ("FirstSecretary", "刘洋"), ("PairedUnit", "县财政局"),
            ("TargetOn", D(Today.AddDays(90))), (Token, token)];
        using (var noSteps = await browser.PostAsync($"{casePage}?handler=Plan", BastionFactory.Form(plan)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noSteps.StatusCode);
            var html = await noSteps.Content.ReadAsStringAsync();
            Assert.Matches("data-testid=\"Steps-error\">整顿方案至少要列出一项整改措施", html);
            Assert.Contains("一村一策：选好书记", html); // what was typed stays in the form
        }
        await PostOkAsync(browser, $"{casePage}?handler=Plan", [.. plan, ("StepTexts[0]", "选举产生新书记"), ("StepDues[0]", D(Today.AddDays(20))),
            ("StepTexts[1]", "每季度公开村务财务"), ("StepDues[1]", D(Today.AddDays(60)))]);

        // Closing now: refused at the top of the closing form with the rule's sentence.
        token = await BastionFactory.AntiforgeryTokenAsync(browser, casePage);
        using (var close = await browser.PostAsync($"{casePage}?handler=Close", BastionFactory.Form(("ClosedOn", D(Today)), ("Evidence", "已整改"), (Token, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, close.StatusCode);
            Assert.Contains("验收合格后才能销号。", await close.Content.ReadAsStringAsync());
        }
        // Starting in the future: beside the date.
        using (var future = await browser.PostAsync($"{casePage}?handler=Start", BastionFactory.Form(("On", D(Today.AddDays(1))), (Token, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.Matches("data-testid=\"On-error\">已完成事项的日期不能晚于今天。", await future.Content.ReadAsStringAsync());
        }
        await PostOkAsync(browser, $"{casePage}?handler=Start", [("On", D(Today.AddDays(-20))), (Token, token)]);

        await using (var db = app.Database.NewContext())
        {
            foreach (var step in await db.Set<RectificationStep>().Where(s => s.CaseId == id).Select(s => s.Id).ToListAsync())
                await PostOkAsync(browser, $"{casePage}?handler=Complete", [("StepId", step.ToString()), ("On", D(Today.AddDays(-1))), ("Text", "已完成"), (Token, token)]);
        }

        // A progress note with a photo as evidence, served back through the API for the case.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(D(Today)), "On");
            form.Add(new StringContent("召开村民代表会议，公开上半年财务。"), "Text");
            form.Add(new StringContent(token), Token);
            var png = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);
            png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(png, "file", "公开栏.png");
            using var noted = await browser.PostAsync($"{casePage}?handler=Note", form);
            Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        }
        await PostOkAsync(browser, $"{casePage}?handler=Check", [("CheckedOn", D(Today)), ("Body", "县委组织部验收组"), ("Passed", "true"), ("Opinion", "班子健全，村务公开规范。"), (Token, token)]);
        await PostOkAsync(browser, $"{casePage}?handler=Close", [("ClosedOn", D(Today)), ("Evidence", "验收合格，同意销号。"), (Token, token)]);

        var closed = await (await browser.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"Closed\"", closed);
        Assert.Contains("验收合格，同意销号。", closed);
        var file = FileLink().Match(closed);
        Assert.True(file.Success, "the note's file is linked");
        using (var served = await browser.GetAsync(WebUtility.HtmlDecode(file.Groups[1].Value)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        }
        var print = await browser.GetAsync($"/Rectification/Print/{id}");
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        var printed = await print.Content.ReadAsStringAsync();
        Assert.Contains("选举产生新书记", printed);
        Assert.Contains("张伟（副县长）", printed);
    }

    [Fact]
    public async Task TheLedgerPage_AndTheOrganizationPage_ShowTheOpenCase()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var api = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        var (id, _) = await RectifyingAsync(api, tree.Village.Id, Today.AddDays(-5));

        var open = await Http.GetJsonAsync(api, $"/api/v1/rectification/organizations/{tree.Village.Id}/open");
        Assert.Equal(id, open.GetProperty("id").GetInt64());
        Assert.Equal(1, open.GetProperty("stepsOverdue").GetInt32());
        using (var none = await api.GetAsync($"/api/v1/rectification/organizations/{tree.SecondVillage.Id}/open"))
            Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);

        var staff = await app.Factory.SignInAsync(tree.CountyStaff);
        var ledger = await (await staff.GetAsync("/Rectification")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"case-row-{id}\"", ledger);
        Assert.Matches("data-testid=\"count-Rectifying\">1<", ledger);
        Assert.Contains("data-testid=\"nav-rectification\"", ledger);
        var english = await (await staff.GetAsync("/Rectification?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("Rectification ledger", english);
        var orgForStaff = await (await staff.GetAsync($"/Organizations/Details/{tree.Village.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Rectification/Case/{id}\"", orgForStaff);
        var second = await (await staff.GetAsync($"/Organizations/Details/{tree.SecondVillage.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"/Rectification/Identify?org={tree.SecondVillage.Id}", second);

        // The village's secretary sees that the branch is under rectification, with its overdue measure, but no link into the case.
        var secretary = await app.Factory.SignInAsync(tree.VillageSecretary);
        var own = await (await secretary.GetAsync($"/Organizations/Details/{tree.Village.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"open-rectification\"", own);
        Assert.Contains("1 项逾期", own);
        Assert.DoesNotContain("/Rectification/Case/", own);
        Assert.DoesNotContain("nav-rectification", own);
    }

    private static async Task PostOkAsync(HttpClient browser, string url, (string, string)[] fields)
    {
        using var response = await browser.PostAsync(url, BastionFactory.Form(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode} {Errors(await response.Content.ReadAsStringAsync())}");
    }

    private static string Errors(string html) => string.Join(" | ", ErrorText().Matches(html).Select(m => m.Groups[1].Value));

    [GeneratedRegex(@"/Rectification/Case/(\d+)")]
    private static partial Regex CaseId();

    [GeneratedRegex("href=\"(/api/v1/rectification/cases/\\d+/files/\\d+)\"")]
    private static partial Regex FileLink();

    [GeneratedRegex("(?:invalid-feedback[^>]*|form-error\")>([^<]+)<")]
    private static partial Regex ErrorText();
}
