using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Bastion.BrowserTests;

/// <summary>
/// End-to-end checks in a real browser: the demo secretary logs in, the interface is in Chinese,
/// switching to English works and sticks; a wrong password is refused.
/// </summary>
public sealed partial class LoginAndLanguageTests : IClassFixture<BastionAppFixture>
{
    private const string DemoUser = "secretary";
    private const string DemoPassword = "Demo@2026";
    private const float ActionTimeoutMs = 30_000;

    private readonly BastionAppFixture _app;
    private readonly ITestOutputHelper _output;

    public LoginAndLanguageTests(BastionAppFixture app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
        SetDefaultExpectTimeout(15_000);
    }

    [Fact]
    public async Task Secretary_LogsInInChinese_SwitchesToEnglish_AndEnglishPersists()
    {
        await using var context = await _app.NewContextAsync();
        var page = await NewPageAsync(context);

        await RunWithFailureDumpAsync(page, nameof(Secretary_LogsInInChinese_SwitchesToEnglish_AndEnglishPersists), async () =>
        {
            // Anonymous visit to the home page ends on the login page.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(LoginUrl());

            await LogInAsync(page, DemoUser, DemoPassword);

            // Logged in: back on the home page, in Chinese.
            await Expect(page).Not.ToHaveURLAsync(LoginUrl());
            Assert.Equal("/", new Uri(page.Url).AbsolutePath);
            var html = page.Locator("html");
            await Expect(html).ToHaveAttributeAsync("lang", "zh-CN");
            await Expect(Nav(page, "首页")).ToBeVisibleAsync();
            Assert.Matches(ChineseText(), await page.Locator("body").InnerTextAsync());

            var chineseShot = _app.ArtifactPath("home-zh.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = chineseShot, FullPage = true });

            // Switch to English.
            await page.Locator("[data-testid=lang-en]").First.ClickAsync();
            await Expect(html).ToHaveAttributeAsync("lang", "en");
            await Expect(Nav(page, "Home")).ToBeVisibleAsync();

            // The choice survives a reload (it is stored, not just applied to one response).
            await page.ReloadAsync();
            await Expect(html).ToHaveAttributeAsync("lang", "en");
            await Expect(Nav(page, "Home")).ToBeVisibleAsync();
            await Expect(Nav(page, "首页")).ToHaveCountAsync(0);

            var englishShot = _app.ArtifactPath("home-en.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = englishShot, FullPage = true });

            AssertPng(chineseShot);
            AssertPng(englishShot);
            _output.WriteLine($"Screenshots: {chineseShot}, {englishShot}");
        });
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsErrorAndStaysLoggedOut()
    {
        await using var context = await _app.NewContextAsync();
        var page = await NewPageAsync(context);

        await RunWithFailureDumpAsync(page, nameof(Login_WithWrongPassword_ShowsErrorAndStaysLoggedOut), async () =>
        {
            await page.GotoAsync("/Account/Login");
            await LogInAsync(page, DemoUser, "Wrong-Password-123");

            // Still on the login page, with a visible, non-empty error message.
            await Expect(page).ToHaveURLAsync(LoginUrl());
            var error = page.Locator(
                "[data-testid=login-error], .validation-summary-errors, .alert-danger, [role=alert], .text-danger")
                .Filter(new LocatorFilterOptions { HasTextRegex = NonBlank() });
            await Expect(error.First).ToBeVisibleAsync();
            _output.WriteLine($"Login error shown: {(await error.First.InnerTextAsync()).Trim()}");

            // Not logged in: the home page still sends us to the login page.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(LoginUrl());
        });
    }

    private async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ActionTimeoutMs);
        page.SetDefaultNavigationTimeout(ActionTimeoutMs);
        // Reported, not asserted: useful when a test fails on a broken page.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"console.{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Log($"page error: {error}");
        page.RequestFailed += (_, request) => Log($"request failed: {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Log($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return page;
    }

    private static async Task LogInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        // Scope to the login form: the layout may hold other forms (e.g. a language switch).
        await page.Locator("form:has(#Password) button[type=submit]").First.ClickAsync();
    }

    private static ILocator Nav(IPage page, string text) =>
        page.Locator("nav").Filter(new LocatorFilterOptions { HasText = text }).First;

    private async Task RunWithFailureDumpAsync(IPage page, string testName, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            try
            {
                var shot = _app.ArtifactPath($"failure-{testName}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
                var htmlDump = _app.ArtifactPath($"failure-{testName}.html");
                await File.WriteAllTextAsync(htmlDump, await page.ContentAsync());
                _output.WriteLine($"Failure at {page.Url}; screenshot {shot}, HTML {htmlDump}");
            }
            catch (PlaywrightException dumpError)
            {
                _output.WriteLine($"Could not save the failure dump: {dumpError.Message}");
            }

            throw;
        }
    }

    private void Log(string line)
    {
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // Event arrived after the test finished.
        }
    }

    private static void AssertPng(string path)
    {
        var file = new FileInfo(path);
        Assert.True(file.Exists, $"screenshot {path} was not written");
        Assert.True(file.Length > 1000, $"screenshot {path} is suspiciously small ({file.Length} bytes)");
        var header = new byte[8];
        using (var stream = file.OpenRead())
        {
            stream.ReadExactly(header);
        }

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, header);
    }

    [GeneratedRegex("/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginUrl();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();

    [GeneratedRegex(@"\S")]
    private static partial Regex NonBlank();
}
