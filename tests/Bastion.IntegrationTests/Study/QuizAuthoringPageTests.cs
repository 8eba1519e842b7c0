using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Study;

/// <summary>Authoring pages: question banks, questions of the three kinds with their errors beside the fields, quizzes.</summary>
public sealed class QuizAuthoringPageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static async Task<int> QuestionsAsync(TestDatabase database, long bankId)
    {
        await using var db = database.NewContext();
        return await db.Set<Question>().CountAsync(q => q.BankId == bankId);
    }

    [Fact]
    public async Task BankAndQuestionPages_RefuseBadQuestionsBesideTheirFields_AndAddGoodOnes()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T1.Id));
        var banks = $"/Study/Banks?org={tree.T1.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, banks);

        using (var bad = await secretary.PostAsync(banks + "&handler=Create", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("B.Title", " "))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("id=\"B_Title-error\"", await bad.Content.ReadAsStringAsync());
        }
        string bankPage;
        using (var ok = await secretary.PostAsync(banks + "&handler=Create", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("B.Title", "党章党规题库"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            bankPage = ok.Headers.Location!.OriginalString.Split('?')[0];
        }
        var bankId = long.Parse(bankPage.Split('/').Last());
        Assert.Contains("党章党规题库", await secretary.GetStringAsync(banks));

        async Task<string> PostBad(params (string, string)[] fields)
        {
            using var response = await secretary.PostAsync(bankPage + "?handler=Add", BastionFactory.Form([(BastionFactory.AntiforgeryField, token), .. fields]));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        // Single choice with two correct answers.
        var html = await PostBad(("Q.Kind", "SingleChoice"), ("Q.Text", "党的最高领导机关是？"), ("Q.Options[0]", "全国代表大会"), ("Q.Options[1]", "中央委员会"),
            ("Q.Correct", "0"), ("Q.Correct", "1"));
        Assert.Contains("id=\"Q_Correct-error\"", html);
        Assert.DoesNotContain("id=\"Q_Options-error\"", html);
        // Fewer than two options, and an empty text.
        html = await PostBad(("Q.Kind", "MultipleChoice"), ("Q.Text", ""), ("Q.Options[0]", "只有一项"), ("Q.Correct", "0"));
        Assert.Contains("id=\"Q_Options-error\"", html);
        Assert.Contains("id=\"Q_Text-error\"", html);
        // An empty option between two filled ones.
        html = await PostBad(("Q.Kind", "MultipleChoice"), ("Q.Text", "题"), ("Q.Options[0]", "甲"), ("Q.Options[1]", ""), ("Q.Options[2]", "丙"), ("Q.Correct", "0"));
        Assert.Contains("id=\"Q_Options-error\"", html);
        // True/false without its answer.
        html = await PostBad(("Q.Kind", "TrueFalse"), ("Q.Text", "预备期为一年。"));
        Assert.Contains("id=\"Q_TrueFalse-error\"", html);
        // Multiple choice with no correct option; an unknown kind.
        html = await PostBad(("Q.Kind", "MultipleChoice"), ("Q.Text", "题"), ("Q.Options[0]", "甲"), ("Q.Options[1]", "乙"));
        Assert.Contains("id=\"Q_Correct-error\"", html);
        html = await PostBad(("Q.Kind", "Essay"), ("Q.Text", "题"));
        Assert.Contains("id=\"Q_Kind-error\"", html);
        Assert.Equal(0, await QuestionsAsync(app.Database, bankId));

        foreach (var fields in new[]
                 {
                     new[] { ("Q.Kind", "SingleChoice"), ("Q.Text", "党的最高领导机关是？"), ("Q.Options[0]", "全国代表大会和它所产生的中央委员会"), ("Q.Options[1]", "中央政治局"), ("Q.Options[2]", ""), ("Q.Correct", "0") },
                     new[] { ("Q.Kind", "MultipleChoice"), ("Q.Text", "党员的义务包括？"), ("Q.Options[0]", "认真学习"), ("Q.Options[1]", "全心全意为人民服务"), ("Q.Options[2]", "谋取私利"), ("Q.Correct", "0"), ("Q.Correct", "1") },
                     new[] { ("Q.Kind", "TrueFalse"), ("Q.Text", "预备党员的预备期为一年。"), ("Q.Options[0]", "ignored"), ("Q.TrueFalse", "0") },
                 })
        {
            using var ok = await secretary.PostAsync(bankPage + "?handler=Add", BastionFactory.Form([(BastionFactory.AntiforgeryField, token), .. fields]));
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        await using (var db = app.Database.NewContext())
        {
            var saved = await db.Set<Question>().Where(q => q.BankId == bankId).OrderBy(q => q.Id).Select(q => new { q.Kind, q.OptionsJson, q.AnswerMask }).ToListAsync();
            Assert.Equal([(QuestionKind.SingleChoice, 1), (QuestionKind.MultipleChoice, 3), (QuestionKind.TrueFalse, 1)], saved.Select(q => (q.Kind, q.AnswerMask)));
            Assert.Equal(2, System.Text.Json.JsonSerializer.Deserialize<List<string>>(saved[0].OptionsJson)!.Count); // the empty trailing option is not one
        }
        var page = await secretary.GetStringAsync(bankPage);
        Assert.Equal(4, page.Split("data-correct=\"true\"").Length - 1);

        // A branch below sees the township's bank but may not add to it.
        var branch = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.V1a.Id));
        var below = await branch.GetStringAsync(bankPage);
        Assert.Contains("data-testid=\"read-only\"", below);
        Assert.DoesNotContain("data-testid=\"question-form\"", below);
        // A member may not author.
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var mine = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.Member, tree.V1a.Id, member.Id));
        Assert.NotEqual(HttpStatusCode.OK, (await mine.GetAsync(banks)).StatusCode);
    }

    [Fact]
    public async Task QuizPage_ShowsEachErrorBesideItsField_ThenCreatesTheQuiz()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        long bankId;
        await using (var db = CascadeTree.Scoped(app.Database, tree.T2))
        {
            var bank = await Quizzes.CreateBankAsync(db, tree.T2.Id, "题库");
            bankId = bank.Id;
            for (var i = 0; i < 3; i++)
                await Quizzes.AddQuestionAsync(db, bank.Id, new Quizzes.QuestionInput { Kind = QuestionKind.TrueFalse, Text = $"判断{i}", Correct = [0] });
        }
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T2.Id));
        var page = $"/Study/NewQuiz?org={tree.T2.Id}";
        var form = await secretary.GetStringAsync(page);
        Assert.Contains($"value=\"{bankId}\"", form);
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, page);

        using (var bad = await secretary.PostAsync(page + "&handler=Create", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("Z.BankId", bankId.ToString()), ("Z.Title", ""), ("Z.QuestionCount", "4"), ("Z.TimeLimitMinutes", "0"), ("Z.PassPercent", "101"), ("Z.MaxAttempts", "11"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            foreach (var field in new[] { "Title", "QuestionCount", "TimeLimitMinutes", "PassPercent", "MaxAttempts" }) Assert.Contains($"id=\"Z_{field}-error\"", html);
            Assert.DoesNotContain("id=\"Z_BankId-error\"", html);
        }
        using (var noBank = await secretary.PostAsync(page + "&handler=Create", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("Z.BankId", ""), ("Z.Title", "测试"), ("Z.QuestionCount", "2"), ("Z.TimeLimitMinutes", "20"), ("Z.PassPercent", "60"), ("Z.MaxAttempts", "2"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBank.StatusCode);
            Assert.Contains("id=\"Z_BankId-error\"", await noBank.Content.ReadAsStringAsync());
        }
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Set<Quiz>().CountAsync(q => q.BankId == bankId));

        using (var ok = await secretary.PostAsync(page + "&handler=Create", BastionFactory.Form((BastionFactory.AntiforgeryField, token),
                   ("Z.BankId", bankId.ToString()), ("Z.Title", "党章知识测试"), ("Z.QuestionCount", "3"), ("Z.TimeLimitMinutes", "20"), ("Z.PassPercent", "60"), ("Z.MaxAttempts", "2"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Contains("done=quiz", ok.Headers.Location!.OriginalString);
        }
        await using (var db = app.Database.NewContext())
        {
            var quiz = await db.Set<Quiz>().SingleAsync(q => q.BankId == bankId);
            Assert.Equal(("党章知识测试", 3, 20, 60, 2, tree.T2.Id), (quiz.Title, quiz.QuestionCount, quiz.TimeLimitMinutes, quiz.PassPercent, quiz.MaxAttempts, quiz.OrganizationId));
        }
        Assert.Contains("党章知识测试", await secretary.GetStringAsync(page));
        // The management page and the navigation lead here.
        var manage = await secretary.GetStringAsync($"/Study/Manage?org={tree.T2.Id}");
        Assert.Contains($"/Study/NewQuiz?org={tree.T2.Id}", manage);
        Assert.Contains($"/Study/Banks?org={tree.T2.Id}", manage);
        Assert.Contains("href=\"/Study/Banks\"", manage);
    }

    [Fact]
    public async Task ImportFromExcel_RefusesTheWholeSheetWithRowErrors_ThenImportsTheTemplatesRows()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        long bankId;
        await using (var db = CascadeTree.Scoped(app.Database, tree.V2b))
            bankId = (await Quizzes.CreateBankAsync(db, tree.V2b.Id, "支部题库")).Id;
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.V2b.Id));
        var page = $"/Study/Bank/{bankId}";
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, page);

        async Task<HttpResponseMessage> PostAsync(byte[] workbook) =>
            await secretary.PostAsync(page + "?handler=Import", new MultipartFormDataContent
                { { new StringContent(token), BastionFactory.AntiforgeryField }, { new ByteArrayContent(workbook), "file", "试题.xlsx" } });

        object?[] Row(string kind, string text, string? a, string? b, string answer) => [kind, text, a, b, null, null, null, null, null, null, answer];
        var bad = Bastion.Shared.Workbook.Write("试题", ImportQuestions.Columns,
        [
            Row("单选题", "好题", "甲", "乙", "A"),
            Row("单选题", "两个答案", "甲", "乙", "AB"),
            Row("问答题", "题型不对", "甲", "乙", "A"),
            Row("多选题", "一个选项", "甲", null, "A"),
            Row("判断题", "答案不对", null, null, "也许"),
        ]);
        using (var refused = await PostAsync(bad))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("data-row=\"3\" data-column=\"正确答案\"", html);
            Assert.Contains("data-row=\"4\" data-column=\"题型\"", html);
            Assert.Contains("data-row=\"5\" data-column=\"选项A\"", html);
            Assert.Contains("data-row=\"6\" data-column=\"正确答案\"", html);
            Assert.DoesNotContain("data-row=\"2\"", html);
        }
        using (var notAWorkbook = await PostAsync("not a workbook"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAWorkbook.StatusCode);
            Assert.Contains("id=\"import-file-error\"", await notAWorkbook.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await QuestionsAsync(app.Database, bankId));

        var template = await secretary.GetByteArrayAsync(page + "?handler=Template");
        using (var ok = await PostAsync(template))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Contains("done=imported&count=3", ok.Headers.Location!.OriginalString);
        }
        await using (var db = app.Database.NewContext())
        {
            var saved = await db.Set<Question>().Where(q => q.BankId == bankId).OrderBy(q => q.Id).Select(q => new { q.Kind, q.AnswerMask }).ToListAsync();
            Assert.Equal([(QuestionKind.SingleChoice, 1), (QuestionKind.MultipleChoice, 3), (QuestionKind.TrueFalse, 1)], saved.Select(q => (q.Kind, q.AnswerMask)));
        }
        // Another branch's secretary cannot import into this bank.
        var other = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.V2c.Id));
        var otherToken = await BastionFactory.AntiforgeryTokenAsync(other, $"/Study/Banks?org={tree.V2c.Id}");
        using (var denied = await other.PostAsync(page + "?handler=Import", new MultipartFormDataContent
                   { { new StringContent(otherToken), BastionFactory.AntiforgeryField }, { new ByteArrayContent(template), "file", "试题.xlsx" } }))
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(3, await QuestionsAsync(app.Database, bankId));
    }
}
