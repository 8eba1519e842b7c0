using Bastion.Cli;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.Extensions.Configuration;

namespace Bastion.IntegrationTests.Cli;

/// <summary>Runs the <c>bastion</c> command line in-process, as a shell would, and captures what it prints.</summary>
internal static class CliRun
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    public static Task<Result> RunAsync(TestDatabase db, params string[] args) => RunAsync(db.ToConfiguration(), args);

    public static async Task<Result> RunAsync(IConfiguration configuration, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BastionCli.RunAsync(args, configuration, stdout, stderr);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The database's settings plus some more (e.g. environment variables the CLI reads).</summary>
    public static IConfiguration Settings(TestDatabase db, params (string Key, string? Value)[] extra) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(db.Configuration)
            .AddInMemoryCollection(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)))
            .Build();

    public static Task<Result> MigrateAsync(TestDatabase db) => RunAsync(db, "migrate");

    /// <summary>A root committee to bind users to; creating it writes audit events like any domain change.</summary>
    public static async Task<Organization> AddRootOrganizationAsync(TestDatabase db, string name = "测试县委")
    {
        await using var context = db.NewContext();
        var org = new Organization
        {
            Name = name, Kind = OrganizationKind.Committee, CreatedAt = Clock.UtcNow(TimeProvider.System),
            Path = $"/new-{Guid.NewGuid():N}/",
        };
        context.Organizations.Add(org);
        await context.SaveChangesAsync();
        org.PlaceUnder(null);
        await context.SaveChangesAsync();
        return org;
    }

    public static Task<Result> AddUserAsync(TestDatabase db, string name, long organizationId, string role = "BranchSecretary", string password = "Secret#2026") =>
        RunAsync(db, "user", "add", "--name", name, "--display-name", "测试 " + name, "--role", role,
            "--org", organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--password", password);

    /// <summary>Expected failures explain themselves in a sentence, never with a stack trace.</summary>
    public static void AssertCleanFailure(Result result, int exitCode = ExitCodes.Failed)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.DoesNotContain("   at ", result.Err);
        Assert.False(string.IsNullOrWhiteSpace(result.Err), result.ToString());
    }
}
