using Bastion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Bastion.Bench;

/// <summary>Opens Bastion's SQLite storage the way the web app and the CLI do (same settings code, same migrations).</summary>
internal static class BenchDb
{
    /// <summary>The settings of an installation whose data directory is <paramref name="dataDirectory"/> (SQLite file bastion.db).</summary>
    public static StorageSettings ForDataDirectory(string dataDirectory) =>
        StorageSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageSettings.DataDirectoryKey] = dataDirectory })
            .Build());

    /// <summary>The settings for an existing SQLite file (whatever its name).</summary>
    public static StorageSettings ForFile(string file) =>
        StorageSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageSettings.DataDirectoryKey] = Path.GetDirectoryName(Path.GetFullPath(file)),
                [StorageSettings.ConnectionStringKey] = $"Data Source={Path.GetFullPath(file)}",
            })
            .Build());

    /// <summary>
    /// A new context with freshly built options, as AddDbContext does for every request scope
    /// (its options are scoped by default, so the configuration callback runs per request).
    /// </summary>
    public static BastionDb Open(StorageSettings settings, IDataScope scope, params IInterceptor[] interceptors) =>
        new(Options(settings, interceptors), scope, TimeProvider.System);

    public static DbContextOptions<BastionDb> Options(StorageSettings settings, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<BastionDb>();
        BastionStorage.Configure(options, settings);
        if (interceptors.Length > 0) options.AddInterceptors(interceptors);
        return options.Options;
    }

    /// <summary>A fresh, migrated database in <paramref name="dataDirectory"/> (deleted first if present).</summary>
    public static async Task<StorageSettings> CreateFreshAsync(string dataDirectory)
    {
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        Directory.CreateDirectory(dataDirectory);
        var settings = ForDataDirectory(dataDirectory);
        await using var db = Open(settings, FixedDataScope.System("bench"));
        await BastionStorage.MigrateAsync(db, settings);
        return settings;
    }
}
