using System.ComponentModel;
using Bastion.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Jobs;

/// <summary><c>bastion job run &lt;name&gt;</c>: one round of a scheduled job, now (for cron or by hand).</summary>
internal sealed class JobRunCommand(CliContext cli) : AsyncCommand<JobRunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<name>")]
        [Description("The job's name, e.g. notifications.email; a wrong name lists the jobs.")]
        public string Name { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await cli.OpenAsync(requireCurrentSchema: true, cancellationToken);
        IBastionJob job;
        try
        {
            job = BastionJobs.Find(session.Services, settings.Name);
        }
        catch (ArgumentException e)
        {
            cli.Error.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.Failed;
        }
        var result = await job.RunAsync(session.Db, cancellationToken);
        cli.Out.WriteLine($"{job.Name}: {result}");
        return ExitCodes.Ok;
    }
}
