using System.Diagnostics;
using System.Security.Cryptography;
using Bastion.Cascades;
using Bastion.Data;
using Bastion.Generation;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Bench;

/// <summary>
/// The directive roll-up at scale: loads a generated dataset (default city) into a fresh SQLite database, issues one
/// cascade from the root committee to every branch, spreads the targets over the states, then times (i) the tree-table
/// level at the root (root + children, one grouped path-range statement), (ii) the whole-subtree roll-up used by the
/// export, against (iii) the reference: a plain COUNT of the cascade's target rows in the same run.
/// </summary>
internal static class RollUpProbe
{
    public static async Task<int> RunAsync(Options options)
    {
        var scale = ScaleProfile.Find(options.Text("scale", "city")) ?? throw new OptionException("--scale must be demo, city or province.");
        var runs = options.Int("runs", 20);
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"bastion-bench-rollup-{Environment.ProcessId}")));
        var pii = new PiiProtector(SHA256.HashData("bastion-bench-data-key"u8));
        var now = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        Console.WriteLine($"rollup: scale {scale.Name}, {runs} runs, work directory {work}");
        var settings = await BenchDb.CreateFreshAsync(work);
        var data = DemoDataset.Build(scale, 1, pii, now);
        await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench")))
            await DemoLoader.LoadAsync(db, data, scale.Name, 1, null, default);

        long cascadeId;
        var root = data.Organizations.First(o => o.Depth == 1); // the city committee
        await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench")))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var cascade = await IssueCascade.HandleAsync(db, await db.Organizations.FirstAsync(o => o.Id == root.Id), CascadeSubject.Directive, "bench",
                Clock.Today(TimeProvider.System).AddDays(10), new TargetSelection { Mode = TargetMode.Filter, Kinds = [OrganizationKind.Branch] }, "Targets", default);
            await tx.CommitAsync();
            cascadeId = cascade.Id;
            // A spread of states: every 3rd completed, every 7th submitted, every 5th overdue (due yesterday).
            await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.Id % 3 == 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Completed));
            await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.Id % 7 == 0 && t.State != TargetState.Completed).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Submitted));
            var yesterday = Clock.Today(TimeProvider.System).AddDays(-1);
            await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.Id % 5 == 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueOn, yesterday));
        }
        var orgs = data.Organizations.Count(o => o.Path.StartsWith(root.Path, StringComparison.Ordinal));
        await using (var db = BenchDb.Open(settings, new FixedDataScope(root.Path, "bench")))
        {
            var targets = await db.Set<CascadeTarget>().CountAsync(t => t.CascadeId == cascadeId);
            Console.WriteLine($"{orgs:N0} organizations under {root.Name}; {targets:N0} targets (every branch)");
            var level = await CascadeQueries.LevelAsync(db, cascadeId, root.Id) ?? throw new InvalidOperationException("no roll-up");
            var check = level[0];
            Console.WriteLine($"root: total {check.Total:N0}, completed {check.Completed:N0}, submitted {check.Submitted:N0}, overdue {check.Overdue:N0}, not started {check.NotStarted:N0}, in progress {check.InProgress:N0}; {level.Count - 1} children");
            if (check.Total != targets) { Console.Error.WriteLine("roll-up total differs from the target count"); return 1; }
        }

        async Task<double> TimeAsync(Func<BastionDb, Task> action)
        {
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await using var db = BenchDb.Open(settings, new FixedDataScope(root.Path, "bench"));
                var t = Stopwatch.StartNew();
                await action(db);
                times.Add(t.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }

        var countMs = await TimeAsync(async db => await db.Set<CascadeTarget>().CountAsync(t => t.CascadeId == cascadeId));
        var levelMs = await TimeAsync(async db => await CascadeQueries.LevelAsync(db, cascadeId, root.Id));
        var subtreeMs = await TimeAsync(async db => await CascadeQueries.SubtreeAsync(db, cascadeId, root.Id));
        Console.WriteLine();
        Console.WriteLine($"{"median of " + runs,-44}{"ms",10}{"vs count",10}");
        Console.WriteLine($"{"reference: COUNT of the cascade's targets",-44}{countMs,10:N1}{1.0,10:N2}");
        Console.WriteLine($"{"LevelAsync (root + children, tree table)",-44}{levelMs,10:N1}{levelMs / countMs,10:N2}");
        Console.WriteLine($"{"SubtreeAsync (every node, export)",-44}{subtreeMs,10:N1}{subtreeMs / countMs,10:N2}");
        if (options.Text("work") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }
}
