using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Bastion.IntegrationTests.Members;

/// <summary>Lists stay fast at city scale: the number of SQL statements of a roster request does not grow with the page.</summary>
public sealed class RosterStatementCountTests(BastionAppFixture app, ITestOutputHelper output) : IClassFixture<BastionAppFixture>
{
    private async Task<MembersTree> TreeWithMembersAsync(HttpClient secretary, MembersTree tree, int count)
    {
        await Http.JsonAsync(await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(RosterFile.Build(RosterFile.ValidRows(count, "计数")))));
        return tree;
    }

    [Fact]
    public async Task MemberList_WhenPageSizeGrows_RunsTheSameNumberOfStatements()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var secretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        await TreeWithMembersAsync(secretary, tree, 120);
        using var counter = new SqlCommandCounter(app.Database);
        await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?pageSize=5"); // warm up caches

        var small = await counter.CountAsync(async () => Assert.Equal(10, Http.Ids(await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?pageSize=10")).Count));
        var large = await counter.CountAsync(async () => Assert.Equal(100, Http.Ids(await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?pageSize=100")).Count));
        var filtered = await counter.CountAsync(async () => await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?pageSize=100&name=计数&category=Full&status=Active"));

        output.WriteLine($"API list: pageSize=10 → {small.Count} statements, pageSize=100 → {large.Count}, filtered → {filtered.Count}");
        Assert.Equal(small.Count, large.Count);
        Assert.Equal(small.Count, filtered.Count);
        Assert.InRange(large.Count, 1, 10);
    }

    [Fact]
    public async Task RosterPage_WhenBranchHasManyMembers_RunsTheSameNumberOfStatementsAsForFew()
    {
        var few = await MembersTree.BuildAsync(app.Database);
        var many = await MembersTree.BuildAsync(app.Database);
        var fewSecretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, few.A.Id));
        var manySecretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, many.A.Id));
        await TreeWithMembersAsync(fewSecretary, few, 2);
        await TreeWithMembersAsync(manySecretary, many, 120);
        var admin = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.SystemAdmin, few.Root.Id));
        var manyAdmin = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.SystemAdmin, many.Root.Id));
        using var counter = new SqlCommandCounter(app.Database);
        (await admin.GetAsync($"/Members?org={few.A.Id}")).EnsureSuccessStatusCode(); // warm up caches
        (await manyAdmin.GetAsync($"/Members?org={many.A.Id}")).EnsureSuccessStatusCode();

        var forFew = await counter.CountAsync(async () => (await admin.GetAsync($"/Members?org={few.A.Id}")).EnsureSuccessStatusCode());
        var forMany = await counter.CountAsync(async () => (await manyAdmin.GetAsync($"/Members?org={many.A.Id}")).EnsureSuccessStatusCode());

        output.WriteLine($"Roster page: 2 members → {forFew.Count} statements, 50 of 120 members → {forMany.Count}");
        Assert.Equal(forFew.Count, forMany.Count);
        Assert.InRange(forMany.Count, 1, 12);
    }

    [Fact]
    public async Task Import_ChecksAllResidentIdsInOneQuery()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var secretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        var file = RosterFile.Build(RosterFile.ValidRows(300, "一次"));
        using var counter = new SqlCommandCounter(app.Database);

        var commands = await counter.CountAsync(async () => await Http.JsonAsync(await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(file))));

        var lookups = commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && c.Contains("ResidentIdHash", StringComparison.Ordinal)).ToList();
        output.WriteLine($"Import of 300 rows: {commands.Count} statements, {lookups.Count} resident-ID lookup(s).");
        Assert.Single(lookups);
        var notInserts = commands.Count(c => !c.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase));
        Assert.True(notInserts < 20, $"{notInserts} statements besides the inserts for 300 rows: something runs per row.");
        // EF Core batches inserts on PostgreSQL; SQLite (in-process, no round trips) runs one INSERT per row in the same transaction.
        if (TestDatabase.Provider == Bastion.Data.DatabaseProvider.Postgres)
            Assert.True(commands.Count < 300, $"{commands.Count} statements for 300 rows: the insert is not batched.");
    }
}
