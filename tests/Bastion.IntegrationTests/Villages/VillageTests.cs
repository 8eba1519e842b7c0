using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Villages;

/// <summary>Cadres sent to villages and yearly village indicators, with the township's summary.</summary>
public sealed class VillageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task FirstSecretaries_AndIncome_AreRecorded_AndTheTownshipSeesWeakVillagesFirst()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var town = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var rich = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.Branch, TestData.Unique("富村"));
        var poor = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.Branch, TestData.Unique("穷村"));
        var school = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.Branch, TestData.Unique("学校"));
        foreach (var v in new[] { rich, poor }) await StructureTestData.UpdateAsync(app.Database, v.Id, o => o.UnitType = UnitType.Rural);
        var dept = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, town.Id));
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, poor.Id));
        var lastYear = DateTime.Today.Year - 1;

        using (var first = await Http.PostJsonAsync(dept, $"/api/v1/organizations/{poor.Id}/village/assignments", new { role = "FirstSecretary", personName = "李驻村", sentBy = "县财政局" }))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var second = await Http.PostJsonAsync(dept, $"/api/v1/organizations/{poor.Id}/village/assignments", new { role = "FirstSecretary", personName = "王驻村", sentBy = "县医院" }))
            Assert.Equal("Villages.OneFirstSecretary", (await Http.ProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using (var notVillage = await Http.PostJsonAsync(dept, $"/api/v1/organizations/{school.Id}/village/assignments", new { role = "FirstSecretary", personName = "赵", sentBy = "县教育局" }))
            Assert.Equal("Villages.VillageOnly", (await Http.ProblemAsync(notVillage, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using (var bySecretary = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{poor.Id}/village/assignments", new { role = "WorkTeamMember", personName = "钱", sentBy = "县局" }))
            Assert.Equal(HttpStatusCode.Forbidden, bySecretary.StatusCode);

        using (var negative = await Http.PutJsonAsync(secretary, $"/api/v1/organizations/{poor.Id}/village/indicators", new { year = lastYear, collectiveIncome = -5 }))
            Assert.True((await Http.ProblemAsync(negative, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("CollectiveIncome", out _));
        using (var future = await Http.PutJsonAsync(secretary, $"/api/v1/organizations/{poor.Id}/village/indicators", new { year = lastYear + 2, collectiveIncome = 5 }))
            Assert.True((await Http.ProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Year", out _));
        using (var none = await Http.PutJsonAsync(secretary, $"/api/v1/organizations/{poor.Id}/village/indicators", new { year = lastYear, collectiveIncome = 0 }))
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        using (var richIncome = await Http.PutJsonAsync(dept, $"/api/v1/organizations/{rich.Id}/village/indicators", new { year = lastYear, collectiveIncome = 650000, operatingIncome = 300000 }))
            Assert.Equal(HttpStatusCode.OK, richIncome.StatusCode);
        // Correcting a year replaces it.
        using (var corrected = await Http.PutJsonAsync(dept, $"/api/v1/organizations/{rich.Id}/village/indicators", new { year = lastYear, collectiveIncome = 620000 }))
            Assert.Equal(620000m, (await Http.JsonAsync(corrected)).GetProperty("collectiveIncome").GetDecimal());

        var summary = await Http.GetJsonAsync(dept, $"/api/v1/organizations/{town.Id}/villages?year={lastYear}");
        Assert.Equal(2, summary.GetProperty("villages").GetInt32());
        Assert.Equal(1, summary.GetProperty("withFirstSecretary").GetInt32());
        Assert.Equal(1, summary.GetProperty("noIncome").GetInt32());
        Assert.Equal(1, summary.GetProperty("above500k").GetInt32());
        var rows = summary.GetProperty("rows");
        Assert.Equal(poor.Id, rows[0].GetProperty("organizationId").GetInt64());
        Assert.Equal("李驻村", rows[0].GetProperty("firstSecretary").GetString());

        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, town.Id));
        var html = await browser.GetStringAsync($"/Villages?org={town.Id}&year={lastYear}");
        Assert.Contains("李驻村", html);
        Assert.Contains("data-testid=\"villages\"", html);
    }
}
