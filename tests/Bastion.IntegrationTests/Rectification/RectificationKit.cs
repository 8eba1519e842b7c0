using System.Net;
using System.Text.Json;
using Bastion.Data;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;

namespace Bastion.IntegrationTests.Rectification;

/// <summary>A county with a township and villages of its own, the people who work there, and the API calls of a case.</summary>
public sealed record RectificationTree(Organization Root, Organization County, Organization Township, Organization Village, Organization SecondVillage,
    TestUser CountyStaff, TestUser VillageSecretary, TestUser VillageMember)
{
    public static async Task<RectificationTree> CreateAsync(BastionAppFixture app)
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var county = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var township = await TestData.AddOrganizationAsync(db, county, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var village = await TestData.AddOrganizationAsync(db, township, OrganizationKind.Branch, TestData.Unique("村党支部"));
        var second = await TestData.AddOrganizationAsync(db, township, OrganizationKind.Branch, TestData.Unique("村党支部"));
        var (member, _) = await TestData.AddMemberAsync(db, village);
        return new RectificationTree(root, county, township, village, second,
            await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, county.Id),
            await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, village.Id),
            await app.Factory.CreateUserAsync(BastionRoles.Member, village.Id, member.Id));
    }
}

public static class RectificationCalls
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<long> IdentifyAsync(HttpClient client, long organizationId, DateOnly? on = null, params WeakSituation[] situations)
    {
        using var response = await Http.PostJsonAsync(client, "/api/v1/rectification/cases", new
        {
            organizationId, identifiedOn = on ?? Today.AddDays(-60),
            situations = situations.Length == 0 ? [WeakSituation.NoActivities, WeakSituation.CommitteeIncomplete] : situations,
            reason = "连续三个月未开展组织生活，书记空缺四个月。", warningCodes = new[] { "silent-branch", "secretary-vacant" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Http.JsonAsync(response)).GetProperty("id").GetInt64();
    }

    public static Task<HttpResponseMessage> PlanAsync(HttpClient client, long id, params (string Text, DateOnly Due)[] steps) =>
        Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/plan", new
        {
            planText = "一村一策：配强班子，恢复三会一课，规范村务公开。", leaderName = "王建国", leaderPost = "县委常委、组织部部长",
            firstSecretary = "李明", workTeam = "县农业农村局驻村工作队", pairedUnit = "县农业农村局", targetOn = Today.AddDays(120),
            steps = steps.Select(s => new { text = s.Text, dueOn = s.Due }).ToArray(),
        });

    public static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> CaseAsync(HttpClient client, long id) => await Http.GetJsonAsync(client, $"/api/v1/rectification/cases/{id}");

    /// <summary>Identifies, plans with the given due dates and starts the rectification; returns the case and its measure ids.</summary>
    public static async Task<(long Id, List<long> Steps)> RectifyingAsync(HttpClient client, long organizationId, params DateOnly[] dues)
    {
        var id = await IdentifyAsync(client, organizationId);
        await OkAsync(PlanAsync(client, id, dues.Select((d, i) => ($"整改措施{i + 1}", d)).ToArray()));
        await OkAsync(Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/start", new { on = Today.AddDays(-50) }));
        var steps = (await CaseAsync(client, id)).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        return (id, steps);
    }

    public static async Task CompleteAllAsync(HttpClient client, long id, IEnumerable<long> steps)
    {
        foreach (var s in steps)
            await OkAsync(Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/steps/{s}/complete", new { on = Today.AddDays(-5), note = "已完成" }));
    }

    public static Task<HttpResponseMessage> CheckAsync(HttpClient client, long id, bool passed) =>
        Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/check", new
        {
            checkedOn = Today.AddDays(-2), body = "县委组织部验收组", passed, opinion = passed ? "班子配齐，组织生活正常。" : "村务公开仍不规范，继续整顿。",
        });

    public static Task<HttpResponseMessage> CloseAsync(HttpClient client, long id, DateOnly? on = null) =>
        Http.PostJsonAsync(client, $"/api/v1/rectification/cases/{id}/close", new { closedOn = on ?? Today, evidence = "验收合格，经县委组织部审核同意销号。" });

    public static async Task<string> RuleAsync(HttpResponseMessage response)
    {
        var problem = await Http.ProblemAsync(response, HttpStatusCode.Conflict);
        return problem.GetProperty("rule").GetString()!;
    }
}
