using Bastion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Bastion.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test (or one fixture) on the provider the run was started for:
/// <c>BASTION_TEST_PROVIDER=Sqlite</c> (default, a file in a temp directory) or <c>Postgres</c>
/// (a new database on the server named by <c>BASTION_TEST_POSTGRES</c>, dropped on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("BASTION_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("BASTION_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("BASTION_TEST_PROVIDER=Postgres needs BASTION_TEST_POSTGRES (a connection string to a server where databases may be created); ./test.sh sets it.");

    private readonly string? _postgresDatabase;

    private TestDatabase(StorageSettings settings, string dataDirectory, string? postgresDatabase)
    {
        Settings = settings;
        DataDirectory = dataDirectory;
        _postgresDatabase = postgresDatabase;
    }

    public StorageSettings Settings { get; }

    /// <summary>A private data directory (keys, uploads) for this database.</summary>
    public string DataDirectory { get; }

    /// <summary>The application settings that point Bastion at this database.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [StorageSettings.ProviderKey] = Settings.Provider.ToString(),
        [StorageSettings.ConnectionStringKey] = Settings.ConnectionString,
        [StorageSettings.DataDirectoryKey] = DataDirectory,
        // A fixed test key, so every context of one test run can read what another wrote.
        [StorageSettings.DataKeyKey] = Convert.ToBase64String(new byte[32]),
    };

    public IConfiguration ToConfiguration() => new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();

    /// <summary>Creates an empty database (not migrated).</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("bastion-it-").FullName;
        if (Provider == DatabaseProvider.Sqlite)
        {
            var settings = StorageSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageSettings.DataDirectoryKey] = dataDirectory,
            }).Build());
            return new TestDatabase(settings, dataDirectory, null);
        }

        var name = "bastion_it_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ToString();
        return new TestDatabase(new StorageSettings(DatabaseProvider.Postgres, cs, dataDirectory), dataDirectory, name);
    }

    /// <summary>Creates an empty database and applies every migration.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var db = await CreateAsync();
        await using var context = db.NewContext();
        await BastionStorage.MigrateAsync(context, db.Settings);
        return db;
    }

    /// <summary>A DbContext on this database with the given data scope (unrestricted by default).</summary>
    public BastionDb NewContext(IDataScope? scope = null, TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<BastionDb>();
        BastionStorage.Configure(options, Settings);
        return new BastionDb(options.Options, scope ?? FixedDataScope.System("test"), time ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
