using System.ComponentModel;
using Bastion.Identity;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Identity;

/// <summary><c>bastion user add</c>: create a sign-in account bound to one organization.</summary>
internal sealed class UserAddCommand(CliContext cli) : AsyncCommand<UserAddCommand.Settings>
{
    public const string PasswordVariable = "BASTION_PASSWORD";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--name <USER>")]
        [Description("The user name to sign in with.")]
        public string? Name { get; init; }

        [CommandOption("--display-name <NAME>")]
        [Description("The name shown to other people.")]
        public string? DisplayName { get; init; }

        [CommandOption("--role <ROLE>")]
        [Description("SystemAdmin, OrganizationDepartment, BranchSecretary, Member or Discipline.")]
        public string? Role { get; init; }

        [CommandOption("--org <ID>")]
        [Description("Id of the organization the user works in: their data scope.")]
        public long? OrganizationId { get; init; }

        [CommandOption("--password <PASSWORD>")]
        [Description("The initial password. Otherwise taken from BASTION_PASSWORD, or asked for in a terminal.")]
        public string? Password { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await cli.OpenAsync(requireCurrentSchema: true, cancellationToken);
        var password = PasswordFrom(settings);
        // Missing options reach the use case as empty values, so every problem is reported at once, per field.
        var user = await UserAccounts.CreateAsync(session.Get<UserManager<BastionUser>>(), session.Db, new UserAccounts.NewUser
        {
            UserName = settings.Name ?? "",
            DisplayName = settings.DisplayName ?? "",
            Role = settings.Role ?? "",
            OrganizationId = settings.OrganizationId ?? 0,
            Password = password,
        }, cancellationToken);
        cli.Out.MarkupLineInterpolated($"Created user {user.UserName} (id {user.Id}), {user.Role} of organization {user.OrganizationId}.");
        return ExitCodes.Ok;
    }

    private string PasswordFrom(Settings settings)
    {
        if (!string.IsNullOrEmpty(settings.Password)) return settings.Password;
        if (cli.Configuration[PasswordVariable] is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (!cli.Error.Profile.Capabilities.Interactive)
            throw new CliFailureException($"A password is needed: pass --password, set {PasswordVariable}, or run in a terminal to be asked.");

        var password = cli.Error.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = cli.Error.Prompt(new TextPrompt<string>("Password again:").Secret());
        if (password != again) throw new CliFailureException("The two passwords differ.");
        return password;
    }
}
