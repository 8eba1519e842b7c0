using System.ComponentModel;
using Bastion.Identity;
using Bastion.Shared;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bastion.Cli.Identity;

/// <summary>
/// <c>bastion user token</c>: create an API token and print only the token on stdout, so that
/// <c>TOKEN=$(bastion user token --user orgdept --name bench)</c> works. Only its hash is stored.
/// </summary>
internal sealed class UserTokenCommand(CliContext cli) : AsyncCommand<UserTokenCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--user <USER>")]
        [Description("The user name the token acts as.")]
        public string? User { get; init; }

        [CommandOption("--name <TOKENNAME>")]
        [Description("What the token is for, so it can be told apart and revoked later.")]
        public string? Name { get; init; }

        [CommandOption("--days <N>")]
        [Description("Days until the token expires (1-366); 90 when omitted.")]
        public int? Days { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(User)) return ValidationResult.Error("--user is required.");
            if (string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("--name is required.");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await cli.OpenAsync(requireCurrentSchema: true, cancellationToken);
        var db = session.Db;
        var user = await session.Get<UserManager<BastionUser>>().FindByNameAsync(settings.User!.Trim())
            ?? throw new NotFoundException($"The user '{settings.User.Trim()}'");

        var token = await PersonalAccessTokens.CreateAsync(db, user.Id, new PersonalAccessTokens.Request { Name = settings.Name, Days = settings.Days }, cancellationToken);

        cli.RawOut.WriteLine(token.Secret);
        cli.Error.MarkupLineInterpolated(
            $"[grey]Token '{token.Name}' for {user.UserName} expires {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC. It is shown only this once.[/]");
        return ExitCodes.Ok;
    }
}
