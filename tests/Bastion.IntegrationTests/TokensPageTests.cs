using System.Net;
using System.Text.RegularExpressions;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests;

/// <summary>The Tokens page: a person mints a token for their scripts (secret shown once) and revokes it.</summary>
public sealed partial class TokensPageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(TestUser User, HttpClient Browser)> SignedInAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var user = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
        return (user, await Factory.SignInAsync(user));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, params (string Name, string Value)[] fields)
    {
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/Account/Tokens");
        return await browser.PostAsync(url, BastionFactory.Form([.. fields, (BastionFactory.AntiforgeryField, token)]));
    }

    [Fact]
    public async Task CreateToken_ShowsTheSecretOnce_AndTheSecretOpensTheApiAsTheUser()
    {
        var (user, browser) = await SignedInAsync();

        using var created = await PostAsync(browser, "/Account/Tokens?handler=Create", ("Name", "脚本"), ("Days", "30"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = NewSecret().Match(await created.Content.ReadAsStringAsync()).Groups["secret"].Value;
        Assert.StartsWith(ApiToken.Prefix, secret);
        using var client = Factory.CreateApiClient(secret);
        Assert.Equal(user.UserName, (await Http.GetJsonAsync(client, "/api/v1/account/me")).GetProperty("userName").GetString());

        using var again = await browser.GetAsync("/Account/Tokens");
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("脚本", html);
        Assert.DoesNotContain(secret, html);
        await using var db = app.Database.NewContext();
        var stored = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id);
        Assert.NotEqual(secret, stored.TokenHash);
        Assert.Equal(ApiToken.Hash(secret), stored.TokenHash);
    }

    [Fact]
    public async Task CreateToken_WithoutName_ShowsTheErrorAndCreatesNothing()
    {
        var (user, browser) = await SignedInAsync();

        using var response = await PostAsync(browser, "/Account/Tokens?handler=Create", ("Name", ""), ("Days", "30"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"Name-error\"", await response.Content.ReadAsStringAsync());
        await using var db = app.Database.NewContext();
        Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == user.Id));
    }

    [Fact]
    public async Task RevokeToken_FromThePage_ClosesTheApiToIt()
    {
        var (user, browser) = await SignedInAsync();
        var token = await Factory.CreateTokenAsync(user);

        using (var revoke = await PostAsync(browser, $"/Account/Tokens?handler=Revoke&tokenId={token.Id}"))
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        using var client = Factory.CreateApiClient(token.Secret);
        using var response = await client.GetAsync("/api/v1/account/me");
        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeToken_OfAnotherUser_IsNotFoundAndLeavesItWorking()
    {
        var (_, browser) = await SignedInAsync();
        var (other, _) = await SignedInAsync();
        var token = await Factory.CreateTokenAsync(other);

        using (var revoke = await PostAsync(browser, $"/Account/Tokens?handler=Revoke&tokenId={token.Id}"))
            Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);

        using var client = Factory.CreateApiClient(token.Secret);
        using var response = await client.GetAsync("/api/v1/account/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("""data-testid="new-token">(?<secret>[^<]+)<""")]
    private static partial Regex NewSecret();
}
