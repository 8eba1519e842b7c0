using Bastion.Audit;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Audit;

/// <summary><c>bastion audit verify</c>: walk the hash chain; exit 0 when intact, 2 at the first edited or missing event.</summary>
internal sealed class AuditVerifyCommand(CliContext cli) : AsyncCommand<AuditVerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await cli.OpenAsync(requireCurrentSchema: true, cancellationToken);
        var db = session.Db;
        var stored = await db.AuditEvents.LongCountAsync(cancellationToken);

        var result = await cli.WithProgressAsync("verifying the audit chain", report =>
            VerifyAuditChain.RunAsync(db, new ImmediateProgress<long>(n => report("verifying the audit chain", n, stored)), cancellationToken));

        if (result.Intact)
        {
            cli.Out.MarkupLineInterpolated($"Audit chain intact: {result.EventsChecked:N0} events.");
            return ExitCodes.Ok;
        }
        cli.Error.MarkupLineInterpolated(
            $"[red]Audit chain broken[/] at event {result.FirstBadSeq}: {result.Problem}. {result.EventsChecked:N0} events before it are intact.");
        return ExitCodes.AuditChainBroken;
    }
}
