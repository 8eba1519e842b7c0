using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Coverage;

/// <summary>Organization attributes through PUT /api/v1/organizations/{id} and the edit page.</summary>
public sealed class EditOrganizationTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task PutOrganization_WhenValid_SavesAttributesAndDerivesNextElection()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));

        var saved = await Http.JsonAsync(await Http.PutJsonAsync(api, $"/api/v1/organizations/{branch.Id}", new
        {
            name = "城关村党支部", unitType = "Rural", newBusinessTags = "NewIndustry, NewModel", divisionCode = "350102",
            foundedOn = "1985-07-01", termStartedOn = "2023-01-10",
        }));
        var profile = await Http.GetJsonAsync(api, $"/api/v1/organizations/{branch.Id}/profile");

        Assert.Equal("城关村党支部", profile.GetProperty("name").GetString());
        Assert.Equal("Rural", profile.GetProperty("unitType").GetString());
        Assert.Equal("NewIndustry, NewModel", profile.GetProperty("newBusinessTags").GetString());
        Assert.Equal("350102", profile.GetProperty("divisionCode").GetString());
        // A village branch: 5-year term by default.
        Assert.Equal(5, profile.GetProperty("effectiveTermYears").GetInt32());
        Assert.Equal("2028-01-10", profile.GetProperty("nextElectionOn").GetString());
        Assert.Equal(saved.GetProperty("nextElectionOn").GetString(), profile.GetProperty("nextElectionOn").GetString());
    }

    [Fact]
    public async Task PutOrganization_WhenDivisionCodeAndTermInvalid_RefusesNamingFields()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var api = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));

        using var response = await Http.PutJsonAsync(api, $"/api/v1/organizations/{branch.Id}", new { name = "X", divisionCode = "35010", termYears = 9 });

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["DivisionCode", "TermYears"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PutOrganization_WhenSecretaryOrOutOfScope_IsRefused()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var secretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, a.Id));
        var departmentOfA = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, a.Id));

        using var bySecretary = await Http.PutJsonAsync(secretary, $"/api/v1/organizations/{a.Id}", new { name = "X" });
        using var outOfScope = await Http.PutJsonAsync(departmentOfA, $"/api/v1/organizations/{b.Id}", new { name = "X" });

        Assert.Equal(HttpStatusCode.Forbidden, bySecretary.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
    }

    [Fact]
    public async Task EditPage_WhenPosted_SavesAndShowsErrorsBesideFields()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var browser = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));
        var url = $"/Organizations/Edit/{committee.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, url);

        using var bad = await browser.PostAsync(url, BastionFactory.Form(("Name", committee.Name), ("DivisionCode", "abc"), (BastionFactory.AntiforgeryField, token)));
        using var good = await browser.PostAsync(url, BastionFactory.Form(
            ("Name", committee.Name), ("UnitType", "StateEnterprise"), ("Tags", "NewBusinessForm"), ("DivisionCode", "350102"),
            ("TermStartedOn", "2022-06-30"), ("TermYears", ""), (BastionFactory.AntiforgeryField, token)));
        using var page = await browser.GetAsync(good.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"DivisionCode-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("2027-06-30", html, StringComparison.Ordinal); // a committee: 5 years
        await using var db = app.Database.NewContext();
        var stored = await OrganizationProfile.GetAsync(db, committee.Id);
        Assert.Equal((UnitType.StateEnterprise, NewBusinessTags.NewBusinessForm), (stored!.UnitType!.Value, stored.NewBusinessTags));
    }
}
