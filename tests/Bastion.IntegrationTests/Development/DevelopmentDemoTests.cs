using System.Net;
using Bastion.Development;
using Bastion.Generation;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Development;

/// <summary>The demo county as seeded on first start: its development pipeline loads, and the views show it.</summary>
public sealed class DevelopmentDemoTests
{
    [Fact]
    public async Task DemoSeed_LoadsCandidatesAtEveryStage_AndTheOrganizationDepartmentSeesThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new BastionFactory(database, (BastionFactory.DemoSeedKey, "true"));
        factory.StartServer();
        await using (var db = database.NewContext())
        {
            var stages = await db.Set<Candidate>().Select(c => c.Stage).Distinct().OrderBy(s => s).ToListAsync();
            Assert.Equal([1, 2, 3, 4, 5], stages);
            // Admitted and converted candidates are on their branch's roster, with the passed vote behind their ⑮.
            var admitted = await (from c in db.Set<Candidate>()
                                  where c.MemberId != null
                                  join m in db.Members on c.MemberId equals m.Id
                                  select new { c.Status, m.Category, m.OrganizationId, Branch = c.OrganizationId }).ToListAsync();
            Assert.NotEmpty(admitted);
            Assert.All(admitted, a => Assert.Equal(a.Branch, a.OrganizationId));
            Assert.All(admitted, a => Assert.Equal(a.Status == CandidateStatus.Converted ? MemberCategory.Full : MemberCategory.Probationary, a.Category));
            Assert.False(await db.Set<DevelopmentStep>().AnyAsync(s => (s.Number == 15 || s.Number == 23) && s.MeetingResolutionId == null));
        }

        using var browser = factory.CreateBrowser();
        using (var login = await BastionFactory.PostLoginAsync(browser, "orgdept", DemoSeeder.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var subtree = await browser.GetAsync("/Development/Subtree");
        Assert.Equal(HttpStatusCode.OK, subtree.StatusCode);
        using var queue = await browser.GetAsync("/Development/Queue");
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("data-candidate=", html, StringComparison.Ordinal);
    }
}
