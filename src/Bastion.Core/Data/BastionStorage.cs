using Bastion.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bastion.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>A setting that is missing or wrong. The message is one sentence that names the setting.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);

/// <summary>Storage settings read once from configuration, shared by the web app, the CLI and the tests.</summary>
public sealed record StorageSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string ProviderKey = "Bastion:Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Bastion";
    public const string DataDirectoryKey = "Bastion:DataDirectory";
    public const string DataKeyKey = "Bastion:Security:DataKey";

    public static StorageSettings From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } d ? d : "data");
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText)) provider = DatabaseProvider.Sqlite;
        else if (!Enum.GetNames<DatabaseProvider>().Contains(providerText.Trim(), StringComparer.OrdinalIgnoreCase)
                 || !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
            throw new ConfigurationProblemException($"The setting {ProviderKey} is '{providerText}', but it must be 'Sqlite' or 'Postgres'.");

        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new ConfigurationProblemException($"The setting {ConnectionStringKey} must hold a PostgreSQL connection string when {ProviderKey} is 'Postgres'.");
            try { _ = new NpgsqlConnectionStringBuilder(connectionString); }
            catch (ArgumentException e)
            {
                throw new ConfigurationProblemException($"The setting {ConnectionStringKey} is not a valid PostgreSQL connection string ({e.Message}).");
            }
            return new(provider, connectionString, dataDirectory);
        }

        SqliteConnectionStringBuilder sqlite;
        try { sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={Path.Combine(dataDirectory, "bastion.db")}" : connectionString); }
        catch (ArgumentException e)
        {
            throw new ConfigurationProblemException($"The setting {ConnectionStringKey} is not a valid SQLite connection string ({e.Message}).");
        }
        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
            throw new ConfigurationProblemException($"The setting {ConnectionStringKey} names no SQLite file (Data Source is empty).");
        if (sqlite.DataSource != ":memory:") sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
        sqlite.ForeignKeys = true;
        sqlite.Pooling = true;
        return new(provider, sqlite.ToString(), dataDirectory);
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite at {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL at {DescribePostgres(ConnectionString)}";

    private static string DescribePostgres(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}

public static class BastionStorage
{
    public static void Configure(DbContextOptionsBuilder options, StorageSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly("Bastion.Migrations.Sqlite"));
        else
            options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly("Bastion.Migrations.Postgres"));
    }

    /// <summary>Registers the DbContext (and the personal-data protector) for the given settings.</summary>
    public static IServiceCollection AddBastionStorage(this IServiceCollection services, StorageSettings settings, IConfiguration configuration)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PiiProtector(DataKey.Resolve(configuration, settings.DataDirectory)));
        services.AddDbContext<BastionDb>(o => Configure(o, settings));
        services.AddSingleton(_ => new Attachments.AttachmentStore(settings, configuration));
        return services;
    }

    /// <summary>Creates the database if needed and applies every pending migration; SQLite is switched to WAL.</summary>
    public static async Task MigrateAsync(BastionDb db, StorageSettings settings, CancellationToken ct = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (file != ":memory:") Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException || (e is InvalidOperationException && e.InnerException is NpgsqlException))
        {
            throw new ConfigurationProblemException(
                $"The database named by {StorageSettings.ConnectionStringKey} ({settings.Describe()}) cannot be opened: {e.GetBaseException().Message}");
        }
        if (settings.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>The 256-bit key that protects personal data.</summary>
public static class DataKey
{
    /// <summary>
    /// From <c>Bastion:Security:DataKey</c> (base64). Without it, an embedded installation keeps a generated key
    /// in <c>keys/data.key</c> under the data directory, outside the database, created on first use.
    /// </summary>
    public static byte[] Resolve(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration[StorageSettings.DataKeyKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try { key = Convert.FromBase64String(configured.Trim()); }
            catch (FormatException) { throw new ConfigurationProblemException($"The setting {StorageSettings.DataKeyKey} is not valid base64."); }
            if (key.Length != 32) throw new ConfigurationProblemException($"The setting {StorageSettings.DataKeyKey} must be 32 bytes (44 base64 characters), not {key.Length}.");
            return key;
        }
        var file = Path.Combine(dataDirectory, "keys", "data.key");
        if (File.Exists(file)) return ReadKeyFile(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        try
        {
            // CreateNew: two processes starting together must not each write a different key.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(file, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(fresh));
        }
        catch (IOException) when (File.Exists(file))
        {
            return ReadKeyFile(file);
        }
        return fresh;
    }

    private static byte[] ReadKeyFile(string file)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(file).Trim());
            if (key.Length == 32) return key;
        }
        catch (FormatException) { }
        throw new ConfigurationProblemException($"The key file {file} is damaged (it must hold 32 bytes in base64); restore it from a backup or set {StorageSettings.DataKeyKey}.");
    }
}
