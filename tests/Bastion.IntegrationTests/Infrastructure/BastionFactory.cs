extern alias web;

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.IntegrationTests.Infrastructure;

/// <summary>A signed-up person: what a test needs to sign in as them or to mint their tokens.</summary>
public sealed record TestUser(long Id, string UserName, string Password, string Role, long OrganizationId);

/// <summary>
/// The real Bastion host (in memory) over one <see cref="TestDatabase"/>. Start-up migrates the database as in
/// production; the demo county is not seeded unless a test asks for it.
/// </summary>
public partial class BastionFactory(TestDatabase database, params (string Key, string? Value)[] settings)
    : WebApplicationFactory<web::Program>
{
    public const string DemoSeedKey = "Bastion:Demo:SeedOnFirstStart";
    public const string LoginPerMinuteKey = "Bastion:RateLimits:LoginPerMinute";
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string DefaultPassword = "Secret#2026";

    public TestDatabase Database { get; } = database;

    /// <summary>The hosting environment; null keeps the factory's default (Development).</summary>
    public string? Environment { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Configuration) builder.UseSetting(key, value);
        builder.UseSetting(DemoSeedKey, "false");
        // Tests of one class share a host and sign in often; the rate-limit test sets its own, small limit.
        builder.UseSetting(LoginPerMinuteKey, "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests run scheduled jobs themselves (RunJobAsync), at the moment and clock they choose.
        builder.UseSetting("Bastion:Jobs:Enabled", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (Environment is not null) builder.UseEnvironment(Environment);
    }

    // ---- people -------------------------------------------------------------------------------------------------

    /// <summary>Creates a sign-in account through <see cref="UserAccounts"/>, as the admin pages and the CLI do.</summary>
    public async Task<TestUser> CreateUserAsync(string role, long organizationId, long? memberId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpDataScope>().UseSystem("test");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BastionUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BastionDb>();
        var userName = TestData.Unique(role.ToLowerInvariant());
        var user = await UserAccounts.CreateAsync(users, db, new UserAccounts.NewUser
        {
            UserName = userName, DisplayName = "测试用户 " + userName, Password = DefaultPassword, Role = role,
            OrganizationId = organizationId, MemberId = memberId,
        });
        return new TestUser(user.Id, userName, DefaultPassword, role, organizationId);
    }

    /// <summary>A personal access token for the user, made the way the Tokens page makes one.</summary>
    public async Task<PersonalAccessTokens.Created> CreateTokenAsync(TestUser user, int? days = null)
    {
        await using var db = Database.NewContext();
        return await PersonalAccessTokens.CreateAsync(db, user.Id, new PersonalAccessTokens.Request { Name = "integration test", Days = days });
    }

    /// <summary>One round of a scheduled job, as the scheduler runs it (system data scope, fresh scope).</summary>
    public Task<string> RunJobAsync(string name) => web::Bastion.Web.Hosting.JobScheduler.RunOnceAsync(Services, name);

    // ---- clients ------------------------------------------------------------------------------------------------

    /// <summary>A client that behaves like a browser: keeps cookies, shows redirects instead of following them.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A machine client sending "Authorization: Bearer …" and no cookies.</summary>
    public HttpClient CreateApiClient(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public async Task<HttpClient> CreateApiClientAsync(TestUser user) => CreateApiClient((await CreateTokenAsync(user)).Secret);

    /// <summary>Signs in through the login form (antiforgery token included) and returns the signed-in browser.</summary>
    public async Task<HttpClient> SignInAsync(TestUser user)
    {
        var browser = CreateBrowser();
        using var response = await PostLoginAsync(browser, user.UserName, user.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {user.UserName} answered {(int)response.StatusCode}, not a redirect.");
        return browser;
    }

    /// <summary>GET /Account/Login for the antiforgery token and cookie, then POST the form.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(browser, "/Account/Login");
        return await browser.PostAsync("/Account/Login", Form(("UserName", userName), ("Password", password), (AntiforgeryField, token)));
    }

    /// <summary>Loads a page and returns the antiforgery token of its forms.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        using var response = await browser.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode}; expected a page with a form.");
        return AntiforgeryToken(html);
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["value"].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [GeneratedRegex(""""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"""")]
    private static partial Regex AntiforgeryInput();
}

/// <summary>
/// One running host over one fresh database, shared by the tests of a class (<c>IClassFixture</c>).
/// The tests still create their own organizations and people and assert only on those.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class BastionAppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private BastionFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");
    public BastionFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    protected virtual (string Key, string? Value)[] Settings => [];

    /// <summary>The hosting environment; null keeps the factory's default (Development).</summary>
    protected virtual string? Environment => null;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new BastionFactory(_database, Settings) { Environment = Environment };
        _factory.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
