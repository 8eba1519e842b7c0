using Bastion.Data;
using Bastion.Jobs;
using Bastion.Web.Security;

namespace Bastion.Web.Hosting;

/// <summary>
/// Runs every registered <see cref="IBastionJob"/> on its interval, each round in its own scope with the system
/// data scope. Off when <c>Bastion:Jobs:Enabled</c> is false (the tests run jobs themselves).
/// </summary>
public sealed class JobScheduler(IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger<JobScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Bastion:Jobs:Enabled", true)) return;
        List<(string Name, TimeSpan Interval)> jobs;
        await using (var scope = services.CreateAsyncScope())
            jobs = scope.ServiceProvider.GetServices<IBastionJob>().Select(j => (j.Name, j.Interval)).ToList();
        await Task.WhenAll(jobs.Select(j => LoopAsync(j.Name, j.Interval, stoppingToken)));
    }

    private async Task LoopAsync(string name, TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    var result = await RunOnceAsync(services, name, ct);
                    log.LogDebug("Job {Job}: {Result}", name, result);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Job {Job} failed; it runs again in {Interval}.", name, interval);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round of the named job in a fresh scope with the system data scope.</summary>
    public static async Task<string> RunOnceAsync(IServiceProvider services, string name, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpDataScope>().UseSystem("job:" + name);
        var job = BastionJobs.Find(scope.ServiceProvider, name);
        return await job.RunAsync(scope.ServiceProvider.GetRequiredService<BastionDb>(), ct);
    }
}
