using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.IntegrationTests.Members;
using Bastion.Organizations;
using static Bastion.IntegrationTests.Strength.DashboardTestData;

namespace Bastion.IntegrationTests.Strength;

/// <summary>The dashboards read the stored snapshot only, in a fixed number of statements whatever the size of the level.</summary>
public sealed class DashboardStatementTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(Organization Root, string Period)> LevelAsync(int children)
    {
        var root = await TestData.AddRootAsync(app.Database);
        var run = await AddRunAsync(app.Database);
        var rows = new List<object> { Score(run, root, 70, 70, 70, 70, 70), Value(run, root, "attendance", 1, 2, 10, 20, 50, 50) };
        for (var i = 0; i < children; i++)
        {
            var child = await AddAsync(app.Database, root, OrganizationKind.Branch);
            rows.Add(Score(run, child, 50 + i, 50, 50, 50, 50));
            rows.Add(Value(run, child, "attendance", 1, 2, 1, 2, 50, 50));
            rows.Add(Warning(run, child, "silent-branch", 40 + i, new DateOnly(2025, 1, 1)));
        }
        await SaveAsync(app.Database, [.. rows]);
        return (root, run.Period);
    }

    [Fact]
    public async Task Dashboard_ScreenAndApi_ReadOnlyTheSnapshot_NeverTheMeetingsOrRequestsTables()
    {
        var (root, period) = await LevelAsync(3);
        var user = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
        var browser = await Factory.SignInAsync(user);
        var api = await Factory.CreateApiClientAsync(user);
        using var counter = new SqlCommandCounter(app.Database);

        foreach (var (client, url) in new[]
        {
            (browser, $"/Strength/{root.Id}?period={period}"), (browser, $"/Strength/Screen/{root.Id}?period={period}"),
            (browser, $"/Strength/Warnings/{root.Id}?period={period}"), (api, $"/api/v1/strength/organizations/{root.Id}?period={period}"),
            (api, $"/api/v1/strength/organizations/{root.Id}/children?period={period}"),
        })
        {
            var commands = await counter.CountAsync(async () =>
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            });
            Assert.Contains(commands, c => c.Contains("assessment_runs", StringComparison.Ordinal));
            Assert.DoesNotContain(commands, c => c.Contains("Meeting", StringComparison.Ordinal) || c.Contains("ServiceRequests", StringComparison.Ordinal)
                || c.Contains("RequestEvents", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Dashboard_StatementCount_IsTheSameForTwoOrTwelveChildren()
    {
        var small = await LevelAsync(2);
        var large = await LevelAsync(12);
        var user = await Factory.CreateUserAsync(BastionRoles.SystemAdmin, small.Root.Id);
        var browser = await Factory.SignInAsync(user);
        var api = await Factory.CreateApiClientAsync(user);
        using var counter = new SqlCommandCounter(app.Database);

        async Task<int> CountAsync(HttpClient client, string url, string expected)
        {
            var body = "";
            var commands = await counter.CountAsync(async () => body = await client.GetStringAsync(url));
            Assert.Contains(expected, body);
            return commands.Count;
        }

        foreach (var (client, template) in new[]
        {
            (browser, "/Strength/{0}?period={1}"), (browser, "/Strength/Screen/{0}?period={1}"), (browser, "/Strength/Warnings/{0}?period={1}"),
            (api, "/api/v1/strength/organizations/{0}?period={1}"), (api, "/api/v1/strength/organizations/{0}/children?period={1}"),
            (api, "/api/v1/strength/organizations/{0}/ranking.xlsx?subtree=true&period={1}"),
        })
        {
            // Warm-up: the first request of a kind may compile views or prime caches.
            await CountAsync(client, string.Format(template, small.Root.Id, small.Period), "");
            var a = await CountAsync(client, string.Format(template, small.Root.Id, small.Period), "");
            var b = await CountAsync(client, string.Format(template, large.Root.Id, large.Period), "");
            Assert.True(a == b, $"{template}: {a} statements for 2 children, {b} for 12");
            Assert.InRange(b, 1, 16);
        }
    }
}
