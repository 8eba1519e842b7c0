using Bastion.Cli;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Cli;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryMigration_AndRepeatingChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        int all;
        await using (var context = db.NewContext()) all = context.Database.GetMigrations().Count();

        var first = await CliRun.MigrateAsync(db);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains(db.Settings.Describe(), first.Out);
        Assert.Contains($"Applied {all} migration", first.Out);
        await using (var context = db.NewContext())
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(all, (await context.Database.GetAppliedMigrationsAsync()).Count());
        }

        var second = await CliRun.MigrateAsync(db);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("Applied 0 migrations", second.Out);
    }

    [Fact]
    public async Task VerbNeedingTheSchema_OnUnmigratedDatabase_AsksToMigrate()
    {
        await using var db = await TestDatabase.CreateAsync();

        var result = await CliRun.RunAsync(db, "audit", "verify");

        CliRun.AssertCleanFailure(result);
        Assert.Contains("bastion migrate", result.Err);
    }
}
