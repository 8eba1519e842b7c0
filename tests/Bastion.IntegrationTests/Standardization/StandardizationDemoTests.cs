using System.Net;
using Bastion.Generation;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Standardization;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Standardization;

/// <summary>The demo county as seeded on first start: its branches have a standardization history, and the pages show it.</summary>
public sealed class StandardizationDemoTests
{
    [Fact]
    public async Task DemoSeed_GivesTheFirstCountysBranchesLastYearsAndThisYearsAssessments()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new BastionFactory(database, (BastionFactory.DemoSeedKey, "true"));
        factory.StartServer();
        var year = DateTime.Now.Year;
        long branchId;
        await using (var db = database.NewContext())
        {
            var rows = await db.Set<StandardizationAssessment>().Select(a => new { a.OrganizationId, a.Year, a.Status, a.Category, a.Total }).ToListAsync();
            var branches = rows.Select(r => r.OrganizationId).Distinct().ToList();
            Assert.True(branches.Count > 20, $"{branches.Count} branches assessed");
            Assert.All(branches, b => Assert.Contains(rows, r => r.OrganizationId == b && r.Year == year - 1 && r.Status == AssessmentStatus.Confirmed));
            Assert.All(branches, b => Assert.Contains(rows, r => r.OrganizationId == b && r.Year == year));
            Assert.Contains(rows, r => r.Year == year && r.Status == AssessmentStatus.Draft);
            Assert.True(rows.Where(r => r.Category is not null).Select(r => r.Category).Distinct().Count() >= 2, "the categories vary");
            var kinds = await db.Organizations.Where(o => branches.Contains(o.Id)).Select(o => o.Kind).Distinct().ToListAsync();
            Assert.All(kinds, k => Assert.True(k is OrganizationKind.Branch or OrganizationKind.JointBranch));
            Assert.All(rows.Where(r => r.Status == AssessmentStatus.Confirmed), r => Assert.InRange(r.Total!.Value, 0, 100));
            branchId = branches[0];
        }

        using var browser = factory.CreateBrowser();
        using (var login = await BastionFactory.PostLoginAsync(browser, "orgdept", DemoSeeder.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var list = await browser.GetStringAsync("/Standardization");
        Assert.Contains("data-testid=\"branch-row\"", list);
        var branch = await browser.GetStringAsync($"/Standardization/Branch?org={branchId}");
        Assert.Contains("data-testid=\"history-row\"", branch);
        Assert.Contains("data-testid=\"assess-form\"", branch);
    }
}
