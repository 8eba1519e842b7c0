using System.Data.Common;
using Bastion.Data;
using Bastion.Generation;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Bastion.IntegrationTests;

/// <summary>
/// Each provider's migrations cover the model (STYLE §11), and the subtree query — the data scope's filter and the
/// tree's workhorse — is an indexed range scan on the provider this run uses (DESIGN §3).
/// </summary>
public sealed class SchemaTests(ITestOutputHelper output)
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_OfEachProvider_CoverTheModel(DatabaseProvider provider)
    {
        // Building the model needs no connection: HasPendingModelChanges compares it with the migrations' snapshot.
        var settings = provider == DatabaseProvider.Sqlite
            ? new StorageSettings(DatabaseProvider.Sqlite, "Data Source=x.db", Path.GetTempPath())
            : new StorageSettings(DatabaseProvider.Postgres, "Host=localhost;Database=x", Path.GetTempPath());
        var options = new DbContextOptionsBuilder<BastionDb>();
        BastionStorage.Configure(options, settings);
        using var db = new BastionDb(options.Options, FixedDataScope.System("schema test"), TimeProvider.System);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration covers: add one with `dotnet ef migrations add` for Bastion.Migrations.{provider}.");
    }

    [Fact]
    public async Task Migrations_OnTheCurrentProvider_LeaveNothingPending()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private const int Committees = 40;
    private const int BranchesPerCommittee = 100;

    [Fact]
    public async Task SubtreeQuery_OnThousandsOfOrganizations_UsesThePathIndex()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var (root, committeePath) = await AddTreeAsync(database);
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync(TestDatabase.Provider == DatabaseProvider.Sqlite ? "ANALYZE;" : "ANALYZE \"Organizations\";");

        // As the system sees it, and as an organization-department user of the root sees it (the scope filter adds its own range).
        var scopes = new IDataScope[] { FixedDataScope.System("plan test"), new FixedDataScope(root.Path, "orgdept#1") };
        foreach (var scope in scopes)
        {
            await using var db = database.NewContext(scope);
            var query = OrganizationQueries.InSubtree(db, committeePath);
            Assert.Equal(1 + BranchesPerCommittee, await query.CountAsync());

            var sql = query.ToQueryString();
            var plan = await ExplainAsync(db, query);
            output.WriteLine($"-- scope {scope.Path}\n{sql}\n-- plan\n{plan}\n");
            var message = $"Scope {scope.Path}. The subtree query does not use IX_Organizations_Path.\nSQL:\n{sql}\nPlan:\n{plan}";
            if (TestDatabase.Provider == DatabaseProvider.Sqlite)
            {
                Assert.True(plan.Contains("USING INDEX IX_Organizations_Path", StringComparison.Ordinal)
                    || plan.Contains("USING COVERING INDEX IX_Organizations_Path", StringComparison.Ordinal), message);
                Assert.False(plan.Contains("SCAN o", StringComparison.Ordinal) && !plan.Contains("SEARCH o", StringComparison.Ordinal), message);
            }
            else
            {
                Assert.True(plan.Contains("Index Scan on \"IX_Organizations_Path\"", StringComparison.Ordinal)
                    || plan.Contains("Index Only Scan using \"IX_Organizations_Path\"", StringComparison.Ordinal)
                    || plan.Contains("Index Scan using \"IX_Organizations_Path\"", StringComparison.Ordinal), message);
                Assert.DoesNotContain("Seq Scan on \"Organizations\"", plan);
            }
        }
    }

    /// <summary>
    /// EXPLAIN of exactly the command EF sends — its text and its parameter values — so the plan is the one the
    /// database really chooses (ToQueryString's text is for the failure message).
    /// </summary>
    private static async Task<string> ExplainAsync(BastionDb db, IQueryable<Organization> query)
    {
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (TestDatabase.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            var column = TestDatabase.Provider == DatabaseProvider.Sqlite ? reader.GetOrdinal("detail") : 0;
            while (await reader.ReadAsync()) lines.Add(reader.GetString(column));
            return string.Join("\n", lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A root with 40 committees of 100 branches each (4,041 organizations), inserted in one batch.</summary>
    private static async Task<(Organization Root, string CommitteePath)> AddTreeAsync(TestDatabase database)
    {
        var root = await TestData.AddRootAsync(database);
        await using var db = database.NewContext();
        db.SuppressRowAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = Clock.UtcNow(TimeProvider.System);
        var nextId = root.Id + 1;
        var all = new List<Organization>();
        var committeePaths = new List<string>();
        for (var c = 0; c < Committees; c++)
        {
            var committee = Node(nextId++, root, OrganizationKind.Committee, $"党委{c}");
            committeePaths.Add(committee.Path);
            all.Add(committee);
            for (var b = 0; b < BranchesPerCommittee; b++) all.Add(Node(nextId++, committee, OrganizationKind.Branch, $"支部{c}-{b}"));
        }
        db.Organizations.AddRange(all);
        await db.SaveChangesAsync();
        await DemoLoader.ResetIdentitySequencesAsync(db, CancellationToken.None);
        return (root, committeePaths[Committees / 2]);

        Organization Node(long id, Organization parent, OrganizationKind kind, string name) => new()
        {
            Id = id, Name = name, Kind = kind, CreatedAt = now, ParentId = parent.Id,
            Path = TreePath.Child(parent.Path, id), Depth = parent.Depth + 1, RegionId = parent.RegionId,
        };
    }
}
