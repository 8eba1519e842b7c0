using Bastion.Data;
using Microsoft.Extensions.Configuration;

namespace Bastion.IntegrationTests.Cli;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("generate")]
    [InlineData("audit", "verify")]
    public async Task AnyVerb_WhenProviderIsUnknown_ExitsOneNamingTheSetting(params string[] args)
    {
        var configuration = Configuration((StorageSettings.ProviderKey, "Oracle"));

        var result = await CliRun.RunAsync(configuration, args);

        CliRun.AssertCleanFailure(result);
        Assert.Contains(StorageSettings.ProviderKey, result.Err);
        Assert.Contains("Oracle", result.Err);
    }

    [Fact]
    public async Task Migrate_WhenPostgresHasNoConnectionString_ExitsOneNamingTheSetting()
    {
        var configuration = Configuration((StorageSettings.ProviderKey, "Postgres"));

        var result = await CliRun.RunAsync(configuration, "migrate");

        CliRun.AssertCleanFailure(result);
        Assert.Contains(StorageSettings.ConnectionStringKey, result.Err);
    }

    [Fact]
    public async Task Migrate_WhenPostgresServerIsUnreachable_ExitsOneNamingTheSetting()
    {
        var configuration = Configuration(
            (StorageSettings.ProviderKey, "Postgres"),
            (StorageSettings.ConnectionStringKey, "Host=127.0.0.1;Port=1;Database=nothing;Timeout=2"));

        var result = await CliRun.RunAsync(configuration, "migrate");

        CliRun.AssertCleanFailure(result);
        Assert.Contains(StorageSettings.ConnectionStringKey, result.Err);
    }

    [Fact]
    public async Task UnknownVerb_ExitsOne()
    {
        var result = await CliRun.RunAsync(Configuration(), "frobnicate");

        CliRun.AssertCleanFailure(result);
        Assert.Contains("frobnicate", result.Err);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "bastion-it-unused-" + Guid.NewGuid().ToString("N"));
        return new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create(StorageSettings.DataDirectoryKey, (string?)dataDirectory)])
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .Build();
    }
}
