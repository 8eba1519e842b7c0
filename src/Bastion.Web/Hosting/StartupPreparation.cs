using Bastion.Data;
using Bastion.Generation;
using Bastion.Identity;
using Bastion.Security;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Hosting;

/// <summary>
/// Before the server accepts requests: applies migrations and, on an empty database, creates the demo county.
/// Once it listens: prints where it is and the demo logins. Runs inside the host, so tests get it too.
/// </summary>
public sealed class StartupPreparation(IServiceProvider services, IConfiguration configuration, StorageSettings settings,
    IServer server, IHostApplicationLifetime lifetime, ILogger<StartupPreparation> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpDataScope>().UseSystem("startup");
        _ = scope.ServiceProvider.GetRequiredService<PiiProtector>(); // a wrong data key stops start-up, not the first reveal
        var db = scope.ServiceProvider.GetRequiredService<BastionDb>();
        await BastionStorage.MigrateAsync(db, settings, cancellationToken);
        log.LogInformation("Database: {Database}", settings.Describe());

        DemoSeeder.Outcome? seeded = null;
        if (configuration.GetValue("Bastion:Demo:SeedOnFirstStart", true) && await DemoSeeder.IsEmptyAsync(db, cancellationToken))
        {
            var seed = configuration.GetValue("Bastion:Demo:Seed", 2026);
            Console.WriteLine($"Empty database: creating the demo county (seed {seed}) …");
            seeded = await DemoSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<BastionUser>>(),
                scope.ServiceProvider.GetRequiredService<PiiProtector>(), ScaleProfile.Demo, seed, ct: cancellationToken);
        }
        var logins = await DemoSeeder.ExistingLoginsAsync(db, cancellationToken);

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"Bastion is running at {string.Join(", ", addresses)} ({settings.Describe()})");
            if (seeded is not null)
                Console.WriteLine($"Demo county created: {seeded.Organizations} organizations, {seeded.Members} members.");
            if (logins.Count > 0)
            {
                Console.WriteLine($"Demo logins (password {DemoSeeder.DemoPassword}):");
                foreach (var l in logins) Console.WriteLine($"  {l.UserName,-16} {l.Role,-24} {l.Organization}");
            }
            Console.WriteLine();
        });
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
