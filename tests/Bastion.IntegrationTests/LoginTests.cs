using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests;

/// <summary>Sign-in through the real form: antiforgery, lockout, rate limit, and the language people see.</summary>
public sealed class LoginTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private const string FailedZh = "用户名或密码不正确。";
    private const string LockedOutZh = "连续多次登录失败，账号已暂时锁定";

    private BastionFactory Factory => app.Factory;

    private async Task<TestUser> NewUserAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        return await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
    }

    [Fact]
    public async Task Login_WithCorrectPassword_SetsCookieAndRedirects()
    {
        var user = await NewUserAsync();
        var browser = Factory.CreateBrowser();

        using var response = await BastionFactory.PostLoginAsync(browser, user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bastion.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("测试用户 " + user.UserName, await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WithLocalReturnUrl_RedirectsThere_AndWithForeignOne_GoesHome()
    {
        var user = await NewUserAsync();

        var local = Factory.CreateBrowser();
        var token = await BastionFactory.AntiforgeryTokenAsync(local, "/Account/Login");
        using (var response = await local.PostAsync("/Account/Login?ReturnUrl=%2FOrganizations", BastionFactory.Form(
                   ("UserName", user.UserName), ("Password", user.Password), (BastionFactory.AntiforgeryField, token))))
            Assert.Equal("/Organizations", response.Headers.Location?.OriginalString);

        var foreign = Factory.CreateBrowser();
        token = await BastionFactory.AntiforgeryTokenAsync(foreign, "/Account/Login");
        using (var response = await foreign.PostAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", BastionFactory.Form(
                   ("UserName", user.UserName), ("Password", user.Password), (BastionFactory.AntiforgeryField, token))))
            Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsThePageWithAnErrorAndStatus400()
    {
        var user = await NewUserAsync();
        var browser = Factory.CreateBrowser();

        using var response = await BastionFactory.PostLoginAsync(browser, user.UserName, "Wrong#2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-error\"", html);
        Assert.Contains(FailedZh, html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bastion.auth=", StringComparison.Ordinal)));
        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Login_ForUnknownUser_SaysTheSameAsForAWrongPassword()
    {
        var browser = Factory.CreateBrowser();

        using var response = await BastionFactory.PostLoginAsync(browser, TestData.Unique("nobody"), "Wrong#2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(FailedZh, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        var user = await NewUserAsync();
        var browser = Factory.CreateBrowser();
        await BastionFactory.AntiforgeryTokenAsync(browser, "/Account/Login");

        using var response = await browser.PostAsync("/Account/Login", BastionFactory.Form(("UserName", user.UserName), ("Password", user.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bastion.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        var user = await NewUserAsync();
        var browser = Factory.CreateBrowser();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await BastionFactory.PostLoginAsync(browser, user.UserName, $"Wrong#{i}2026");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using var right = await BastionFactory.PostLoginAsync(browser, user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains(LockedOutZh, await right.Content.ReadAsStringAsync());
        await using var db = app.Database.NewContext();
        var lockoutEnd = await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync();
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"LockoutEnd {lockoutEnd}");
    }

    [Fact]
    public async Task Token_OfLockedOutUser_IsRefused()
    {
        var user = await NewUserAsync();
        var token = await Factory.CreateTokenAsync(user);
        var browser = Factory.CreateBrowser();
        for (var i = 0; i < 5; i++) (await BastionFactory.PostLoginAsync(browser, user.UserName, "Wrong#2026")).Dispose();

        using var client = Factory.CreateApiClient(token.Secret);
        using var response = await client.GetAsync("/api/v1/account/me");

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HomePage_ByDefault_IsChinese_AndAfterChoosingEnglish_IsEnglish()
    {
        var browser = await Factory.SignInAsync(await NewUserAsync());

        using (var home = await browser.GetAsync("/"))
        {
            var html = await home.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("<html lang=\"zh-CN\">", html);
            Assert.Contains("首页", html);
        }

        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/");
        using (var choose = await browser.PostAsync("/Language", BastionFactory.Form(("culture", "en"), ("returnUrl", "/"), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
            Assert.Equal("/", choose.Headers.Location?.OriginalString);
            Assert.Contains(choose.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        }

        using (var home = await browser.GetAsync("/"))
        {
            var html = await home.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"en\">", html);
            Assert.Contains(">Home<", html);
            Assert.DoesNotContain("首页", html);
        }
    }

    [Fact]
    public async Task LoginPage_ForAnonymousVisitor_IsChineseByDefault()
    {
        using var page = await Factory.CreateBrowser().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Language_WithUnsupportedCulture_IsRejected()
    {
        var browser = Factory.CreateBrowser();
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/Account/Login");

        using var response = await browser.PostAsync("/Language", BastionFactory.Form(("culture", "fr"), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ProtectedPage_WhenAnonymous_RedirectsToLogin()
    {
        using var response = await Factory.CreateBrowser().GetAsync("/Organizations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(Factory.ClientOptions.BaseAddress, response.Headers.Location!).AbsolutePath);
    }
}

/// <summary>Login POSTs are rate limited per address; this class gets its own host so no other test spends the budget.</summary>
public sealed class LoginRateLimitTests(LoginRateLimitTests.ThreePerMinute app) : IClassFixture<LoginRateLimitTests.ThreePerMinute>
{
    public sealed class ThreePerMinute : BastionAppFixture
    {
        protected override (string Key, string? Value)[] Settings => [(BastionFactory.LoginPerMinuteKey, "3")];
    }

    [Fact]
    public async Task Login_FourthPostWithinAMinute_IsTooManyRequests()
    {
        var browser = app.Factory.CreateBrowser();

        for (var i = 0; i < 3; i++)
        {
            using var attempt = await BastionFactory.PostLoginAsync(browser, "nobody", "Wrong#2026");
            Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
        }
        using var fourth = await BastionFactory.PostLoginAsync(browser, "nobody", "Wrong#2026");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        // Reading the page is not limited, only the attempts.
        using var page = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
