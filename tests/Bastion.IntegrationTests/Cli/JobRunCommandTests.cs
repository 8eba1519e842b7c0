using Bastion.Cli;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Cli;

public sealed class JobRunCommandTests
{
    [Fact]
    public async Task JobRun_RunsANamedJobOnce_AndAnUnknownNameFailsListingTheJobs()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var ok = await CliRun.RunAsync(db, "job", "run", "notifications.email");
        Assert.True(ok.ExitCode == ExitCodes.Ok, ok.ToString());
        Assert.Contains("notifications.email: SMTP is not configured", ok.Out);

        var unknown = await CliRun.RunAsync(db, "job", "run", "no.such.job");
        Assert.True(unknown.ExitCode == ExitCodes.Failed, unknown.ToString());
        Assert.Contains("notifications.email", unknown.Err);
    }
}
