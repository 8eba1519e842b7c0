using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bastion.BrowserTests;

/// <summary>A citizen with no account raises a request on a phone and follows it with the tracking code.</summary>
public sealed class PublicRequestTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task Citizen_OnPhone_RaisesARequest_IsToldWhatIsMissing_ThenTracksIt()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/");
        // Signed out, the header offers the public request pages.
        await page.Locator("[data-testid=public-links] a[href='/public/requests/new']").ClickAsync();

        var form = page.Locator("[data-testid=intake-form]");
        await form.Locator("#CategoryCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("#GridId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("#AddressText").FillAsync("幸福路 12 号");
        await form.Locator("button[type=submit]").ClickAsync();

        // Nothing typed is lost, and the empty description is named beside the field.
        await Expect(page.Locator("[data-testid=description-error]")).ToBeVisibleAsync();
        await Expect(page.Locator("#AddressText")).ToHaveValueAsync("幸福路 12 号");

        await page.Locator("#Description").FillAsync("小区门口路灯坏了 <script>alert(1)</script>");
        await page.Locator("[data-testid=intake-form] button[type=submit]").ClickAsync();

        // The confirmation names the code to keep.
        await Expect(page.Locator("[data-testid=received]")).ToBeVisibleAsync();
        var code = await page.Locator("[data-testid=code]").InnerTextAsync();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$", code.Trim());
        // The text is shown as text: the script tag is visible, not run.
        await Expect(page.Locator("[data-testid=description]")).ToContainTextAsync("<script>alert(1)</script>");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = app.ArtifactPath("public-request-tracking.png"), FullPage = true });
    }
}
