using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bastion.BrowserTests;

/// <summary>
/// The administrator opens the strength index of the demo county, runs the current quarter when nothing is assessed yet,
/// sees the radar drawn, drills into a child and an indicator, reads the dashboard on a phone and the big screen at 1920×1080.
/// </summary>
public sealed partial class StrengthDashboardTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task Administrator_RunsTheQuarter_ThenReadsTheDashboard_OnAPhone_AndOnTheBigScreen()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/Account/Login");
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync("Demo@2026");
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPath());

        await page.Locator("[data-testid=nav-strength]").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("组织力指数");
        if (await page.Locator("[data-testid=empty-state]").CountAsync() > 0)
        {
            await Expect(page.Locator("[data-testid=run-form]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=run-button]").ClickAsync();
        }
        await Expect(page).ToHaveURLAsync(DashboardWithPeriod());
        await Expect(page.Locator("[data-testid=strength-total]")).ToBeVisibleAsync();
        // ECharts drew the radar (SVG renderer) from the page's own data.
        await Expect(page.Locator("#strength-radar svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=indicator-row]")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = app.ArtifactPath("strength-dashboard.png"), FullPage = true });

        // Down the tree: a child's dashboard, then one of its indicators explained.
        var child = page.Locator("[data-testid=child-row] a").First;
        var childName = await child.InnerTextAsync();
        await child.ClickAsync();
        await Expect(page.Locator("[data-testid=strength-org]")).ToHaveTextAsync(childName);
        await page.Locator("[data-testid=indicator-row] th a").First.ClickAsync();
        await Expect(page.Locator("[data-testid=indicator-rule]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=indicator-figures]")).ToBeVisibleAsync();

        // On a phone the page does not scroll sideways: wide tables scroll inside their own box and charts shrink.
        await page.SetViewportSizeAsync(390, 844);
        await page.GoBackAsync();
        await Expect(page.Locator("#strength-radar svg")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"the dashboard is {overflow}px wider than a phone");

        // The big screen: dark, no navigation, the ranking chart drawn, nothing cut off at 1920×1080.
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync("/Strength/Screen");
        await Expect(page.Locator("[data-testid=screen-total]")).ToBeVisibleAsync();
        await Expect(page.Locator("#strength-radar svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#strength-ranking svg")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("nav.navbar").CountAsync());
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(11, 16, 32)", background);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 1920, $"the big screen is {width}px wide");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = app.ArtifactPath("strength-screen.png") });
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginPath();

    [GeneratedRegex("/Strength")]
    private static partial Regex DashboardWithPeriod();
}
