using System.Diagnostics;
using System.Security.Cryptography;
using Bastion.Data;
using Bastion.Development;
using Bastion.Generation;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Bench;

/// <summary>
/// The upper level's development-pipeline view at scale: loads a generated dataset (default city, with the demo
/// pipeline's candidates in the first county) into a fresh SQLite database, then times DevelopmentQueries.SubtreeAsync
/// (counts per stage, late steps, branches with members but no activist for 2 years, intake against plan per child) at
/// the city committee and at the first county, each against the reference: a COUNT of the same subtree's active
/// members, joined to the organizations by path range, in the same run.
/// </summary>
internal static class DevelopmentProbe
{
    public static async Task<int> RunAsync(Options options)
    {
        var scale = ScaleProfile.Find(options.Text("scale", "city")) ?? throw new OptionException("--scale must be demo, city or province.");
        var runs = options.Int("runs", 20);
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"bastion-bench-development-{Environment.ProcessId}")));
        var pii = new PiiProtector(SHA256.HashData("bastion-bench-data-key"u8));
        Console.WriteLine($"development: scale {scale.Name}, {runs} runs, work directory {work}");
        var settings = await BenchDb.CreateFreshAsync(work);
        var data = DemoDataset.Build(scale, 1, pii, DateTime.UtcNow);
        await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench")))
            await DemoLoader.LoadAsync(db, data, scale.Name, 1, null, default);

        var root = data.Organizations.First(o => o.Depth == 1);
        Console.WriteLine($"{data.Organizations.Count:N0} organizations, {data.MembersLoaded:N0} members, {data.Candidates.Count:N0} candidates (first county)");
        Console.WriteLine();
        Console.WriteLine($"{"median of " + runs,-58}{"ms",10}{"vs count",10}");
        foreach (var node in new[] { root, data.FirstCounty })
        {
            var lo = node.Path;
            var hi = TreePath.UpperBound(lo);
            await using (var db = BenchDb.Open(settings, new FixedDataScope(lo, "bench")))
            {
                var view = await DevelopmentQueries.SubtreeAsync(db, node.Id) ?? throw new InvalidOperationException("no view");
                Console.WriteLine($"{node.Name}: stages {string.Join("/", view.Stages.Select(s => s.Count))}, late {view.LateCount}, "
                                  + $"branches without an activist for {view.DormantYears} years {view.WeakBranchCount}, intake {view.Intake}, {view.Children.Count} children");
            }

            async Task<double> TimeAsync(Func<BastionDb, Task> action)
            {
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    await using var db = BenchDb.Open(settings, new FixedDataScope(lo, "bench"));
                    var t = Stopwatch.StartNew();
                    await action(db);
                    times.Add(t.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                return times[times.Count / 2];
            }

            var countMs = await TimeAsync(async db => await db.Members.CountAsync(m => m.Status == MemberStatus.Active
                && db.Organizations.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0)));
            var viewMs = await TimeAsync(async db => await DevelopmentQueries.SubtreeAsync(db, node.Id));
            Console.WriteLine($"{"  reference: COUNT of the subtree's active members",-58}{countMs,10:N1}{1.0,10:N2}");
            Console.WriteLine($"{"  DevelopmentQueries.SubtreeAsync",-58}{viewMs,10:N1}{viewMs / countMs,10:N2}");
        }
        if (options.Text("work") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }
}
