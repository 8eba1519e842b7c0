using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bastion.BrowserTests;

/// <summary>The county organization department browses the tree lazily; a secretary on a phone sees the roster.</summary>
public sealed partial class TreeBrowsingTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task OrganizationDepartment_ExpandsTreeNodes_ChildrenLoadOnDemand()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "orgdept");

        await page.GotoAsync("/Organizations");
        var tree = page.Locator("#org-tree");
        // The root (the county committee) opens by itself and shows its children fetched from the API.
        var rootItem = tree.Locator("> li[role=treeitem]");
        await Expect(rootItem).ToHaveAttributeAsync("aria-expanded", "true");
        var children = rootItem.Locator("> ul[role=group] > li[role=treeitem]");
        await Expect(children.First).ToBeVisibleAsync();
        var childCount = await children.CountAsync();
        Assert.True(childCount >= 5, $"the county committee shows {childCount} children");

        // A township committee has children of its own: expanding it loads them, collapsing hides them.
        var township = children.Filter(new LocatorFilterOptions { HasTextRegex = TownshipName() }).First;
        await township.Locator("> .node > button.toggle").ClickAsync();
        await Expect(township).ToHaveAttributeAsync("aria-expanded", "true");
        var grandChildren = township.Locator("> ul[role=group] > li[role=treeitem]");
        await Expect(grandChildren.First).ToBeVisibleAsync();
        await township.Locator("> .node > button.toggle").ClickAsync();
        await Expect(township).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(grandChildren.First).ToBeHiddenAsync();

        // A name leads to the organization's page.
        await township.Locator("> .node > a").ClickAsync();
        await Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(TownshipName());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = app.ArtifactPath("organization-details.png"), FullPage = true });
    }

    [Fact]
    public async Task Secretary_OnPhone_SeesMaskedRoster()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await LogInAsync(page, "secretary");

        // The navigation collapses behind the toggler on a phone.
        await page.Locator("button.navbar-toggler").ClickAsync();
        await page.Locator("nav a[href='/Members']").ClickAsync();
        var rows = page.Locator("[data-testid=member-table] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var firstId = await rows.First.Locator("code").InnerTextAsync();
        Assert.Matches(MaskedResidentId(), firstId);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = app.ArtifactPath("roster-phone.png"), FullPage = false });
    }

    private static async Task LogInAsync(IPage page, string user)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#UserName").FillAsync(user);
        await page.Locator("#Password").FillAsync("Demo@2026");
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPath());
    }

    [GeneratedRegex("(镇党委|街道党工委)")]
    private static partial Regex TownshipName();

    [GeneratedRegex(@"^\d{4}\*{10}\d{3}[\dX]$")]
    private static partial Regex MaskedResidentId();

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginPath();
}
