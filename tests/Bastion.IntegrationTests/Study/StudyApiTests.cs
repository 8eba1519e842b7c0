using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Study;

/// <summary>Study through the API and pages: publish, a member's own session and ledger, the hours roll-up page.</summary>
public sealed class StudyApiTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task Member_StudiesOnTheirPhone_ShortSessionDoesNotCount_AndSeesTheLedger()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V2a);
        var county = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));
        using (var bad = await Http.PostJsonAsync(county, $"/api/v1/organizations/{tree.C.Id}/study/materials", new { title = "x", kind = "Document", lengthMinutes = 10, creditHours = 1 }))
            Assert.True((await Http.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("file", out _));
        using var created = await Http.PostJsonAsync(county, $"/api/v1/organizations/{tree.C.Id}/study/materials",
            new { title = "学习党章", kind = "Article", body = "# 党章\n\n" + new string('章', 600), creditHours = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var material = await Http.JsonAsync(created);
        var materialId = material.GetProperty("id").GetInt64();
        Assert.Equal(3, material.GetProperty("minimumMinutes").GetInt32()); // a little over 600 characters: 3 minutes, at least 3 (80 %, rounded up)

        var memberUser = await Factory.CreateUserAsync(BastionRoles.Member, tree.V2a.Id, member.Id);
        var api = await Factory.CreateApiClientAsync(memberUser);
        var list = await Http.GetJsonAsync(api, "/api/v1/study/materials");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == materialId);
        using var start = await api.PostAsync($"/api/v1/study/materials/{materialId}/start", null);
        var recordId = (await Http.JsonAsync(start)).GetProperty("id").GetInt64();
        using var finish = await api.PostAsync($"/api/v1/study/records/{recordId}/finish", null);
        var record = await Http.JsonAsync(finish);
        Assert.False(record.GetProperty("counted").GetBoolean()); // finished at once: under the 3-minute minimum
        using (var twice = await api.PostAsync($"/api/v1/study/records/{recordId}/finish", null))
            await Http.ProblemAsync(twice, HttpStatusCode.Conflict);

        var ledger = await Http.GetJsonAsync(api, "/api/v1/study/me");
        Assert.Equal(0, ledger.GetProperty("hours").GetDouble());
        Assert.Equal(32, ledger.GetProperty("target").GetDouble());

        // A secretary cannot record study for herself without a member record.
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V2a.Id));
        using (var notMember = await secretary.PostAsync($"/api/v1/study/materials/{materialId}/start", null))
            Assert.Equal("Study.NotAMember", (await Http.ProblemAsync(notMember, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var browser = await Factory.SignInAsync(memberUser);
        var page = await browser.GetStringAsync("/Study");
        Assert.Contains("学习党章", page);
        Assert.Contains("data-testid=\"ledger\" data-hours=\"0\" data-target=\"32\"", page);
        var materialPage = await browser.GetStringAsync($"/Study/Material/{materialId}");
        Assert.Contains("data-counted=\"False\"", materialPage);
        Assert.Contains("<h1>党章</h1>", materialPage);

        using (var training = await Http.PostJsonAsync(county, $"/api/v1/organizations/{tree.C.Id}/training-sessions",
                   new { title = "县委党校轮训", heldOn = DateTime.Today.ToString("yyyy-MM-dd"), duration = "full", memberIds = new[] { member.Id } }))
            Assert.Equal(HttpStatusCode.Created, training.StatusCode);
        Assert.Equal(8, (await Http.GetJsonAsync(api, "/api/v1/study/me")).GetProperty("hours").GetDouble());

        var rollup = await Http.GetJsonAsync(county, $"/api/v1/organizations/{tree.C.Id}/study/rollup");
        Assert.Equal(1, rollup[0].GetProperty("members").GetInt32());
        var countyBrowser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));
        var hoursPage = await countyBrowser.GetStringAsync($"/Study/Hours?org={tree.C.Id}");
        Assert.Contains($"data-org=\"{tree.T2.Id}\" data-members=\"1\"", hoursPage);
    }
}
