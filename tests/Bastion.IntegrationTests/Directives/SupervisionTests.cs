using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Directives;

/// <summary>Supervision and accountability against a directive target (assigning side only); responsibility lists per committee position.</summary>
public sealed class SupervisionTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static string Day(int offset) => DateTime.Today.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Supervision_AndAccountability_AreRecordedByTheAssigner_NotByTheTarget()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var county = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));
        using var created = await Http.PostJsonAsync(county, "/api/v1/directives", new
        {
            title = "督导测试", body = "b", dueOn = Day(5), reportRequirements = "r", targets = new { mode = "List", organizationIds = new[] { tree.V1a.Id } },
        });
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();
        var targetId = (await Http.GetJsonAsync(county, $"/api/v1/directives/{id}/targets")).GetProperty("items")[0].GetProperty("id").GetInt64();

        using (var bad = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targetId}/supervision", new { kind = "Visit", checkedOn = Day(1), supervisors = "", findings = "x" }))
        {
            var errors = (await Http.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("CheckedOn", out _));
            Assert.True(errors.TryGetProperty("Supervisors", out _));
        }
        using (var ok = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targetId}/supervision",
                   new { kind = "Visit", checkedOn = Day(-3), supervisors = "县委督查室 王某", findings = "会议记录不全", rectifyBy = Day(-1) }))
        {
            var s = Assert.Single((await Http.JsonAsync(ok)).GetProperty("supervision").EnumerateArray());
            Assert.True(s.GetProperty("rectificationOverdue").GetBoolean());
            var supervisionId = s.GetProperty("id").GetInt64();
            using var follow = await Http.PostJsonAsync(county, $"/api/v1/supervision/{supervisionId}/follow-up", new { followUp = "已补齐", rectifiedOn = Day(0) });
            var after = Assert.Single((await Http.JsonAsync(follow)).GetProperty("supervision").EnumerateArray());
            Assert.False(after.GetProperty("rectificationOverdue").GetBoolean());
        }
        using (var acc = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targetId}/accountability",
                   new { kind = "ReminderTalk", subject = "甲村党支部书记", basis = "督导发现会议记录不全" }))
            Assert.Equal("ReminderTalk", Assert.Single((await Http.JsonAsync(acc)).GetProperty("accountability").EnumerateArray()).GetProperty("kind").GetString());

        var village = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V1a.Id));
        using var self = await Http.PostJsonAsync(village, $"/api/v1/directive-targets/{targetId}/accountability", new { kind = "ReminderTalk", subject = "x", basis = "y" });
        Assert.Equal("Cascades.NotAssigner", (await Http.ProblemAsync(self, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        // The target sees what was recorded about it.
        var seen = await Http.GetJsonAsync(village, $"/api/v1/directive-targets/{targetId}");
        Assert.Equal(1, seen.GetProperty("supervision").GetArrayLength());
    }

    [Fact]
    public async Task ResponsibilityLists_FollowCurrentPositions_SecretaryFirstResponsible()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (alice, _) = await TestData.AddMemberAsync(app.Database, tree.V1a, "赵书记");
        var (bob, _) = await TestData.AddMemberAsync(app.Database, tree.V1a, "钱委员");
        var township = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.T1.Id));
        long secretaryPosition;
        using (var p = await Http.PostJsonAsync(township, $"/api/v1/organizations/{tree.V1a.Id}/positions", new { memberId = alice.Id, role = "Secretary", startedOn = Day(-100) }))
            secretaryPosition = (await Http.JsonAsync(p)).GetProperty("id").GetInt64();
        using (var p = await Http.PostJsonAsync(township, $"/api/v1/organizations/{tree.V1a.Id}/positions", new { memberId = bob.Id, role = "PropagandaCommissioner", startedOn = Day(-100) }))
            Assert.Equal(HttpStatusCode.Created, p.StatusCode);

        var year = DateTime.Today.Year;
        using (var bad = await Http.PutJsonAsync(township, $"/api/v1/positions/{secretaryPosition}/responsibilities", new { year = year + 5, mainDuties = "", partyBuildingDuties = "x" }))
        {
            var errors = (await Http.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("Year", out _) && errors.TryGetProperty("MainDuties", out _));
        }
        using (var ok = await Http.PutJsonAsync(township, $"/api/v1/positions/{secretaryPosition}/responsibilities", new { year, mainDuties = "村务全面工作", partyBuildingDuties = "履行党建第一责任人职责" }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var again = await Http.PutJsonAsync(township, $"/api/v1/positions/{secretaryPosition}/responsibilities", new { year, mainDuties = "村务全面工作（修订）", partyBuildingDuties = "履行党建第一责任人职责" }))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var lists = (await Http.GetJsonAsync(township, $"/api/v1/organizations/{tree.V1a.Id}/responsibilities")).EnumerateArray().ToList();
        Assert.Equal(["Secretary", "PropagandaCommissioner"], lists.Select(l => l.GetProperty("role").GetString()));
        Assert.True(lists[0].GetProperty("firstResponsible").GetBoolean());
        Assert.Equal("村务全面工作（修订）", lists[0].GetProperty("mainDuties").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, lists[1].GetProperty("mainDuties").ValueKind);

        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V1a.Id));
        var html = await browser.GetStringAsync($"/Directives/Responsibilities?org={tree.V1a.Id}");
        Assert.Contains("村务全面工作（修订）", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"responsibility\""));
    }
}
