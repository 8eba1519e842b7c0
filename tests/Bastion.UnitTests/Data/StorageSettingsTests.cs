using Bastion.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Bastion.UnitTests.Data;

public sealed class StorageSettingsTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bastion-unit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void From_WhenNothingConfigured_UsesSqliteUnderDefaultDataDirectory()
    {
        var settings = StorageSettings.From(Config());

        var expectedDirectory = Path.GetFullPath("data");
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(expectedDirectory, settings.DataDirectory);
        Assert.Equal(Path.Combine(expectedDirectory, "bastion.db"), new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
    }

    [Fact]
    public void From_WhenDataDirectoryConfigured_PutsSqliteFileThere()
    {
        var settings = StorageSettings.From(Config((StorageSettings.DataDirectoryKey, _dataDirectory)));

        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(Path.GetFullPath(_dataDirectory), settings.DataDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath(_dataDirectory), "bastion.db"), builder.DataSource);
        Assert.True(builder.ForeignKeys);
        Assert.False(Directory.Exists(_dataDirectory)); // reading settings has no side effects
    }

    [Fact]
    public void From_WhenDataDirectoryIsRelative_MakesItAbsolute()
    {
        var settings = StorageSettings.From(Config((StorageSettings.DataDirectoryKey, Path.Combine("var", "bastion"))));

        Assert.True(Path.IsPathFullyQualified(settings.DataDirectory));
        Assert.Equal(Path.GetFullPath(Path.Combine("var", "bastion")), settings.DataDirectory);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    [InlineData(" SQLITE ")]
    [InlineData("")]
    public void From_WhenProviderIsSqliteOrEmpty_UsesSqlite(string provider)
    {
        var settings = StorageSettings.From(Config((StorageSettings.ProviderKey, provider), (StorageSettings.DataDirectoryKey, _dataDirectory)));

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
    }

    [Fact]
    public void From_WhenSqliteConnectionStringIsRelative_MakesDataSourceAbsolute()
    {
        var settings = StorageSettings.From(Config((StorageSettings.ConnectionStringKey, "Data Source=sub/app.db")));

        Assert.Equal(Path.GetFullPath("sub/app.db"), new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
    }

    [Fact]
    public void From_WhenSqliteIsInMemory_KeepsMemoryDataSource()
    {
        var settings = StorageSettings.From(Config((StorageSettings.ConnectionStringKey, "Data Source=:memory:")));

        Assert.Equal(":memory:", new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    [InlineData("POSTGRES")]
    public void From_WhenProviderIsPostgresWithConnectionString_UsesIt(string provider)
    {
        const string cs = "Host=db.example;Port=5433;Database=bastion;Username=bastion;Password=secret";

        var settings = StorageSettings.From(Config((StorageSettings.ProviderKey, provider), (StorageSettings.ConnectionStringKey, cs)));

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal(cs, settings.ConnectionString);
        Assert.Equal("PostgreSQL at db.example:5433/bastion", settings.Describe());
    }

    [Theory]
    [InlineData("MySql")]
    [InlineData("PostgreSQL")]
    [InlineData("sql server")]
    [InlineData("5")]
    public void From_WhenProviderIsUnknown_ThrowsNamingTheSetting(string provider)
    {
        var exception = Assert.Throws<ConfigurationProblemException>(
            () => StorageSettings.From(Config((StorageSettings.ProviderKey, provider))));

        Assert.Contains("Bastion:Database:Provider", exception.Message);
        Assert.Contains(provider, exception.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("Sqlite,Postgres")]
    public void From_WhenProviderIsNumberOrList_ThrowsNamingTheSetting(string provider)
    {
        var exception = Assert.Throws<ConfigurationProblemException>(() => StorageSettings.From(Config(
            (StorageSettings.ProviderKey, provider),
            (StorageSettings.ConnectionStringKey, "Host=localhost;Database=bastion"))));

        Assert.Contains("Bastion:Database:Provider", exception.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void From_WhenPostgresHasNoConnectionString_ThrowsNamingConnectionString(string? connectionString)
    {
        var exception = Assert.Throws<ConfigurationProblemException>(() => StorageSettings.From(Config(
            (StorageSettings.ProviderKey, "Postgres"),
            (StorageSettings.ConnectionStringKey, connectionString))));

        Assert.Contains("ConnectionStrings:Bastion", exception.Message);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("Hots=localhost;Database=bastion")]
    [InlineData("Host=localhost;Port=not-a-number")]
    public void From_WhenPostgresConnectionStringIsInvalid_ThrowsNamingConnectionString(string connectionString)
    {
        var exception = Assert.Throws<ConfigurationProblemException>(() => StorageSettings.From(Config(
            (StorageSettings.ProviderKey, "Postgres"),
            (StorageSettings.ConnectionStringKey, connectionString))));

        Assert.Contains("ConnectionStrings:Bastion", exception.Message);
        Assert.Contains("PostgreSQL", exception.Message);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("Dta Source=app.db")]
    public void From_WhenSqliteConnectionStringIsInvalid_ThrowsNamingConnectionString(string connectionString)
    {
        var exception = Assert.Throws<ConfigurationProblemException>(
            () => StorageSettings.From(Config((StorageSettings.ConnectionStringKey, connectionString))));

        Assert.Contains("ConnectionStrings:Bastion", exception.Message);
        Assert.Contains("SQLite", exception.Message);
    }

    [Fact]
    public void From_WhenSqliteDataSourceIsEmpty_ThrowsNamingConnectionString()
    {
        var exception = Assert.Throws<ConfigurationProblemException>(
            () => StorageSettings.From(Config((StorageSettings.ConnectionStringKey, "Mode=ReadWrite"))));

        Assert.Contains("ConnectionStrings:Bastion", exception.Message);
        Assert.Contains("Data Source", exception.Message);
    }
}
