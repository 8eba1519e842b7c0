using Bastion.Cli.Audit;
using Bastion.Cli.Generation;
using Bastion.Cli.Identity;
using Bastion.Cli.Storage;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli;

/// <summary>The <c>bastion</c> command line, callable in-process so the tests run it exactly as a shell would.</summary>
public static class BastionCli
{
    /// <summary>
    /// Runs one command line and returns its exit code (see <see cref="ExitCodes"/>).
    /// Without <paramref name="configuration"/>, settings come from <c>appsettings.json</c> in the current directory
    /// (optional) and environment variables, as for the web app. Given writers receive plain text (no colours,
    /// no prompts); without them the process's console is used.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, IConfiguration? configuration = null, TextWriter? stdout = null, TextWriter? stderr = null,
        CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(
            configuration ?? DefaultConfiguration(),
            stdout is null ? WideWhenRedirected(AnsiConsole.Console, Console.IsOutputRedirected) : PlainConsole(stdout),
            PlainOrTerminalConsole(stderr),
            stdout ?? Console.Out);

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("bastion");
            config.Settings.Console = cli.Out;
            config.Settings.Registrar.RegisterInstance(cli);
            config.Settings.ExceptionHandler = (e, _) => Report(cli, e);
            config.Settings.CancellationExitCode = ExitCodes.Cancelled;

            config.AddCommand<MigrateCommand>("migrate")
                .WithDescription("Create the database if needed and apply every pending migration.");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Fill an empty database with a generated dataset and the demo accounts.")
                .WithExample("generate", "--scale", "demo", "--seed", "2026");
            config.AddBranch("user", user =>
            {
                user.SetDescription("Sign-in accounts and API tokens.");
                user.AddCommand<UserAddCommand>("add")
                    .WithDescription("Create a sign-in account bound to one organization.")
                    .WithExample("user", "add", "--name", "wang", "--display-name", "王芳", "--role", "BranchSecretary", "--org", "17");
                user.AddCommand<UserTokenCommand>("token")
                    .WithDescription("Create an API token for a user and print only the token (for scripts).")
                    .WithExample("user", "token", "--user", "orgdept", "--name", "bench", "--days", "30");
            });
            config.AddCommand<Strength.AssessCommand>("assess")
                .WithDescription("Compute and store the Organizational Strength Index (组织力指数) of every organization for one period.")
                .WithExample("assess", "--period", "2026Q3");
            config.AddBranch("job", job =>
            {
                job.SetDescription("Scheduled work (reminders, escalations, emails); the web host runs it on its own.");
                job.AddCommand<Jobs.JobRunCommand>("run")
                    .WithDescription("Run one round of a job now.")
                    .WithExample("job", "run", "notifications.email");
            });
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("The tamper-evident audit log.");
                audit.AddCommand<AuditVerifyCommand>("verify")
                    .WithDescription("Check the audit chain: exit 0 when intact, 2 at the first edited or missing event.");
            });
        });

        return await app.RunAsync(args, cancellationToken);
    }

    private static IConfiguration DefaultConfiguration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }

    // Messages and progress go to stderr, so stdout carries only results a script may capture.
    private static IAnsiConsole PlainOrTerminalConsole(TextWriter? stderr) =>
        stderr is null
            ? WideWhenRedirected(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error),
                // Password prompts read keys, which needs a terminal on stdin too.
                Interactive = Console.IsInputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            }), Console.IsErrorRedirected)
            : PlainConsole(stderr);

    // Spectre wraps at 80 columns when there is no terminal; a log or a script wants whole lines.
    private static IAnsiConsole WideWhenRedirected(IAnsiConsole console, bool redirected)
    {
        if (redirected) console.Profile.Width = PlainWidth;
        return console;
    }

    private const int PlainWidth = 500;

    /// <summary>Expected failures print one clear reason; only a bug prints a stack trace.</summary>
    private static int Report(CliContext cli, Exception e)
    {
        var error = cli.Error;
        switch (e)
        {
            case ConfigurationProblemException or CliFailureException or NotFoundException:
                error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.Failed;
            case ValidationFailedException v:
                error.MarkupLine("[red]error:[/] the input is not valid:");
                foreach (var (field, messages) in v.Errors)
                    foreach (var message in messages)
                        error.MarkupLineInterpolated($"  {field}: {message}");
                return ExitCodes.Failed;
            case DomainRuleException r:
                error.MarkupLineInterpolated($"[red]error:[/] {r.Message} (rule {r.Rule})");
                return ExitCodes.Failed;
            case CommandAppException { Pretty: { } pretty }:
                error.Write(pretty);
                return ExitCodes.Failed;
            case CommandAppException:
                error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.Failed;
            case OperationCanceledException:
                error.MarkupLine("[yellow]cancelled[/]");
                return ExitCodes.Cancelled;
            default:
                error.MarkupLine("[red]unexpected error[/] (a bug, or a problem the CLI does not recognize):");
                error.WriteException(e, ExceptionFormats.ShortenPaths);
                return ExitCodes.Unexpected;
        }
    }
}
