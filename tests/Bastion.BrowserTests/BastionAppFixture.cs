using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bastion.BrowserTests;

/// <summary>
/// Starts the real Bastion web app on Kestrel (a free port on 127.0.0.1), backed by a fresh SQLite
/// database with the demo data seeded, and a headless Chromium driven by Playwright.
/// Chromium is the system's one (<c>BASTION_CHROMIUM</c>, default <c>/usr/bin/chromium</c>):
/// Playwright never downloads a browser here.
/// </summary>
public sealed class BastionAppFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private WebApplicationFactory<Program>? _rootFactory;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BastionAppFixture()
    {
        DataDirectory = Directory.CreateTempSubdirectory("bastion-browser-").FullName;
        ArtifactsDirectory = ResolveArtifactsDirectory();
    }

    /// <summary>Temporary directory holding the SQLite database and the app's data files.</summary>
    public string DataDirectory { get; }

    /// <summary>Where screenshots and failure dumps go (<c>BASTION_ARTIFACTS_DIR</c> or a temp dir).</summary>
    public string ArtifactsDirectory { get; }

    /// <summary>Root address of the running app, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public async Task InitializeAsync()
    {
        var databasePath = Path.Combine(DataDirectory, "browser.db");

        _rootFactory = new WebApplicationFactory<Program>();
        _factory = _rootFactory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Bastion:Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Bastion", $"Data Source={databasePath}");
            builder.UseSetting("Bastion:DataDirectory", DataDirectory);
            builder.UseSetting("Bastion:Demo:SeedOnFirstStart", "true");
            // Port 0: each fixture gets its own free port, so test classes can run side by side.
            builder.UseSetting("urls", "http://127.0.0.1:0");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();

        BaseAddress = ResolveServerAddress(_factory.Services);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BASTION_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh, isolated browser context (own cookies) pointed at the app.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale = "zh-CN") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });

    public string ArtifactPath(string fileName) => Path.Combine(ArtifactsDirectory, fileName);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;

        // Disposing the root factory also disposes the derived (configured) one.
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }

        if (_rootFactory is not null)
        {
            await _rootFactory.DisposeAsync();
            _rootFactory = null;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file may still be held open for a moment.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Uri ResolveServerAddress(IServiceProvider services)
    {
        var server = services.GetRequiredService<IServer>();
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server exposes no IServerAddressesFeature.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");

        // Kestrel may report a wildcard host ("http://[::]:1234", "http://+:1234"); browse via loopback.
        var uri = new Uri(address.Replace("://+:", "://localhost:", StringComparison.Ordinal)
                                 .Replace("://*:", "://localhost:", StringComparison.Ordinal));
        var host = uri.Host is "[::]" or "::" or "0.0.0.0" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }

    private static string ResolveArtifactsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("BASTION_ARTIFACTS_DIR");
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetTempPath(), "bastion-browser-artifacts")
            : configured;
        Directory.CreateDirectory(directory);
        return Path.GetFullPath(directory);
    }
}
