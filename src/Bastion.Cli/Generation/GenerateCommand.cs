using System.ComponentModel;
using System.Diagnostics;
using Bastion.Cli.Storage;
using Bastion.Generation;
using Bastion.Identity;
using Bastion.Security;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Generation;

/// <summary><c>bastion generate</c>: migrate, then fill an empty database with a generated dataset and the demo accounts.</summary>
internal sealed class GenerateCommand(CliContext cli) : AsyncCommand<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scale <SCALE>")]
        [Description("Dataset size: demo (a county, ~400 organizations), city (~8,000) or province (~100,000).")]
        [DefaultValue("demo")]
        public string Scale { get; init; } = "demo";

        [CommandOption("--seed <N>")]
        [Description("Random seed; the same seed gives the same dataset.")]
        [DefaultValue(2026)]
        public int Seed { get; init; } = 2026;

        public override ValidationResult Validate() => ScaleProfile.Find(Scale) is null
            ? ValidationResult.Error($"The scale '{Scale}' is unknown; use one of {string.Join(", ", ScaleProfile.All.Select(s => s.Name))}.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scale = ScaleProfile.Find(settings.Scale)!; // checked by Validate
        await using var session = await cli.OpenAsync(requireCurrentSchema: false, cancellationToken);
        var db = session.Db;
        var where = session.Settings.Describe();
        cli.Out.MarkupLineInterpolated($"Database: {where}");

        var applied = await MigrateCommand.MigrateAsync(session, cancellationToken);
        if (applied.Count > 0) cli.Out.MarkupLineInterpolated($"Applied {Plural.Of(applied.Count, "migration")}.");
        if (!await DemoSeeder.IsEmptyAsync(db, cancellationToken))
            throw new CliFailureException(
                $"The database ({where}) already holds organizations; `bastion generate` fills only an empty database. Point Bastion at a new database instead.");

        cli.Out.MarkupLineInterpolated($"Generating the [bold]{scale.Name}[/] dataset with seed {settings.Seed}.");
        var clock = Stopwatch.StartNew();
        var outcome = await cli.WithProgressAsync("building the dataset", report =>
            DemoSeeder.SeedAsync(
                db, session.Get<UserManager<BastionUser>>(), session.Get<PiiProtector>(), scale, settings.Seed,
                new ImmediateProgress<DemoLoader.Progress>(p =>
                    report(p.Done < p.Total ? $"loading {p.Stage}" : "creating the demo accounts", p.Done, p.Total)),
                cancellationToken));
        clock.Stop();

        var rows = (long)outcome.Organizations + outcome.Members;
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("count").RightAligned())
            .AddRow("organizations", outcome.Organizations.ToString("N0"))
            .AddRow("members", outcome.Members.ToString("N0"))
            .AddRow("time", $"{seconds:N1} s")
            .AddRow("rows/s", (rows / seconds).ToString("N0"));
        cli.Out.Write(counts);

        cli.Out.MarkupLineInterpolated($"Demo logins (password [bold]{DemoSeeder.DemoPassword}[/]):");
        var logins = new Table().Border(TableBorder.Rounded).AddColumns("user", "role", "organization");
        foreach (var login in outcome.Logins)
            logins.AddRow(Markup.Escape(login.UserName), Markup.Escape(login.Role), Markup.Escape(login.Organization));
        cli.Out.Write(logins);
        return ExitCodes.Ok;
    }
}
