using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Shared;
using Bastion.Study;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Study;

/// <summary>Quizzes: question validation, random papers, grading, pass mark, the time limit and the attempt limit, results per organization.</summary>
public sealed class QuizTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task TimedAttempts_AreGradedExactly_LateSubmissionIsRefused_AndAttemptsAreLimited()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero));
        Quiz quiz;
        var answers = new Dictionary<long, int[]>();
        await using (var county = CascadeTree.Scoped(app.Database, tree.C, clock))
        {
            var bank = await Quizzes.CreateBankAsync(county, tree.C.Id, "党章知识");
            var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => Quizzes.AddQuestionAsync(county, bank.Id,
                new Quizzes.QuestionInput { Kind = QuestionKind.SingleChoice, Text = "?", Options = ["a", "b"], Correct = [0, 1] }));
            Assert.Contains("Correct", bad.Errors.Keys);
            var q1 = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.SingleChoice, Text = "党的最高领导机关是？", Options = ["全国代表大会和中央委员会", "国务院", "中央军委"], Correct = [0] });
            var q2 = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.MultipleChoice, Text = "党员的义务包括？", Options = ["认真学习", "按期交纳党费", "不参加组织生活"], Correct = [0, 1] });
            var q3 = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.TrueFalse, Text = "预备期为一年。", Correct = [0] });
            var q4 = await Quizzes.AddQuestionAsync(county, bank.Id, new() { Kind = QuestionKind.TrueFalse, Text = "预备党员有表决权。", Correct = [1] });
            answers[q1.Id] = [0];
            answers[q2.Id] = [1, 0];
            answers[q3.Id] = [0];
            answers[q4.Id] = [0]; // wrong
            var tooMany = await Assert.ThrowsAsync<ValidationFailedException>(() => Quizzes.CreateQuizAsync(county, tree.C.Id,
                new() { BankId = bank.Id, Title = "x", QuestionCount = 5, TimeLimitMinutes = 10, PassPercent = 60, MaxAttempts = 2 }));
            Assert.Contains("QuestionCount", tooMany.Errors.Keys);
            quiz = await Quizzes.CreateQuizAsync(county, tree.C.Id, new() { BankId = bank.Id, Title = "党章测试", QuestionCount = 4, TimeLimitMinutes = 10, PassPercent = 80, MaxAttempts = 2 });
        }

        await using var mine = CascadeTree.Scoped(app.Database, tree.V1a, clock);
        var first = await Quizzes.StartAsync(mine, member.Id, quiz.Id);
        Assert.Equal(4, first.Questions.Count);
        Assert.Equal(answers.Keys.Order(), first.Questions.Select(q => q.Id).Order());
        Assert.Equal(first.Id, (await Quizzes.StartAsync(mine, member.Id, quiz.Id)).Id); // the running attempt, not a new one
        clock.Advance(TimeSpan.FromMinutes(9));
        var graded = await Quizzes.SubmitAsync(mine, member.Id, first.Id, answers);
        Assert.Equal((75, false), (graded.Score!.Value, graded.Passed)); // 3 of 4, pass mark 80

        var second = await Quizzes.StartAsync(mine, member.Id, quiz.Id);
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<DomainRuleException>(() => Quizzes.SubmitAsync(mine, member.Id, second.Id, answers));
        Assert.Equal(Quizzes.TimeUpRule, late.Rule);
        var used = await Assert.ThrowsAsync<DomainRuleException>(() => Quizzes.StartAsync(mine, member.Id, quiz.Id));
        Assert.Equal(Quizzes.AttemptsUsedRule, used.Rule);

        await using var county2 = CascadeTree.Scoped(app.Database, tree.C, clock);
        var results = await Quizzes.ResultsAsync(county2, quiz.Id, tree.C.Id);
        Assert.Equal([(tree.C.Id, 1, 0), (tree.T1.Id, 1, 0)], results!.Select(r => (r.OrganizationId, r.Attempted, r.Passed)));
    }

    [Fact]
    public async Task Api_MemberTakesAQuiz_AndPassesWithAllCorrect()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V2b);
        var county = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));
        using var bankResponse = await Http.PostJsonAsync(county, $"/api/v1/organizations/{tree.C.Id}/question-banks", new { title = "应知应会" });
        var bankId = (await Http.JsonAsync(bankResponse)).GetProperty("id").GetInt64();
        var correct = new Dictionary<long, int[]>();
        for (var i = 0; i < 5; i++)
        {
            using var q = await Http.PostJsonAsync(county, $"/api/v1/question-banks/{bankId}/questions", new { kind = "TrueFalse", text = $"判断{i}", correct = new[] { i % 2 } });
            correct[(await Http.JsonAsync(q)).GetProperty("id").GetInt64()] = [i % 2];
        }
        using var quizResponse = await Http.PostJsonAsync(county, $"/api/v1/organizations/{tree.C.Id}/quizzes", new { bankId, title = "小测", questionCount = 3, timeLimitMinutes = 5, passPercent = 100, maxAttempts = 1 });
        var quizId = (await Http.JsonAsync(quizResponse)).GetProperty("id").GetInt64();

        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.Member, tree.V2b.Id, member.Id));
        using var start = await api.PostAsync($"/api/v1/study/quizzes/{quizId}/attempts", null);
        var attempt = await Http.JsonAsync(start);
        var drawn = attempt.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(3, drawn.Count);
        Assert.False(attempt.GetProperty("questions")[0].TryGetProperty("answerMask", out _));
        using var submit = await Http.PostJsonAsync(api, $"/api/v1/study/quiz-attempts/{attempt.GetProperty("id").GetInt64()}/submit",
            new { answers = drawn.ToDictionary(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture), id => correct[id]) });
        var result = await Http.JsonAsync(submit);
        Assert.Equal((100, true), (result.GetProperty("score").GetInt32(), result.GetProperty("passed").GetBoolean()));
        var results = await Http.GetJsonAsync(county, $"/api/v1/quizzes/{quizId}/results?org={tree.T2.Id}");
        Assert.Equal(1, results[0].GetProperty("passed").GetInt32());
    }
}
