using Bastion.Jobs;
using System.Data.Common;
using Bastion.Data;
using Bastion.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Bastion.Cli;

/// <summary>What every verb shares: the settings, the consoles, and a way to open the database.</summary>
internal sealed class CliContext(IConfiguration configuration, IAnsiConsole output, IAnsiConsole error, TextWriter rawOutput)
{
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>Results (stdout).</summary>
    public IAnsiConsole Out { get; } = output;

    /// <summary>Errors, notes and progress (stderr).</summary>
    public IAnsiConsole Error { get; } = error;

    /// <summary>stdout without any formatting, for values a script captures.</summary>
    public TextWriter RawOut { get; } = rawOutput;

    /// <summary>
    /// Runs long work with a progress bar on a terminal; elsewhere (logs, pipes, tests) it prints one line per stage.
    /// The work reports (stage, done, total); a total of 0 means "not known yet".
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string firstStage, Func<Action<string, long, long>, Task<T>> work)
    {
        if (Error.Profile.Capabilities is not { Ansi: true, Interactive: true })
        {
            var shown = "";
            void Line(string stage, long done, long total)
            {
                if (stage == shown) return;
                shown = stage;
                Error.MarkupLineInterpolated($"[grey]{stage}…[/]");
            }
            Line(firstStage, 0, 0);
            return await work(Line);
        }

        return await Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(firstStage).IsIndeterminate();
                var result = await work((stage, done, total) =>
                {
                    task.Description = stage;
                    task.IsIndeterminate = total <= 0;
                    if (total <= 0) return;
                    task.MaxValue = total;
                    task.Value = done;
                });
                task.Description = "done";
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>
    /// Reads the storage settings (failing with one sentence on a bad setting) and builds the services of one unit of
    /// work. With <paramref name="requireCurrentSchema"/>, a database that is missing or not migrated is refused with
    /// a hint instead of failing later on a missing table.
    /// </summary>
    public async Task<StorageSession> OpenAsync(bool requireCurrentSchema, CancellationToken ct)
    {
        var settings = StorageSettings.From(Configuration);
        if (requireCurrentSchema && settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (file != ":memory:" && !File.Exists(file))
                throw new CliFailureException($"There is no database at {file} yet; run `bastion migrate` first.");
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            // EF Core logs a failed command or connection as an error, and the CLI then reports the same exception.
            .AddFilter((category, level) => category?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true
                ? level == LogLevel.Warning
                : level >= LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)); // every log line to stderr: stdout is for results
        services.AddBastionStorage(settings, Configuration);
        services.AddSingleton<IDataScope>(FixedDataScope.System("cli:" + Environment.UserName));
        services.AddSingleton(Configuration);
        services.AddBastionJobs();
        services.AddIdentityCore<BastionUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<BastionDb>();

        var session = new StorageSession(services.BuildServiceProvider(validateScopes: true), settings);
        try
        {
            if (requireCurrentSchema) await EnsureCurrentSchemaAsync(session, ct);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private static async Task EnsureCurrentSchemaAsync(StorageSession session, CancellationToken ct)
    {
        IEnumerable<string> pending;
        try
        {
            pending = await session.Db.Database.GetPendingMigrationsAsync(ct);
        }
        catch (Exception e) when (StorageSession.IsDatabaseUnreachable(e))
        {
            throw StorageSession.CannotOpen(session.Settings, e);
        }
        var count = pending.Count();
        if (count > 0)
            throw new CliFailureException(
                $"The database ({session.Settings.Describe()}) lacks {Plural.Of(count, "migration")}; run `bastion migrate` first.");
    }
}

/// <summary>The services of one verb's work, over one DbContext.</summary>
internal sealed class StorageSession(ServiceProvider services, StorageSettings settings) : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = services.CreateAsyncScope();

    public StorageSettings Settings { get; } = settings;

    public BastionDb Db => Get<BastionDb>();

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The driver's own failure (server down, file unreadable), possibly wrapped by EF Core.</summary>
    public static bool IsDatabaseUnreachable(Exception e) => e is DbException || e.InnerException is DbException;

    /// <summary>The same sentence <see cref="BastionStorage.MigrateAsync"/> uses, naming the setting.</summary>
    public static ConfigurationProblemException CannotOpen(StorageSettings settings, Exception e) =>
        new($"The database named by {StorageSettings.ConnectionStringKey} ({settings.Describe()}) cannot be opened: {e.GetBaseException().Message}");

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await services.DisposeAsync();
    }
}

internal static class Plural
{
    /// <summary>"1 migration", "3 migrations".</summary>
    public static string Of(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n:N0} {noun}s";
}

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool and may reorder).</summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
