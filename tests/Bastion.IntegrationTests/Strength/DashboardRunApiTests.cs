using System.Net;
using Bastion.Compliance;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Strength.DashboardTestData;

namespace Bastion.IntegrationTests.Strength;

/// <summary>POST /api/v1/strength/runs: administrators only, a malformed period is 400, a period not started is 409 with the rule.</summary>
public sealed class DashboardRunApiTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<HttpClient> ApiAsync(string role, Organization organization) =>
        await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(role, organization.Id));

    [Fact]
    public async Task Run_IsForAdministrators_RefusesAMalformedPeriodAndOneNotStarted_AndStoresTheSnapshot()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await AddAsync(app.Database, root, OrganizationKind.Branch);
        var admin = await ApiAsync(BastionRoles.SystemAdmin, root);

        using (var malformed = await Http.PostJsonAsync(admin, "/api/v1/strength/runs", new { period = "2026Q5" }))
        {
            var problem = await Http.ProblemAsync(malformed, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        }
        var next = Period.Of(PeriodKind.Quarter, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3)).Label;
        using (var future = await Http.PostJsonAsync(admin, "/api/v1/strength/runs", new { period = next }))
        {
            var problem = await Http.ProblemAsync(future, HttpStatusCode.Conflict);
            Assert.Equal(RunAssessment.PeriodNotStartedRule, problem.GetProperty("rule").GetString());
        }
        await using (var db = app.Database.NewContext())
            Assert.False(await db.Set<AssessmentRun>().AnyAsync(r => r.Period == next));

        var orgdept = await ApiAsync(BastionRoles.OrganizationDepartment, root);
        using (var refused = await Http.PostJsonAsync(orgdept, "/api/v1/strength/runs", new { period = "1940Q1" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using (var created = await Http.PostJsonAsync(admin, "/api/v1/strength/runs", new { period = "1940Q1" }))
        {
            var run = await Http.JsonAsync(created);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("1940Q1", run.GetProperty("period").GetString());
        }
        var overview = await Http.GetJsonAsync(orgdept, $"/api/v1/strength/organizations/{branch.Id}?period=1940Q1");
        Assert.Equal(branch.Id, overview.GetProperty("score").GetProperty("organizationId").GetInt64());
        // The run's audit event extends the chain, so later audited saves still find the head where the chain ends.
        await TestData.AddRootAsync(app.Database);
    }
}
