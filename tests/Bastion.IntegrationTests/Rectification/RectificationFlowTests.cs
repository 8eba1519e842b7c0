using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Notifications;
using Bastion.Rectification;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Rectification.RectificationCalls;

namespace Bastion.IntegrationTests.Rectification;

/// <summary>A case from identification (认定) to closing (销号) through the API, every step on the timeline and in the audit chain; the rules that refuse.</summary>
public sealed class RectificationFlowTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task IdentifyToClose_RecordsEveryStep_OnTheTimeline_AndInTheAuditChain()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);

        var id = await IdentifyAsync(client, tree.Village.Id);
        var c = await CaseAsync(client, id);
        Assert.Equal("Identified", c.GetProperty("state").GetString());
        Assert.Equal(["CommitteeIncomplete", "NoActivities"], c.GetProperty("situations").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(["silent-branch", "secretary-vacant"], c.GetProperty("warningCodes").EnumerateArray().Select(s => s.GetString()!).ToArray());

        await OkAsync(PlanAsync(client, id, ("配齐村党支部班子", Today.AddDays(30)), ("恢复三会一课", Today.AddDays(60))));
        await OkAsync(Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/start", new { on = Today.AddDays(-40) }));
        c = await CaseAsync(client, id);
        Assert.Equal("Rectifying", c.GetProperty("state").GetString());
        Assert.Equal("王建国", c.GetProperty("leaderName").GetString());
        Assert.Equal("李明", c.GetProperty("firstSecretary").GetString());
        Assert.Equal("县农业农村局", c.GetProperty("pairedUnit").GetString());
        var steps = c.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Equal(0, c.GetProperty("stepsDone").GetInt32());

        await CompleteAllAsync(client, id, steps);
        await OkAsync(Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/notes", new { on = Today.AddDays(-3), text = "新书记到任，召开支部党员大会。" }));
        await OkAsync(CheckAsync(client, id, passed: true));
        Assert.Equal("Checked", (await CaseAsync(client, id)).GetProperty("state").GetString());
        await OkAsync(CloseAsync(client, id));

        c = await CaseAsync(client, id);
        Assert.Equal("Closed", c.GetProperty("state").GetString());
        Assert.Equal(2, c.GetProperty("stepsDone").GetInt32());
        Assert.Equal("验收合格，经县委组织部审核同意销号。", c.GetProperty("closingEvidence").GetString());
        Assert.Equal(["Identified", "Planned", "Started", "StepCompleted", "StepCompleted", "Note", "CheckPassed", "Closed"],
            c.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
        Assert.All(c.GetProperty("timeline").EnumerateArray(), e => Assert.StartsWith(tree.CountyStaff.UserName + "#", e.GetProperty("actor").GetString()));

        // The audit chain holds the case's creation and each state change, by the county staff, and every timeline entry.
        await using var db = app.Database.NewContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var caseEvents = await db.AuditEvents.Where(a => a.Entity == nameof(RectificationCase) && a.EntityId == key).OrderBy(a => a.Seq).ToListAsync();
        Assert.Equal("Create", caseEvents[0].Action);
        Assert.All(caseEvents, a => Assert.StartsWith(tree.CountyStaff.UserName + "#", a.Actor));
        var transitions = caseEvents.Select(a => System.Text.Json.JsonDocument.Parse(a.Changes).RootElement)
            .Where(j => HasStateChange(j)).Select(j => string.Join("→", j.GetProperty("State").EnumerateArray().Select(v => v.ToString()))).ToList();
        Assert.Equal(["1→2", "2→3", "3→4", "4→5"], transitions);
        var timelineRows = await db.Set<RectificationEvent>().Where(e => e.CaseId == id).Select(e => e.Id.ToString()).ToListAsync();
        var audited = await db.AuditEvents.Where(a => a.Entity == nameof(RectificationEvent) && a.Action == "Create" && timelineRows.Contains(a.EntityId)).CountAsync();
        Assert.Equal(8, audited);
        var stepKeys = steps.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Entity == nameof(RectificationStep) && a.Action == "Update" && stepKeys.Contains(a.EntityId)));
        var checkKeys = await db.Set<RectificationCheck>().Where(k => k.CaseId == id).Select(k => k.Id.ToString()).ToListAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Entity == nameof(RectificationCheck) && a.Action == "Create" && checkKeys.Contains(a.EntityId)));

        // The village's secretary was told when the case was opened.
        Assert.True(await db.Set<Notification>().AnyAsync(n => n.UserId == tree.VillageSecretary.Id && n.Kind == "rectification.opened"));
    }

    [Fact]
    public async Task Close_WithoutAPassedCheck_IsRefused_WithTheRule_AndNothingChanges()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        var (id, steps) = await RectifyingAsync(client, tree.Village.Id, Today.AddDays(20));

        using (var refused = await CloseAsync(client, id)) Assert.Equal(RectificationRules.CloseNeedsPassedCheckRule, await RuleAsync(refused));
        await CompleteAllAsync(client, id, steps);
        await OkAsync(CheckAsync(client, id, passed: false));
        using (var refused = await CloseAsync(client, id)) Assert.Equal(RectificationRules.CloseNeedsPassedCheckRule, await RuleAsync(refused));

        var c = await CaseAsync(client, id);
        Assert.Equal("Rectifying", c.GetProperty("state").GetString());
        Assert.Equal(JsonValueKindNull, c.GetProperty("closedOn").ValueKind);
        Assert.DoesNotContain(c.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Closed");
    }

    private static bool HasStateChange(System.Text.Json.JsonElement changes) =>
        changes.TryGetProperty("State", out var state) && state.ValueKind == System.Text.Json.JsonValueKind.Array;

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task FailedCheck_SendsTheCaseBackToRectifying_AndAPassedCheckLaterAllowsClosing()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        var (id, steps) = await RectifyingAsync(client, tree.Village.Id, Today.AddDays(10));
        await CompleteAllAsync(client, id, steps);

        await OkAsync(CheckAsync(client, id, passed: false));
        var c = await CaseAsync(client, id);
        Assert.Equal("Rectifying", c.GetProperty("state").GetString());
        Assert.False(c.GetProperty("hasPassedCheck").GetBoolean());
        Assert.False(c.GetProperty("checks")[0].GetProperty("passed").GetBoolean());

        // Back in rectification: a new measure, completed, then a second check that passes.
        using var added = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/steps", new { text = "规范村务公开栏，每季度公开财务", dueOn = Today.AddDays(15) });
        var stepId = (await Http.JsonAsync(added)).GetProperty("id").GetInt64();
        using (var early = await CheckAsync(client, id, passed: true)) Assert.Equal(RectificationRules.CheckAfterStepsRule, await RuleAsync(early));
        await CompleteAllAsync(client, id, [stepId]);
        await OkAsync(CheckAsync(client, id, passed: true));
        await OkAsync(CloseAsync(client, id));
        c = await CaseAsync(client, id);
        Assert.Equal("Closed", c.GetProperty("state").GetString());
        Assert.Equal([false, true], c.GetProperty("checks").EnumerateArray().Select(k => k.GetProperty("passed").GetBoolean()).ToArray());
        Assert.Contains(c.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "CheckFailed");
    }

    [Fact]
    public async Task TheRules_RefuseWhatIsOutOfOrder_AndNameTheRule()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        var id = await IdentifyAsync(client, tree.Village.Id);

        // A second open case for the same organization.
        using (var again = await Http.PostJsonAsync(client, "/api/v1/rectification/cases", new { organizationId = tree.Village.Id, situations = new[] { "PoorService" }, reason = "群众意见大" }))
            Assert.Equal(RectificationRules.OneOpenCaseRule, await RuleAsync(again));
        // Starting before the plan; planning without measures.
        using (var start = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/start", new { on = Today }))
            Assert.Equal(RectificationRules.StateOrderRule, await RuleAsync(start));
        using (var empty = await PlanAsync(client, id)) Assert.Equal(RectificationRules.PlanNeedsStepsRule, await RuleAsync(empty));
        Assert.Equal("Identified", (await CaseAsync(client, id)).GetProperty("state").GetString());

        await OkAsync(PlanAsync(client, id, ("配齐班子", Today.AddDays(30))));
        using (var again = await PlanAsync(client, id, ("再次制定", Today.AddDays(30)))) Assert.Equal(RectificationRules.StateOrderRule, await RuleAsync(again));
        using (var future = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/start", new { on = Today.AddDays(2) }))
            Assert.Equal(RectificationRules.DateNotInFutureRule, await RuleAsync(future));
        using (var check = await CheckAsync(client, id, passed: true)) Assert.Equal(RectificationRules.StateOrderRule, await RuleAsync(check));
        await OkAsync(Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/start", new { on = Today }));
        var step = (await CaseAsync(client, id)).GetProperty("steps")[0].GetProperty("id").GetInt64();
        using (var future = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/steps/{step}/complete", new { on = Today.AddDays(1) }))
            Assert.Equal(RectificationRules.DateNotInFutureRule, await RuleAsync(future));
        using (var early = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/steps/{step}/complete", new { on = Today.AddDays(-400) }))
            Assert.Equal(RectificationRules.DateOrderRule, await RuleAsync(early));
        await OkAsync(Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/steps/{step}/complete", new { on = Today }));
        using (var twice = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/steps/{step}/complete", new { on = Today }))
            Assert.Equal(RectificationRules.StepCompletedOnceRule, await RuleAsync(twice));
        using (var future = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/notes", new { on = Today.AddDays(3), text = "提前写的进展" }))
            Assert.Equal(RectificationRules.DateNotInFutureRule, await RuleAsync(future));
        using (var future = await Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/check", new { checkedOn = Today.AddDays(3), body = "验收组", passed = true, opinion = "合格" }))
            Assert.Equal(RectificationRules.DateNotInFutureRule, await RuleAsync(future));
        await OkAsync(CheckAsync(client, id, passed: true));
        using (var future = await CloseAsync(client, id, Today.AddDays(1))) Assert.Equal(RectificationRules.DateNotInFutureRule, await RuleAsync(future));
        Assert.Equal("Checked", (await CaseAsync(client, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task BadInput_Is400_WithTheFields_AndOpensNothing()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        using var response = await Http.PostJsonAsync(client, "/api/v1/rectification/cases", new
        {
            organizationId = tree.SecondVillage.Id, situations = Array.Empty<string>(), reason = " ", warningCodes = new[] { "Not A Code!" },
        });
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Situations", out _));
        Assert.True(errors.TryGetProperty("Reason", out _));
        Assert.True(errors.TryGetProperty("WarningCodes", out _));
        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<RectificationCase>().AnyAsync(c => c.OrganizationId == tree.SecondVillage.Id));
    }

    [Fact]
    public async Task TheOrganizationDepartmentOfTheOrganizationItself_MayNotIdentifyIt()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var own = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.Township.Id));
        using (var refused = await Http.PostJsonAsync(own, "/api/v1/rectification/cases", new { organizationId = tree.Township.Id, situations = new[] { "PoorService" }, reason = "群众意见大" }))
            Assert.Equal(RectificationRules.ActorAboveRule, await RuleAsync(refused));
        // From the township, its villages are below: allowed. A village outside the scope is not found.
        await IdentifyAsync(own, tree.SecondVillage.Id);
        var other = await RectificationTree.CreateAsync(app);
        using var outside = await Http.PostJsonAsync(own, "/api/v1/rectification/cases", new { organizationId = other.Village.Id, situations = new[] { "PoorService" }, reason = "群众意见大" });
        await Http.ProblemAsync(outside, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OverdueMeasures_NotifyTheSecretary_OncePerMeasure()
    {
        var tree = await RectificationTree.CreateAsync(app);
        var client = await app.Factory.CreateApiClientAsync(tree.CountyStaff);
        var (id, _) = await RectifyingAsync(client, tree.Village.Id, Today.AddDays(-10), Today.AddDays(30));
        var c = await CaseAsync(client, id);
        Assert.True(c.GetProperty("steps")[0].GetProperty("overdue").GetBoolean());
        Assert.False(c.GetProperty("steps")[1].GetProperty("overdue").GetBoolean());

        await app.Factory.RunJobAsync(RectificationOverdueJob.JobName);
        await app.Factory.RunJobAsync(RectificationOverdueJob.JobName);
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == tree.VillageSecretary.Id && n.Kind == "rectification.step-overdue"));
    }
}
