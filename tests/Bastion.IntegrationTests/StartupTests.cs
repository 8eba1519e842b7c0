using System.Net;
using Bastion.Data;
using Bastion.Generation;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests;

/// <summary>Start-up fails fast on wrong settings (STYLE §10), and seeds the demo county once, on an empty database.</summary>
[Collection(StartupCollection.Name)]
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithUnknownProvider_FailsNamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync();

        var failure = await StartAndCaptureFailureAsync(database, (StorageSettings.ProviderKey, "Oracle"));

        failure.AssertNames(StorageSettings.ProviderKey, "Oracle");
    }

    [Fact]
    public async Task Start_WithPostgresButNoConnectionString_FailsNamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync();

        var failure = await StartAndCaptureFailureAsync(database, (StorageSettings.ProviderKey, "Postgres"), (StorageSettings.ConnectionStringKey, ""));

        failure.AssertNames(StorageSettings.ConnectionStringKey);
    }

    [Fact]
    public async Task Start_WithUnreachablePostgres_FailsNamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync();

        var failure = await StartAndCaptureFailureAsync(database,
            (StorageSettings.ProviderKey, "Postgres"), (StorageSettings.ConnectionStringKey, "Host=127.0.0.1;Port=1;Database=nothing;Timeout=2"));

        failure.AssertNames(StorageSettings.ConnectionStringKey);
    }

    /// <summary>
    /// A key that can never decrypt must stop start-up like any other wrong setting; otherwise the app runs and
    /// answers 500 on the first reveal of a resident ID.
    /// </summary>
    [Fact]
    public async Task Start_WithMalformedDataKey_FailsNamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync();

        var failure = await StartAndCaptureFailureAsync(database, (StorageSettings.DataKeyKey, "not base64!"));

        failure.AssertNames(StorageSettings.DataKeyKey);
    }

    [Fact]
    public async Task Start_OnEmptyDatabaseWithDemoSeeding_CreatesTheDemoCountyOnce()
    {
        await using var database = await TestDatabase.CreateAsync();

        int organizations, members, users;
        await using (var first = new BastionFactory(database, (BastionFactory.DemoSeedKey, "true")))
        {
            first.StartServer();
            (organizations, members, users) = await CountAsync(database);
            Assert.InRange(organizations, 300, 600);
            Assert.InRange(members, 4_000, 16_000);
            await using var db = database.NewContext();
            var demoUsers = await db.Users.Where(u => DemoSeeder.DemoUserNames.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync();
            Assert.Equal(DemoSeeder.DemoUserNames.Order(), demoUsers.Order());

            // The printed demo password signs in.
            var browser = first.CreateBrowser();
            using var login = await BastionFactory.PostLoginAsync(browser, "secretary", DemoSeeder.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        await using (var second = new BastionFactory(database, (BastionFactory.DemoSeedKey, "true")))
        {
            second.StartServer();
            Assert.Equal((organizations, members, users), await CountAsync(database));
        }
    }

    [Fact]
    public async Task Start_WithDemoSeedingOff_LeavesTheDatabaseEmptyButMigrated()
    {
        await using var database = await TestDatabase.CreateAsync();

        await using var factory = new BastionFactory(database);
        factory.StartServer();

        Assert.Equal((0, 0, 0), await CountAsync(database));
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<(int Organizations, int Members, int Users)> CountAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.Organizations.CountAsync(), await db.Members.CountAsync(), await db.Users.CountAsync());
    }

    private sealed record StartFailure(Exception Exception, string StandardError)
    {
        /// <summary>
        /// The reason must name the setting: either as the <see cref="ConfigurationProblemException"/> in the chain or,
        /// because Program.cs catches that exception before the host is built, as its one sentence on standard error.
        /// </summary>
        public void AssertNames(params string[] words)
        {
            var chain = Chain(Exception).ToList();
            var reason = chain.OfType<ConfigurationProblemException>().FirstOrDefault()?.Message
                ?? StandardError.Split('\n').FirstOrDefault(l => l.StartsWith("Bastion cannot start:", StringComparison.Ordinal));
            var all = string.Join("\n  ", chain.Select(e => $"{e.GetType().Name}: {e.Message}"));
            Assert.True(reason is not null, $"No reason given. Exceptions:\n  {all}\nstderr:\n{StandardError}");
            foreach (var word in words) Assert.Contains(word, reason);
            Assert.DoesNotContain("   at ", StandardError);
        }

        private static IEnumerable<Exception> Chain(Exception e)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
            {
                yield return x;
                if (x is AggregateException a)
                    foreach (var inner in a.InnerExceptions.SelectMany(Chain)) yield return inner;
            }
        }
    }

    private static async Task<StartFailure> StartAndCaptureFailureAsync(TestDatabase database, params (string Key, string? Value)[] settings)
    {
        var original = Console.Error;
        using var error = new StringWriter();
        Exception? exception;
        var factory = new BastionFactory(database, settings);
        Console.SetError(error);
        try
        {
            exception = Record.Exception(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(original);
        }
        try { await factory.DisposeAsync(); }
        catch (InvalidOperationException) { } // a host that never started may refuse to stop
        Assert.True(exception is not null, "The application started although a setting is wrong.");
        return new StartFailure(exception, error.ToString());
    }
}

/// <summary>
/// The failure tests read standard error, which is one per process: this collection runs on its own, after the
/// parallel ones, so no other test's output mixes in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StartupCollection
{
    public const string Name = "Start-up";
}
