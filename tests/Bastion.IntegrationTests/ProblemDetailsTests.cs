using System.Net;
using System.Text;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests;

/// <summary>Every API error is RFC 9457 problem details (STYLE §6): the status, a title, and what to fix.</summary>
public sealed class ProblemDetailsTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(Organization Root, HttpClient Admin)> AdminAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var admin = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.SystemAdmin, root.Id));
        return (root, admin);
    }

    [Theory]
    [InlineData("/api/v1/organizations/mine")]
    [InlineData("/api/v1/account/me")]
    [InlineData("/api/v1/members/1")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task ApiCall_WhenNotAuthenticated_IsUnauthorizedProblem(string url)
    {
        using var client = Factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiCall_WithUnknownToken_IsUnauthorizedProblem()
    {
        using var client = Factory.CreateApiClient("bst_not-a-real-token");

        using var response = await client.GetAsync("/api/v1/organizations/mine");

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateOrganization_WithInvalidJson_IsBadRequestProblem()
    {
        var (root, admin) = await AdminAsync();

        using var response = await admin.PostAsync("/api/v1/organizations",
            new StringContent("{\"parentId\": " + root.Id + ", \"name\": ", Encoding.UTF8, "application/json"));

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await ChildrenAsync(root.Id));
    }

    [Fact]
    public async Task CreateOrganization_WithoutName_IsBadRequestProblemNamingTheField()
    {
        var (root, admin) = await AdminAsync();

        using var response = await Http.PostJsonAsync(admin, "/api/v1/organizations", new { parentId = root.Id, kind = "Committee" });

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out var messages), problem.ToString());
        Assert.NotEqual(0, messages.GetArrayLength());
        Assert.Empty(await ChildrenAsync(root.Id));
    }

    [Fact]
    public async Task CreateOrganization_WithNothing_IsBadRequestProblemNamingEveryField()
    {
        var (root, admin) = await AdminAsync();

        using var response = await Http.PostJsonAsync(admin, "/api/v1/organizations", new { });

        var errors = (await Http.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Kind", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("ParentId", out _), errors.ToString());
        Assert.Empty(await ChildrenAsync(root.Id));
    }

    [Fact]
    public async Task RenameOrganization_WithBlankName_IsBadRequestProblemAndChangesNothing()
    {
        var (root, admin) = await AdminAsync();

        using var response = await Http.PutJsonAsync(admin, $"/api/v1/organizations/{root.Id}/name", new { name = "   " });

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _), problem.ToString());
        await using var db = app.Database.NewContext();
        Assert.Equal(root.Name, await db.Organizations.Where(o => o.Id == root.Id).Select(o => o.Name).SingleAsync());
    }

    [Fact]
    public async Task CreateOrganization_CommitteeUnderBranch_IsConflictNamingTheRule()
    {
        var (root, admin) = await AdminAsync();
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);

        using var response = await Http.PostJsonAsync(admin, "/api/v1/organizations", new { parentId = branch.Id, name = "不该存在的党委", kind = "Committee" });

        var problem = await Http.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("TreeRules.ChildKindAllowed", problem.GetProperty("rule").GetString());
        Assert.Empty(await ChildrenAsync(branch.Id));
    }

    [Fact]
    public async Task CreateOrganization_UnderMissingParent_IsNotFoundProblem()
    {
        var (_, admin) = await AdminAsync();

        using var response = await Http.PostJsonAsync(admin, "/api/v1/organizations", new { parentId = long.MaxValue, name = "孤儿", kind = "Branch" });

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v1/organizations/not-a-number")]
    [InlineData("/api")]
    public async Task UnknownApiRoute_WhenAuthenticated_IsNotFoundProblem(string url)
    {
        var (_, admin) = await AdminAsync();

        using var response = await admin.GetAsync(url);

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("children?page=abc")]
    [InlineData("subtree?kind=Nonsense")]
    [InlineData("subtree?pageSize=many")]
    public async Task TreeRead_WithMalformedQuery_IsBadRequestProblem(string rest)
    {
        var (root, admin) = await AdminAsync();

        using var response = await admin.GetAsync($"/api/v1/organizations/{root.Id}/{rest}");

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MissingOrganization_IsNotFoundProblem()
    {
        var (_, admin) = await AdminAsync();

        using var response = await admin.GetAsync($"/api/v1/organizations/{long.MaxValue}");

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_AfterRevocation_IsUnauthorizedProblem()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var user = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
        var token = await Factory.CreateTokenAsync(user);
        using var client = Factory.CreateApiClient(token.Secret);
        Assert.Equal(user.UserName, (await Http.GetJsonAsync(client, "/api/v1/account/me")).GetProperty("userName").GetString());

        using (var revoke = await client.DeleteAsync($"/api/v1/account/tokens/{token.Id}"))
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var response = await client.GetAsync("/api/v1/account/me");
        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_AfterExpiry_IsUnauthorizedProblem()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var user = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
        var token = await Factory.CreateTokenAsync(user, days: 1);
        await using (var db = app.Database.NewContext())
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        using var client = Factory.CreateApiClient(token.Secret);

        using var response = await client.GetAsync("/api/v1/account/me");

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokingAnotherUsersToken_IsNotFoundProblemAndLeavesItWorking()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var owner = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
        var ownerToken = await Factory.CreateTokenAsync(owner);
        var intruder = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id));

        using (var response = await intruder.DeleteAsync($"/api/v1/account/tokens/{ownerToken.Id}"))
            await Http.ProblemAsync(response, HttpStatusCode.NotFound);

        using var client = Factory.CreateApiClient(ownerToken.Secret);
        using var me = await client.GetAsync("/api/v1/account/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private async Task<List<long>> ChildrenAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Organizations.Where(o => o.ParentId == id).Select(o => o.Id).ToListAsync();
    }
}

/// <summary>Outside Development, ASP.NET Core does not throw on unreadable bodies; the answer must still be problem details.</summary>
public sealed class ProductionProblemDetailsTests(ProductionProblemDetailsTests.ProductionApp app) : IClassFixture<ProductionProblemDetailsTests.ProductionApp>
{
    public sealed class ProductionApp : BastionAppFixture
    {
        protected override string? Environment => "Production";
    }

    [Fact]
    public async Task CreateOrganization_WithInvalidJson_IsBadRequestProblem()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var admin = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.SystemAdmin, root.Id));

        using var response = await admin.PostAsync("/api/v1/organizations",
            new StringContent("{\"parentId\": " + root.Id + ", \"name\": ", Encoding.UTF8, "application/json"));

        await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownApiRoute_IsNotFoundProblem()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var admin = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.SystemAdmin, root.Id));

        using var response = await admin.GetAsync("/api/v1/no-such-thing");

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
