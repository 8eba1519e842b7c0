using Bastion.Data;
using Microsoft.Extensions.Configuration;

namespace Bastion.UnitTests.Data;

public sealed class DataKeyTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "bastion-unit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private string KeyFile => Path.Combine(_dataDirectory, "keys", "data.key");

    private static IConfiguration Config(string? dataKey) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(StorageSettings.DataKeyKey, dataKey)])
            .Build();

    [Fact]
    public void Resolve_WhenValidKeyConfigured_ReturnsItAndWritesNoFile()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var resolved = DataKey.Resolve(Config(" " + Convert.ToBase64String(key) + " "), _dataDirectory);

        Assert.Equal(key, resolved);
        Assert.False(File.Exists(KeyFile));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Resolve_WhenConfiguredKeyHasWrongLength_ThrowsNamingSettingAndLength(int length)
    {
        var configured = Convert.ToBase64String(new byte[length]);

        var exception = Assert.Throws<ConfigurationProblemException>(() => DataKey.Resolve(Config(configured), _dataDirectory));

        Assert.Contains("Bastion:Security:DataKey", exception.Message);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message);
        Assert.False(File.Exists(KeyFile));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA*AAA")]
    public void Resolve_WhenConfiguredKeyIsNotBase64_ThrowsNamingSetting(string configured)
    {
        var exception = Assert.Throws<ConfigurationProblemException>(() => DataKey.Resolve(Config(configured), _dataDirectory));

        Assert.Contains("Bastion:Security:DataKey", exception.Message);
        Assert.Contains("base64", exception.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_WhenNoKeyConfigured_CreatesKeyFileUnderDataDirectory(string? configured)
    {
        var key = DataKey.Resolve(Config(configured), _dataDirectory);

        Assert.Equal(32, key.Length);
        Assert.True(File.Exists(KeyFile));
        Assert.Equal(key, Convert.FromBase64String(File.ReadAllText(KeyFile).Trim()));
        Assert.Contains(key, b => b != 0);
    }

    [Fact]
    public void Resolve_WhenKeyFileExists_ReusesIt()
    {
        var first = DataKey.Resolve(Config(null), _dataDirectory);
        var written = File.ReadAllText(KeyFile);

        var second = DataKey.Resolve(Config(null), _dataDirectory);

        Assert.Equal(first, second);
        Assert.Equal(written, File.ReadAllText(KeyFile));
    }

    [Fact]
    public void Resolve_WhenDataDirectoriesDiffer_GeneratesDifferentKeys()
    {
        var other = _dataDirectory + "-other";
        try
        {
            Assert.NotEqual(DataKey.Resolve(Config(null), _dataDirectory), DataKey.Resolve(Config(null), other));
        }
        finally
        {
            if (Directory.Exists(other)) Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Resolve_WhenKeyConfiguredAndFileExists_PrefersConfiguration()
    {
        var generated = DataKey.Resolve(Config(null), _dataDirectory);
        var configured = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

        var resolved = DataKey.Resolve(Config(Convert.ToBase64String(configured)), _dataDirectory);

        Assert.Equal(configured, resolved);
        Assert.NotEqual(generated, resolved);
    }

    [Fact]
    public void Resolve_WhenKeyFileCreatedOnUnix_IsReadableByOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;

        DataKey.Resolve(Config(null), _dataDirectory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")] // 16 bytes
    public void Resolve_WhenKeyFileIsCorrupt_ThrowsNamingTheFile(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, content);

        var exception = Assert.Throws<ConfigurationProblemException>(() => DataKey.Resolve(Config(null), _dataDirectory));

        Assert.Contains("data.key", exception.Message);
    }
}
