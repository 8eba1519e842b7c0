using Bastion.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Storage;

/// <summary><c>bastion migrate</c>: create the database if needed and bring its schema up to date. Safe to repeat.</summary>
internal sealed class MigrateCommand(CliContext cli) : AsyncCommand<MigrateCommand.Settings>
{
    public sealed class Settings : CommandSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await cli.OpenAsync(requireCurrentSchema: false, cancellationToken);
        cli.Out.MarkupLineInterpolated($"Database: {session.Settings.Describe()}");
        var applied = await MigrateAsync(session, cancellationToken);
        cli.Out.MarkupLineInterpolated($"Applied {Plural.Of(applied.Count, "migration")}; the schema is up to date.");
        foreach (var name in applied) cli.Out.MarkupLineInterpolated($"  [grey]{name}[/]");
        return ExitCodes.Ok;
    }

    /// <summary>Applies every pending migration and returns the names of those applied now (empty when current).</summary>
    internal static async Task<IReadOnlyList<string>> MigrateAsync(StorageSession session, CancellationToken ct)
    {
        var db = session.Db;
        var before = await AppliedBeforeAsync(db, ct);
        try
        {
            await BastionStorage.MigrateAsync(db, session.Settings, ct);
        }
        // BastionStorage.MigrateAsync translates most of these; an unreachable PostgreSQL server slips through its filter.
        catch (Exception e) when (StorageSession.IsDatabaseUnreachable(e))
        {
            throw StorageSession.CannotOpen(session.Settings, e);
        }
        var after = await db.Database.GetAppliedMigrationsAsync(ct);
        return after.Except(before).ToList();
    }

    // A database that cannot be read yet (no file or directory) has nothing applied; if it truly cannot be opened,
    // the migration that follows reports it with the setting's name.
    private static async Task<IReadOnlyCollection<string>> AppliedBeforeAsync(BastionDb db, CancellationToken ct)
    {
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet();
        }
        catch (Exception e) when (StorageSession.IsDatabaseUnreachable(e))
        {
            return [];
        }
    }
}
