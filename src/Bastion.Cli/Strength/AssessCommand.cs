using System.ComponentModel;
using System.Globalization;
using Bastion.Compliance;
using Bastion.Shared;
using Bastion.Strength;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Strength;

/// <summary><c>bastion assess --period 2026Q3</c>: computes and stores the strength index of every organization for one period.</summary>
internal sealed class AssessCommand(CliContext cli) : AsyncCommand<AssessCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--period <PERIOD>")]
        [Description("A year (2026), a quarter (2026Q3) or a month (2026-07). Re-running a period replaces its snapshot.")]
        public string Period { get; init; } = "";

        public override ValidationResult Validate() =>
            Compliance.Period.TryParse(Period) is null
                ? ValidationResult.Error("--period must be a year (2026), a quarter (2026Q3) or a month (2026-07).")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var period = Period.TryParse(settings.Period)!.Value;
        await using var session = await cli.OpenAsync(requireCurrentSchema: true, cancellationToken);
        RunAssessment.Outcome? outcome = null;
        await cli.Error.Status().StartAsync($"Assessing {period.Label}…", async _ =>
            outcome = await RunAssessment.HandleAsync(session.Db, period, "cli", ct: cancellationToken));
        var run = outcome!.Run;
        var t = outcome.Timings;
        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assessed {run.Period} as of {run.AsOf:yyyy-MM-dd} with {run.RuleSetVersion}: {run.Organizations} organizations, {run.Warnings} warnings (run {run.Id}; measure {t.Measure.TotalSeconds:0.00} s, compute {t.Compute.TotalSeconds:0.00} s, store {t.Store.TotalSeconds:0.00} s)"));
        return ExitCodes.Ok;
    }
}
