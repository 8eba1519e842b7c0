using System.Net;
using System.Text;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Study;

/// <summary>The study secretary's pages: publish a material, record a training session, quiz results, the hours export.</summary>
public sealed class StudyManagePageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static string Today => DateTime.Today.ToString("yyyy-MM-dd");

    [Fact]
    public async Task PublishPage_BadInputShowsMessagesBesideFields_SavesNothing_ThenArticleAndDocumentArePublished()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T1.Id));
        var page = $"/Study/Manage?org={tree.T1.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, page);

        using (var bad = await secretary.PostAsync(page + "&handler=Publish", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("M.Title", ""), ("M.Kind", "Article"), ("M.Body", ""), ("M.CreditHours", "0.3"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("id=\"M_Title-error\"", html);
            Assert.Contains("id=\"M_Body-error\"", html);
            Assert.Contains("id=\"M_CreditHours-error\"", html);
            Assert.DoesNotContain("id=\"S_Title-error\"", html);
        }
        using (var notANumber = await secretary.PostAsync(page + "&handler=Publish", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("M.Title", "视频"), ("M.Kind", "Video"), ("M.Url", "javascript:alert(1)"), ("M.LengthMinutes", "abc"), ("M.CreditHours", "1"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
            var html = await notANumber.Content.ReadAsStringAsync();
            Assert.Contains("id=\"M_LengthMinutes-error\"", html);
            Assert.DoesNotContain("id=\"M_Url-error\"", html); // binding errors stop before the use case
        }
        using (var noDocument = await secretary.PostAsync(page + "&handler=Publish", new MultipartFormDataContent
               { { new StringContent(token), BastionFactory.AntiforgeryField }, { new StringContent("文件"), "M.Title" }, { new StringContent("Document"), "M.Kind" },
                 { new StringContent("30"), "M.LengthMinutes" }, { new StringContent("1"), "M.CreditHours" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noDocument.StatusCode);
            Assert.Contains("id=\"file-error\"", await noDocument.Content.ReadAsStringAsync());
        }
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Set<StudyMaterial>().IgnoreQueryFilters().CountAsync(m => m.OrganizationId == tree.T1.Id));

        using (var ok = await secretary.PostAsync(page + "&handler=Publish", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("M.Title", "学习党章"), ("M.Kind", "Article"), ("M.Body", "## 总纲\n\n中国共产党是中国工人阶级的先锋队。"), ("M.CreditHours", "1.5"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Contains("done=material", ok.Headers.Location!.OriginalString);
        }
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        using (var doc = await secretary.PostAsync(page + "&handler=Publish", new MultipartFormDataContent
               { { new StringContent(token), BastionFactory.AntiforgeryField }, { new StringContent("学习文件"), "M.Title" }, { new StringContent("Document"), "M.Kind" },
                 { new StringContent("30"), "M.LengthMinutes" }, { new StringContent("2"), "M.CreditHours" }, { new ByteArrayContent(pdf), "file", "文件.pdf" } }))
            Assert.Equal(HttpStatusCode.Redirect, doc.StatusCode);
        await using (var db = app.Database.NewContext())
        {
            var saved = await db.Set<StudyMaterial>().IgnoreQueryFilters().Where(m => m.OrganizationId == tree.T1.Id).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([("学习党章", MaterialKind.Article, 1.5, false), ("学习文件", MaterialKind.Document, 2.0, true)],
                saved.Select(m => (m.Title, m.Kind, m.CreditHours, m.AttachmentId is not null)));
        }
        // A member below sees it on "my study".
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var mine = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.Member, tree.V1a.Id, member.Id));
        Assert.Contains("学习党章", await mine.GetStringAsync("/Study"));
        // A member may not manage.
        Assert.NotEqual(HttpStatusCode.OK, (await mine.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task TrainingPage_CreditsAttendees_AndTheHoursExportShowsTheRollUp()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (a, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var (b, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var (outside, _) = await TestData.AddMemberAsync(app.Database, tree.V2a);
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T1.Id));
        var page = $"/Study/Manage?org={tree.T1.Id}";
        var html = await secretary.GetStringAsync(page);
        Assert.Contains($"value=\"{a.Id}\"", html);
        Assert.DoesNotContain($"name=\"S.MemberIds\" id=\"S_M_{outside.Id}\"", html);
        var token = BastionFactory.AntiforgeryToken(html);

        using (var bad = await secretary.PostAsync(page + "&handler=Training", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("S.Title", "专题培训"), ("S.HeldOn", Today), ("S.Duration", "full"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("id=\"S_MemberIds-error\"", await bad.Content.ReadAsStringAsync());
        }
        using (var stranger = await secretary.PostAsync(page + "&handler=Training", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("S.Title", "专题培训"), ("S.HeldOn", Today), ("S.Duration", "full"), ("S.MemberIds", a.Id.ToString()), ("S.MemberIds", outside.Id.ToString()))))
            Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Set<TrainingSession>().CountAsync(s => s.OrganizationId == tree.T1.Id));

        using (var ok = await secretary.PostAsync(page + "&handler=Training", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("S.Title", "专题培训"), ("S.HeldOn", Today), ("S.Location", "镇党校"), ("S.Duration", "full"), ("S.MemberIds", a.Id.ToString()))))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using (var db = app.Database.NewContext())
        {
            var attendance = await db.Set<TrainingAttendance>().IgnoreQueryFilters().Where(x => x.MemberId == a.Id || x.MemberId == b.Id).ToListAsync();
            Assert.Equal([(a.Id, 8.0)], attendance.Select(x => (x.MemberId, x.Hours)));
        }

        Assert.Contains($"handler=Export&org={tree.T1.Id}", await secretary.GetStringAsync($"/Study/Hours?org={tree.T1.Id}"));
        using var export = await secretary.GetAsync($"/Study/Hours?handler=Export&org={tree.T1.Id}&year={DateTime.Today.Year}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => (Name: r["组织"]?.ToString()!.Trim('\u3000'), Members: r["党员数"]?.ToString(), Hours: r["总学时"]?.ToString(), Average: r["人均学时"]?.ToString())).ToList();
        Assert.Equal(tree.T1.Name, rows[0].Name);
        Assert.Contains((tree.T1.Name, "2", "8", "4"), rows);
        Assert.Contains((tree.V1a.Name, "2", "8", "4"), rows);
        Assert.Equal(2, rows.Count); // the roll-up lists organizations with members, as on the page
    }

    [Fact]
    public async Task CampaignPage_RejectsAnEndBeforeTheStart_ThenAssignsTheCampaignDownTheTree()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T2.Id));
        var page = $"/Study/Manage?org={tree.T2.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, page);
        var start = DateTime.Today.ToString("yyyy-MM-dd");
        using (var bad = await secretary.PostAsync(page + "&handler=Campaign", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("C.Title", "党史学习教育"), ("C.StartsOn", start), ("C.EndsOn", DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd")))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("id=\"C_EndsOn-error\"", await bad.Content.ReadAsStringAsync());
        }
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Set<StudyCampaign>().CountAsync(c => c.OrganizationId == tree.T2.Id));
        using (var ok = await secretary.PostAsync(page + "&handler=Campaign", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("C.Title", "党史学习教育"), ("C.StartsOn", start), ("C.EndsOn", DateTime.Today.AddDays(60).ToString("yyyy-MM-dd")), ("C.AssignToSubtree", "true"))))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using (var db = app.Database.NewContext())
        {
            var campaign = await db.Set<StudyCampaign>().SingleAsync(c => c.OrganizationId == tree.T2.Id);
            Assert.Equal("党史学习教育", campaign.Title);
            Assert.NotNull(campaign.CascadeId);
        }
        Assert.Contains("党史学习教育</option>", await secretary.GetStringAsync(page));
    }

    [Fact]
    public async Task ResultsPage_CountsAttemptedAndPassedPerChild()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (a, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var (b, _) = await TestData.AddMemberAsync(app.Database, tree.V1b);
        Quiz quiz;
        long questionId;
        await using (var county = CascadeTree.Scoped(app.Database, tree.C))
        {
            var bank = await Quizzes.CreateBankAsync(county, tree.C.Id, "题库");
            questionId = (await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.TrueFalse, Text = "判断", Correct = [0] })).Id;
            quiz = await Quizzes.CreateQuizAsync(county, tree.C.Id, new() { BankId = bank.Id, Title = "结果测试", QuestionCount = 1, TimeLimitMinutes = 5, PassPercent = 100, MaxAttempts = 1 });
        }
        foreach (var (member, org, answer) in new[] { (a, tree.V1a, 0), (b, tree.V1b, 1) })
        {
            await using var db = CascadeTree.Scoped(app.Database, org);
            var attempt = await Quizzes.StartAsync(db, member.Id, quiz.Id);
            await Quizzes.SubmitAsync(db, member.Id, attempt.Id, new Dictionary<long, int[]> { [questionId] = [answer] });
        }
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T1.Id));
        var html = await secretary.GetStringAsync($"/Study/Results?org={tree.T1.Id}&quiz={quiz.Id}");
        Assert.Contains($"data-org=\"{tree.T1.Id}\" data-attempted=\"2\" data-passed=\"1\"", html);
        Assert.Contains($"data-org=\"{tree.V1a.Id}\" data-attempted=\"1\" data-passed=\"1\"", html);
        Assert.Contains($"data-org=\"{tree.V1b.Id}\" data-attempted=\"1\" data-passed=\"0\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Study/Results?org={tree.T1.Id}&quiz=999999999")).StatusCode);
    }
}
