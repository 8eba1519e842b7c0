using System.Net;
using System.Text.RegularExpressions;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Study;

/// <summary>The member's quiz pages: list with attempts left, start, answer each kind of question, grade, late refusal.</summary>
public sealed partial class QuizPageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task MemberTakesAQuizOnThePage_IsGraded_AndALateSubmissionIsRefused()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V1b);
        var correct = new Dictionary<long, string[]>();
        Quiz quiz;
        await using (var county = CascadeTree.Scoped(app.Database, tree.C))
        {
            var bank = await Quizzes.CreateBankAsync(county, tree.C.Id, "党章知识");
            var single = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.SingleChoice, Text = "最高领导机关", Options = ["全国代表大会和中央委员会", "国务院"], Correct = [0] });
            var multiple = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.MultipleChoice, Text = "党员义务", Options = ["学习", "交纳党费", "不参加组织生活"], Correct = [0, 1] });
            var trueFalse = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.TrueFalse, Text = "预备党员有表决权", Correct = [1] });
            correct[single.Id] = ["0"];
            correct[multiple.Id] = ["0", "1"];
            correct[trueFalse.Id] = ["1"];
            quiz = await Quizzes.CreateQuizAsync(county, tree.C.Id, new() { BankId = bank.Id, Title = "党章小测", QuestionCount = 3, TimeLimitMinutes = 10, PassPercent = 100, MaxAttempts = 2 });
        }

        var browser = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.Member, tree.V1b.Id, member.Id));
        var list = await browser.GetStringAsync("/Study/Quizzes");
        Assert.Contains($"data-quiz=\"{quiz.Id}\" data-left=\"2\"", list);

        var page = $"/Study/Quiz/{quiz.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, page);
        using (var start = await browser.PostAsync(page + "?handler=Start", BastionFactory.Form((BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var html = await browser.GetStringAsync(page);
        var attempt = AttemptId(html);
        Assert.Equal(correct.Keys.Order(), QuestionIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).Order());
        Assert.Contains("type=\"checkbox\" name=\"q" + correct.Keys.ElementAt(1) + "\"", html);
        Assert.Contains("type=\"radio\" name=\"q" + correct.Keys.ElementAt(2) + "\"", html);
        Assert.Contains("data-left=\"1\"", html);

        var fields = new List<(string, string)> { (BastionFactory.AntiforgeryField, BastionFactory.AntiforgeryToken(html)), ("attempt", attempt.ToString()) };
        fields.AddRange(correct.SelectMany(c => c.Value.Select(v => ("q" + c.Key, v))));
        using (var submit = await browser.PostAsync(page + "?handler=Submit", BastionFactory.Form([.. fields])))
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        html = await browser.GetStringAsync(page);
        Assert.Contains("data-score=\"100\" data-passed=\"True\"", html);

        // Second attempt: answered right, but after the time limit.
        token = BastionFactory.AntiforgeryToken(html);
        using (var start = await browser.PostAsync(page + "?handler=Start", BastionFactory.Form((BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        html = await browser.GetStringAsync(page);
        var second = AttemptId(html);
        Assert.NotEqual(attempt, second);
        await using (var db = app.Database.NewContext())
            await db.Set<QuizAttempt>().Where(a => a.Id == second).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeadlineAt, DateTime.UtcNow.AddMinutes(-1)));
        fields[0] = (BastionFactory.AntiforgeryField, BastionFactory.AntiforgeryToken(html));
        fields[1] = ("attempt", second.ToString());
        using var late = await browser.PostAsync(page + "?handler=Submit", BastionFactory.Form([.. fields]));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        html = await late.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"quiz-error\"", html);
        Assert.Contains("答题时间已到", html);
        Assert.Contains("data-testid=\"attempts-left\" data-left=\"0\"", html);
        Assert.Contains("data-testid=\"no-attempts\"", html);
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<QuizAttempt>().IgnoreQueryFilters().SingleAsync(a => a.Id == second);
            Assert.Null(stored.SubmittedAt);
            Assert.Null(stored.Score);
        }
        list = await browser.GetStringAsync("/Study/Quizzes");
        Assert.Contains($"data-quiz=\"{quiz.Id}\" data-left=\"0\"", list);

        // An unknown quiz is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Study/Quiz/999999999")).StatusCode);
    }

    private static long AttemptId(string html) => long.Parse(AttemptInput().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"attempt\" value=\"(\\d+)\"")]
    private static partial Regex AttemptInput();

    [GeneratedRegex("data-question=\"(\\d+)\"")]
    private static partial Regex QuestionIds();
}
