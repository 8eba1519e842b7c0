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
        [Description("Days until the token expires; without it, it never expires.")]
        public int? Days { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(User)) return ValidationResult.Error("--user is required.");
            if (string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("--name is required.");
            if (Name.Trim().Length > 100) return ValidationResult.Error("--name has at most 100 characters.");
            if (Days is <= 0) return ValidationResult.Error("--days must be a positive number of days.");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await cli.OpenAsync(requireCurrentSchema: true, cancellationToken);
        var db = session.Db;
        var user = await session.Get<UserManager<BastionUser>>().FindByNameAsync(settings.User!.Trim())
            ?? throw new NotFoundException($"The user '{settings.User.Trim()}'");

        var secret = ApiToken.NewSecret();
        var now = Clock.UtcNow(db.Time);
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = settings.Name!.Trim(),
            TokenHash = ApiToken.Hash(secret),
            Hint = secret[..8],
            CreatedAt = now,
            ExpiresAt = settings.Days is { } days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);

        cli.RawOut.WriteLine(secret);
        cli.Error.MarkupLineInterpolated(
            $"[grey]Token '{token.Name}' for {user.UserName} {(token.ExpiresAt is { } e ? $"expires {e:yyyy-MM-dd HH:mm} UTC" : "never expires")}. It is shown only this once.[/]");
        return ExitCodes.Ok;
    }
}
