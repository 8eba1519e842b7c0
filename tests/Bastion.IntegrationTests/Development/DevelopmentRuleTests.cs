using System.Net;
using Bastion.Development;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Development.DevelopmentKit;

namespace Bastion.IntegrationTests.Development;

/// <summary>Each development rule, broken through the API: refused with the rule named, and nothing recorded.</summary>
public sealed class DevelopmentRuleTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private async Task<int> StepCountAsync(long candidateId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<DevelopmentStep>().CountAsync(s => s.CandidateId == candidateId);
    }

    private async Task AssertRefusedAsync(DevelopmentKit kit, long id, int step, object body, string rule)
    {
        var before = await StepCountAsync(id);
        using var response = await kit.PostStepAsync(id, step, body);
        await RefusedAsync(response, rule);
        Assert.Equal(before, await StepCountAsync(id));
    }

    [Fact]
    public async Task Register_WhenApplicantIs17_IsRefusedByMinimumAge_And18OnTheDayIsAccepted()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var applied = Today.AddDays(-3);
        using var young = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/candidates", new
        {
            name = "未满十八", residentId = ResidentIdBornOn(applied.AddYears(-18).AddDays(1)), appliedOn = D(applied),
        });
        var problem = await RefusedAsync(young, DevelopmentRules.MinimumAgeRule);
        Assert.Contains("党章第一条", problem.GetProperty("detail").GetString());
        await kit.RegisterAsync(applied, birth: applied.AddYears(-18));
    }

    [Fact]
    public async Task Register_WithBadResidentIdOrFutureDate_IsRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        using var bad = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/candidates",
            new { name = "错号", residentId = "110101199003071234", appliedOn = D(Today) });
        var problem = await Http.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ResidentId", out _));
        using var future = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/candidates",
            new { name = "未来", residentId = ResidentIdBornOn(new DateOnly(1999, 1, 1)), appliedOn = D(Today.AddDays(1)) });
        await RefusedAsync(future, DevelopmentRules.NotInFutureRule);
    }

    [Fact]
    public async Task Steps_OutOfOrder_BackDated_OrInTheFuture_AreRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await AssertRefusedAsync(kit, id, 3, new { number = 3, date = D(t.Steps[3]) }, DevelopmentRules.StepOrderRule);
        await AssertRefusedAsync(kit, id, 2, new { number = 2, date = D(t.Applied.AddDays(-1)), people = new[] { new { role = "Talker", name = "王书记" } } },
            DevelopmentRules.DateOrderRule);
        await AssertRefusedAsync(kit, id, 2, new { number = 2, date = D(Today.AddDays(1)), people = new[] { new { role = "Talker", name = "王书记" } } },
            DevelopmentRules.NotInFutureRule);
    }

    [Fact]
    public async Task Talk_AfterOneMonth_IsRecordedButFlaggedLate()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var id = await kit.RegisterAsync(Today.AddDays(-60));
        var board = await Http.GetJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/candidates");
        var row = board.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.True(row.GetProperty("late").GetBoolean());
        Assert.Equal(2, row.GetProperty("dueStep").GetInt32());

        using var response = await kit.PostStepAsync(id, 2, new { number = 2, date = D(Today.AddDays(-20)), people = new[] { new { role = "Talker", name = "王书记" } } });
        var file = await Http.JsonAsync(response);
        Assert.True(file.GetProperty("steps")[1].GetProperty("late").GetBoolean());
        board = await Http.GetJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/candidates");
        row = board.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.True(row.GetProperty("hasLateStep").GetBoolean());
        Assert.False(row.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task CultivationContacts_MustBeOneOrTwoFullMembers()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        await using (var db = app.Database.NewContext())
            await db.Members.Where(m => m.Id == kit.Members[5].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Category, Bastion.Members.MemberCategory.Probationary).SetProperty(m => m.FullOn, (DateOnly?)null));
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 4);
        var date = D(t.Steps[5]);
        await AssertRefusedAsync(kit, id, 5, new { number = 5, date, people = new[] { new { role = "CultivationContact", memberId = kit.Members[5].Id } } },
            DevelopmentRules.CultivationContactsRule);
        await AssertRefusedAsync(kit, id, 5, new { number = 5, date, people = kit.Members.Take(3).Select(m => new { role = "CultivationContact", memberId = m.Id }).ToArray() },
            DevelopmentRules.CultivationContactsRule);
        await AssertRefusedAsync(kit, id, 5, new { number = 5, date, people = Array.Empty<object>() }, DevelopmentRules.CultivationContactsRule);
        using var ok = await kit.PostStepAsync(id, 5, new { number = 5, date, people = kit.Members.Take(2).Select(m => new { role = "CultivationContact", memberId = m.Id }).ToArray() });
        await Http.JsonAsync(ok);
    }

    [Fact]
    public async Task DevelopmentTarget_After11MonthsAsActivist_IsRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 6);
        var on = t.Steps[3].AddMonths(11);
        var problem = await PostTargetAsync(kit, id, on, DevelopmentRules.ActivistPeriodRule);
        Assert.Contains("发展党员工作细则第十三条", problem);
    }

    [Fact]
    public async Task DevelopmentTarget_WithAMissingHalfYearlyReview_IsRefused_AndTheBoardShowsTheReviewLate()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 5);
        // Only one review, seven months after becoming an activist: the first half-year went unreviewed.
        using (var review = await kit.PostStepAsync(id, 6, new { number = 6, date = D(t.Steps[3].AddMonths(7)) }))
            await Http.JsonAsync(review);
        await PostTargetAsync(kit, id, t.Steps[7], DevelopmentRules.ActivistReviewsRule);
        var row = (await Http.GetJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/candidates")).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal(6, row.GetProperty("dueStep").GetInt32());
        Assert.True(row.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task DevelopmentTarget_WithAShortPublicNotice_IsRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 6);
        var date = t.Steps[7];
        // Three working days at most: Monday to Wednesday of the week before.
        var monday = date.AddDays(-7 - ((int)date.DayOfWeek + 6) % 7);
        await AssertRefusedAsync(kit, id, 7, new { number = 7, date = D(date), noticeFrom = D(monday), noticeTo = D(monday.AddDays(2)) }, DevelopmentRules.PublicNoticeRule);
        using var missing = await kit.PostStepAsync(id, 7, new { number = 7, date = D(date) });
        await Http.ProblemAsync(missing, HttpStatusCode.BadRequest);
    }

    private async Task<string> PostTargetAsync(DevelopmentKit kit, long id, DateOnly on, string rule)
    {
        var before = await StepCountAsync(id);
        using var response = await kit.PostStepAsync(id, 7, new { number = 7, date = D(on), noticeFrom = D(on.AddDays(-14)), noticeTo = D(on.AddDays(-1)) });
        var problem = await RefusedAsync(response, rule);
        Assert.Equal(before, await StepCountAsync(id));
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Introducers_MustBeTwoFullMembers_NotProbationary_NotRelatives()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        await using (var db = app.Database.NewContext())
            await db.Members.Where(m => m.Id == kit.Members[5].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Category, Bastion.Members.MemberCategory.Probationary).SetProperty(m => m.FullOn, (DateOnly?)null));
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied, relatives: [new { memberId = kit.Members[4].Id, relation = "舅舅" }]);
        await kit.AdvanceAsync(id, t, through: 8);
        var date = D(t.Steps[9]);
        object Two(long a, long b) => new { number = 9, date, people = new[] { new { role = "Introducer", memberId = a }, new { role = "Introducer", memberId = b } } };
        await AssertRefusedAsync(kit, id, 9, Two(kit.Members[2].Id, kit.Members[5].Id), DevelopmentRules.IntroducersRule);
        await AssertRefusedAsync(kit, id, 9, new { number = 9, date, people = new[] { new { role = "Introducer", memberId = kit.Members[2].Id } } }, DevelopmentRules.IntroducersRule);
        await AssertRefusedAsync(kit, id, 9, Two(kit.Members[2].Id, kit.Members[4].Id), DevelopmentRules.IntroducerNotRelativeRule);
        using var ok = await kit.PostStepAsync(id, 9, Two(kit.Members[2].Id, kit.Members[3].Id));
        await Http.JsonAsync(ok);
    }

    [Fact]
    public async Task PoliticalReviewNotPassed_AndShortTraining_AreRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 9);
        await AssertRefusedAsync(kit, id, 10, new { number = 10, date = D(t.Steps[10]), passed = false }, DevelopmentRules.PoliticalReviewRule);
        using (var ok = await kit.PostStepAsync(id, 10, new { number = 10, date = D(t.Steps[10]), passed = true })) await Http.JsonAsync(ok);
        await AssertRefusedAsync(kit, id, 11, new { number = 11, date = D(t.Steps[11]), trainingHours = 20, trainingDays = 2 }, DevelopmentRules.TrainingRule);
        using (var days = await kit.PostStepAsync(id, 11, new { number = 11, date = D(t.Steps[11]), trainingDays = 3 })) await Http.JsonAsync(days);
    }

    [Fact]
    public async Task AdmissionVote_WithoutQuorum_NotPassed_OrOfAnotherBranch_IsRefusedWithTheVoteRule()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var other = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 14);
        var on = t.Steps[15];
        // 6 full members should attend: more than 3 present is the quorum, more than 3 yes passes.
        var noQuorum = await kit.BranchVoteAsync(on, present: 3, yes: 3);
        var problem = await RefusedOnResolutionAsync(kit, id, on, noQuorum, VoteRules.GeneralMeetingQuorumRule);
        Assert.Contains("3 of 6", problem);
        var notPassed = await kit.BranchVoteAsync(on, present: 6, yes: 3);
        await RefusedOnResolutionAsync(kit, id, on, notPassed, VoteRules.MotionMajorityRule);
        var elsewhere = await other.BranchVoteAsync(on, present: 6, yes: 6);
        using (var response = await kit.PostStepAsync(id, 15, new { number = 15, date = D(on), meetingResolutionId = elsewhere }))
            await Http.ProblemAsync(response, HttpStatusCode.BadRequest); // outside the secretary's scope: not found there
        await using (var db = app.Database.NewContext())
        {
            var elsewhereOwner = await db.Set<MeetingResolution>().Where(r => r.Id == elsewhere).Select(r => r.OrganizationId).SingleAsync();
            Assert.Equal(other.Branch.Id, elsewhereOwner);
        }
        var passed = await kit.BranchVoteAsync(on, present: 4, yes: 4);
        await RefusedOnResolutionAsync(kit, id, on.AddDays(1), passed, DevelopmentRules.BranchResolutionRule);
        using var ok = await kit.PostStepAsync(id, 15, new { number = 15, date = D(on), meetingResolutionId = passed });
        await Http.JsonAsync(ok);
    }

    private async Task<string> RefusedOnResolutionAsync(DevelopmentKit kit, long id, DateOnly on, long resolutionId, string rule)
    {
        var before = await StepCountAsync(id);
        using var response = await kit.PostStepAsync(id, 15, new { number = 15, date = D(on), meetingResolutionId = resolutionId });
        var problem = await RefusedAsync(response, rule);
        Assert.Equal(before, await StepCountAsync(id));
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Approval_FourMonthsAfterTheMeeting_IsRefusedWithoutExtension_AndAcceptedWithIt()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 16);
        var on = D(t.Steps[15].AddMonths(4));
        await AssertRefusedAsync(kit, id, 17, new { number = 17, date = on }, DevelopmentRules.ApprovalWithinRule);
        await AssertRefusedAsync(kit, id, 17, new { number = 17, date = D(t.Steps[15].AddMonths(7)), approvalExtended = true, notes = "材料补充" },
            DevelopmentRules.ApprovalWithinRule);
        using var ok = await kit.PostStepAsync(id, 17, new { number = 17, date = on, approvalExtended = true, notes = "外调材料未齐，延长审批" });
        Assert.Equal("Admitted", (await Http.JsonAsync(ok)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpperCommitteeSteps_AreRefusedToTheBranch_AndQueuedForTheUpperLevel()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 3);
        var body = new { number = 4, date = D(t.Steps[4]) };
        var before = await StepCountAsync(id);
        using (var bySecretary = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/candidates/{id}/steps", body))
            await RefusedAsync(bySecretary, DevelopmentRules.UpperCommitteeStepRule);
        // An organization-department account bound to the branch itself is not above it either.
        var branchLevel = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, kit.Branch.Id));
        using (var byBranchLevel = await Http.PostJsonAsync(branchLevel, $"/api/v1/candidates/{id}/steps", body))
            await RefusedAsync(byBranchLevel, DevelopmentRules.UpperCommitteeStepRule);
        Assert.Equal(before, await StepCountAsync(id));

        var queue = await Http.GetJsonAsync(kit.Upper, "/api/v1/development/queue");
        var row = queue.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.True(row.GetProperty("upperCommitteeNext").GetBoolean());
        Assert.DoesNotContain((await Http.GetJsonAsync(branchLevel, "/api/v1/development/queue")).EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);

        using var byUpper = await Http.PostJsonAsync(kit.Upper, $"/api/v1/candidates/{id}/steps", body);
        await Http.JsonAsync(byUpper);
        queue = await Http.GetJsonAsync(kit.Upper, "/api/v1/development/queue");
        Assert.DoesNotContain(queue.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Conversion_BeforeOneYearOfProbation_IsRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 22);
        var early = t.Steps[15].AddMonths(11);
        var resolution = await kit.BranchVoteAsync(early, present: 6, yes: 6, title: "关于预备党员转正的决议");
        await AssertRefusedAsync(kit, id, 23, new { number = 23, date = D(early), meetingResolutionId = resolution }, DevelopmentRules.ProbationPeriodRule);
    }

    [Fact]
    public async Task ProbationExtension_IsSixToTwelveMonthsOnlyOnce_AndMovesTheEndOfProbation()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 20);
        var url = $"/api/v1/candidates/{id}/probation-extension";
        var on = D(t.Steps[20].AddMonths(1));
        using (var tooShort = await Http.PostJsonAsync(kit.Secretary, url, new { date = on, months = 5, notes = "需要继续考察" }))
            await RefusedAsync(tooShort, DevelopmentRules.ProbationExtensionRule);
        using (var tooLong = await Http.PostJsonAsync(kit.Secretary, url, new { date = on, months = 13, notes = "需要继续考察" }))
            await RefusedAsync(tooLong, DevelopmentRules.ProbationExtensionRule);
        using (var ok = await Http.PostJsonAsync(kit.Secretary, url, new { date = on, months = 6, notes = "需要继续考察" }))
            Assert.Equal(6, (await Http.JsonAsync(ok)).GetProperty("probationExtendedMonths").GetInt32());
        using (var twice = await Http.PostJsonAsync(kit.Secretary, url, new { date = on, months = 6, notes = "再次延长" }))
            await RefusedAsync(twice, DevelopmentRules.ProbationExtensionRule);
        await kit.AdvanceAsync(id, t, through: 22, from: 21);
        // The regular end (one year) has passed, the extended one (18 months) has not.
        var resolution = await kit.BranchVoteAsync(t.Steps[23], present: 6, yes: 6, title: "关于预备党员转正的决议");
        await AssertRefusedAsync(kit, id, 23, new { number = 23, date = D(t.Steps[23]), meetingResolutionId = resolution }, DevelopmentRules.ProbationPeriodRule);
    }

    [Fact]
    public async Task ConversionApproval_FourMonthsAfterTheMeeting_IsRefused()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = new Timeline(Today.AddMonths(-42));
        var id = await kit.RegisterAsync(t.Applied);
        await kit.AdvanceAsync(id, t, through: 23);
        await AssertRefusedAsync(kit, id, 24, new { number = 24, date = D(t.Steps[23].AddMonths(4)) }, DevelopmentRules.ConversionApprovalWithinRule);
    }
}
