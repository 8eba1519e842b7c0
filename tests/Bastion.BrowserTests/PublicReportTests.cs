using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bastion.BrowserTests;

/// <summary>A citizen with no account reports misconduct anonymously on a phone and follows it with the code and secret.</summary>
public sealed class PublicReportTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task Citizen_OnPhone_ReportsAnonymously_IsToldWhatIsMissing_ThenFollowsItWithCodeAndSecret()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/");
        await page.Locator("[data-testid=public-links] a[href='/public/reports/new']").ClickAsync();

        var form = page.Locator("[data-testid=report-form]");
        await form.Locator("#Category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("#OrganizationId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("#HappenedWhen").FillAsync("今年三月");
        await form.Locator("button[type=submit]").ClickAsync();

        // The missing account is named beside its field, and what was typed is kept.
        await Expect(page.Locator("[data-testid=account-error]")).ToBeVisibleAsync();
        await Expect(page.Locator("#HappenedWhen")).ToHaveValueAsync("今年三月");

        // The first organization is the top of the tree: nobody above it can receive the report, and the page says
        // so in Chinese with where to turn instead.
        await page.Locator("#Account").FillAsync("村里以开会名义组织公款吃喝，每月数次。");
        await page.Locator("[data-testid=report-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=organization-error], [data-testid=form-error]").First).ToContainTextAsync("12388");
        await Expect(page.Locator("#Account")).ToHaveValueAsync("村里以开会名义组织公款吃喝，每月数次。");

        // A village branch further down the list is received one level above it.
        await page.Locator("#OrganizationId").SelectOptionAsync(new SelectOptionValue { Index = 5 });
        await page.Locator("[data-testid=report-form] button[type=submit]").ClickAsync();

        // The receipt shows the code and the secret once.
        await Expect(page.Locator("[data-testid=receipt]")).ToBeVisibleAsync();
        var code = (await page.Locator("[data-testid=tracking-code]").InnerTextAsync()).Trim();
        var secret = (await page.Locator("[data-testid=secret]").InnerTextAsync()).Trim();
        Assert.NotEmpty(code);
        Assert.NotEmpty(secret);

        // A wrong secret is refused beside the secret field; the right one shows the report's status.
        await page.GotoAsync("/public/reports/track");
        await page.Locator("#Code").FillAsync(code);
        await page.Locator("#Secret").FillAsync("WRONG-SECRET-0000");
        await page.Locator("[data-testid=track-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=secret-error]")).ToBeVisibleAsync();
        Assert.DoesNotContain("Discipline.", await page.Locator("[data-testid=secret-error]").InnerTextAsync());

        await page.Locator("#Secret").FillAsync(secret);
        await page.Locator("[data-testid=track-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=report-status]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=status]")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = app.ArtifactPath("public-report-tracking.png"), FullPage = true });
    }
}
