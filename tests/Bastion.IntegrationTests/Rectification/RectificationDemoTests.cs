using System.Net;
using Bastion.Generation;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Rectification;

/// <summary>The demo county as seeded on first start: rectification cases in every state, seen by the county's organization department.</summary>
public sealed class RectificationDemoTests
{
    [Fact]
    public async Task DemoSeed_HasCasesInEveryState_AndTheLedgerShowsThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new BastionFactory(database, (BastionFactory.DemoSeedKey, "true"));
        factory.StartServer();
        await using (var db = database.NewContext())
        {
            var states = await db.Set<RectificationCase>().Select(c => c.State).Distinct().OrderBy(s => s).ToListAsync();
            Assert.Equal(Enum.GetValues<RectificationState>(), states);
            Assert.True(await db.Set<RectificationCheck>().AnyAsync(k => !k.Passed));
            // Every closed case has a passed check, as the rule demands of the use case.
            Assert.False(await db.Set<RectificationCase>().AnyAsync(c => c.State == RectificationState.Closed && !db.Set<RectificationCheck>().Any(k => k.CaseId == c.Id && k.Passed)));
        }

        using var browser = factory.CreateBrowser();
        using (var login = await BastionFactory.PostLoginAsync(browser, "orgdept", DemoSeeder.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var html = await (await browser.GetAsync("/Rectification")).Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"count-Closed\">1<", html);
        Assert.Contains("table-danger", html); // the overdue case comes first, marked
    }
}
