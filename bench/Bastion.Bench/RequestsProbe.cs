using System.Diagnostics;
using System.Security.Cryptography;
using Bastion.Data;
using Bastion.Generation;
using Bastion.Requests;
using Bastion.Security;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Bench;

/// <summary>
/// Requests at city scale: the city dataset with a year of requests in every county (not only the demo county), loaded
/// through DemoLoader into a fresh SQLite database; then the queue and dashboard use cases, in-process under a county
/// user's data scope, each timed against references measured in the same run: a primary-key lookup and a plain
/// COUNT(*) over the whole requests table.
/// </summary>
internal static class RequestsProbe
{
    public static async Task<int> RunAsync(Options options)
    {
        var seed = options.Int("seed", 1);
        var runs = options.Int("runs", 30);
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"bastion-bench-requests-{Environment.ProcessId}")));
        var pii = new PiiProtector(SHA256.HashData("bastion-bench-data-key"u8));
        var now = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);

        var build = Stopwatch.StartNew();
        var data = DemoDataset.Build(ScaleProfile.City, seed, pii, now);
        var counties = data.Organizations.Where(o => o.Depth == 2 && o.Name.EndsWith("县委", StringComparison.Ordinal)).ToList();
        data.UseRequestsOf(counties);
        build.Stop();
        var r = data.Requests;
        Console.WriteLine($"requests: city dataset, {counties.Count} counties, {data.Organizations.Count:N0} organizations, {data.Members.Count:N0} members, "
            + $"{r.Grids.Count:N0} grids, {r.Requests.Count:N0} requests, {r.Events.Count:N0} events, {r.Steps.Count:N0} agency steps (built in {build.Elapsed.TotalSeconds:N1} s)");

        // --reuse true: the database a previous run left in --work (same seed) is measured again without reloading.
        var reuse = options.Text("reuse") == "true" && File.Exists(Path.Combine(work, "bastion.db"));
        var settings = reuse ? BenchDb.ForDataDirectory(work) : await BenchDb.CreateFreshAsync(work);
        var load = Stopwatch.StartNew();
        if (!reuse)
        {
            await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
            await DemoLoader.LoadAsync(db, data, "city+requests", seed);
        }
        else
        {
            // The schema may have gained indexes since the last run.
            await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
            await BastionStorage.MigrateAsync(db, settings);
        }
        load.Stop();
        Console.WriteLine($"loaded into {settings.ConnectionString} in {load.Elapsed.TotalSeconds:N1} s; {new FileInfo(Path.Combine(work, "bastion.db")).Length / (1024 * 1024):N0} MB");

        var county = counties[0];
        var busiest = r.Requests.GroupBy(x => x.OrganizationId).OrderByDescending(g => g.Count()).First().Key;
        var scope = new FixedDataScope(county.Path, "bench");
        var city = data.Organizations.First(o => o.Depth == 1);
        var cityScope = new FixedDataScope(city.Path, "bench");
        var options2 = BenchDb.Options(settings);
        BastionDb Open(IDataScope s) => new(options2, s, new FixedTime(now));

        async Task<double> Median(Func<BastionDb, Task> action, IDataScope s)
        {
            for (var i = 0; i < 5; i++) { await using var w = Open(s); await action(w); }
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await using var db = Open(s);
                var t = Stopwatch.StartNew();
                await action(db);
                times.Add(t.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }

        var paths = data.Organizations.ToDictionary(o => o.Id, o => o.Path);
        var inCounty = r.Requests.Count(x => paths[x.OrganizationId].StartsWith(county.Path, StringComparison.Ordinal));
        var rows = new List<(string What, double Ms)>
        {
            ("reference: one primary-key lookup (EF Core, new context)", await Median(db => db.Organizations.Where(o => o.Id == county.Id).Select(o => o.Path).FirstAsync(), scope)),
            ($"reference: COUNT(*) over all {r.Requests.Count:N0} requests (EF Core, unrestricted)", await Median(db => db.Set<ServiceRequest>().IgnoreQueryFilters().CountAsync(), scope)),
            ($"queue of the busiest organization ({r.Requests.Count(x => x.OrganizationId == busiest)} requests), open only, page 1 of 50", await Median(db => RequestQueries.QueueAsync(db, new QueueFilter { OrganizationId = busiest }), scope)),
            ("same, all statuses, page 1 of 50", await Median(db => RequestQueries.QueueAsync(db, new QueueFilter { OrganizationId = busiest, OpenOnly = false }), scope)),
            ("county queue (its own and escalated to it), open only", await Median(db => RequestQueries.QueueAsync(db, new QueueFilter { OrganizationId = county.Id }), scope)),
            ($"dashboard of one county's subtree ({inCounty:N0} requests in the year)", await Median(db => RequestDashboard.ForSubtreeAsync(db, county.Id, null, null), scope)),
            ($"dashboard of the whole city ({r.Requests.Count:N0} requests)", await Median(db => RequestDashboard.ForSubtreeAsync(db, city.Id, null, null), cityScope)),
        };
        var pk = rows[0].Ms;
        var count = rows[1].Ms;
        Console.WriteLine();
        Console.WriteLine($"median of {runs} runs after 5 warm-up, new DbContext per run, SQLite (WAL)");
        Console.WriteLine();
        Console.WriteLine("| what | median ms | ratio to PK lookup | ratio to COUNT(*) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (what, ms) in rows)
            Console.WriteLine($"| {what} | {ms:N2} | {ms / pk:N1} | {ms / count:N3} |");
        if (options.Text("work") is null) Directory.Delete(work, recursive: true);
        return 0;
    }

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
