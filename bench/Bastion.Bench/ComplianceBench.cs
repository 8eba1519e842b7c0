using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Bastion.Compliance;
using Bastion.Data;
using Bastion.Generation;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Security;
using Microsoft.Data.Sqlite;

namespace Bastion.Bench;

/// <summary>
/// The compliance view at scale: a generated dataset (DemoLoader) plus a year of held meetings for every branch and
/// group (a plain bulk insert; about one branch in ten is lax), then <see cref="ComplianceQueries.ReportAsync"/> and
/// the worst-first rows (what GET /api/v1/compliance/organizations/{id} computes) for the top organization and for the
/// first county, against a reference in the same run: one raw grouped count of the year's held meetings of the same
/// subtree (the least any implementation must read). Median of --runs after one warm-up.
/// </summary>
internal static class ComplianceBench
{
    public static async Task<int> RunAsync(Options options)
    {
        var scale = ScaleProfile.Find(options.Text("scale", "city")) ?? throw new OptionException("--scale must be demo, city or province.");
        var seed = options.Int("seed", 1);
        var runs = options.Int("runs", 10);
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"bastion-bench-compliance-{Environment.ProcessId}")));
        var pii = new PiiProtector(SHA256.HashData("bastion-bench-data-key"u8));
        var now = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        try
        {
            var data = DemoDataset.Build(scale, seed, pii, now);
            var settings = await BenchDb.CreateFreshAsync(work);
            await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench")))
                await DemoLoader.LoadAsync(db, data, scale.Name, seed);
            var meetings = InsertMeetings(settings, data, seed);
            Console.WriteLine($"compliance: scale {scale.Name}, seed {seed}: {data.Organizations.Count:N0} organizations, {data.Members.Count:N0} members, {meetings:N0} held meetings in 2025");

            var year = Period.TryParse("2025")!.Value;
            foreach (var top in new[] { data.Root, data.FirstCounty })
            {
                var subtreeSize = data.Organizations.Count(o => TreePath.Contains(top.Path, o.Path));
                var report = new List<double>();
                var reference = new List<double>();
                int rows = 0;
                long referenceRows = 0;
                for (var run = 0; run <= runs; run++)
                {
                    var t = Stopwatch.StartNew();
                    await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench")))
                    {
                        var r = await ComplianceQueries.ReportAsync(db, top.Id, year) ?? throw new InvalidOperationException("no report");
                        rows = ComplianceView.Rows(r, new ComplianceFilter()).Count;
                    }
                    var reportSeconds = t.Elapsed.TotalSeconds;
                    t.Restart();
                    referenceRows = GroupedCount(settings, top.Path, year);
                    var referenceSeconds = t.Elapsed.TotalSeconds;
                    if (run == 0) continue; // warm-up
                    report.Add(reportSeconds);
                    reference.Add(referenceSeconds);
                }
                // One more run with each statement timed, to show where the time goes.
                var timer = new StatementTimer();
                var whole = Stopwatch.StartNew();
                await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench"), timer))
                    await ComplianceQueries.ReportAsync(db, top.Id, year);
                whole.Stop();
                foreach (var (sql, ms) in timer.Statements)
                    Console.WriteLine($"  {ms,8:N1} ms  {sql.ReplaceLineEndings(" ")[..Math.Min(110, sql.Length)]}");
                Console.WriteLine($"  {timer.Statements.Sum(x => x.Ms),8:N1} ms  in SQL of {whole.Elapsed.TotalMilliseconds:N1} ms for the whole report");
                if (options.Text("work") is not null)
                    await File.WriteAllLinesAsync(Path.Combine(work, $"statements-{top.Id}.sql"), timer.Statements.Select(x => x.Sql + ";\n"));
                var (rm, fm) = (Median(report), Median(reference));
                Console.WriteLine($"{top.Name} ({subtreeSize:N0} organizations, {rows:N0} rows, reference {referenceRows:N0} groups): " +
                    $"report {rm * 1000:N1} ms, reference grouped count {fm * 1000:N1} ms, ratio {rm / fm:N2}");
                Console.WriteLine($"  runs report {Join(report)} s; reference {Join(reference)} s");
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Text("work") is null && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The reference: held meetings of the year in the subtree, grouped by organization and kind, in one raw statement.</summary>
    private static long GroupedCount(StorageSettings settings, string path, Period year)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT m."OrganizationId", m."Kind", COUNT(*) FROM "Meetings" AS m
            JOIN "Organizations" AS o ON o."Id" = m."OrganizationId"
            WHERE o."Path" >= $lo AND o."Path" < $hi AND m."Status" = 2 AND m."HeldOn" >= $from AND m."HeldOn" <= $to
            GROUP BY m."OrganizationId", m."Kind"
            """;
        cmd.Parameters.AddWithValue("$lo", path);
        cmd.Parameters.AddWithValue("$hi", TreePath.UpperBound(path));
        cmd.Parameters.AddWithValue("$from", year.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$to", year.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using var reader = cmd.ExecuteReader();
        long groups = 0;
        while (reader.Read()) groups++;
        return groups;
    }

    /// <summary>A year of organizational life for every branch and group, one prepared INSERT in one transaction.</summary>
    private static int InsertMeetings(StorageSettings settings, DemoDataset data, int seed)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO "Meetings" ("OrganizationId", "RegionId", "Kind", "Status", "Topic", "StartsAt", "EndsAt", "Online", "HeldOn", "CreatedAt")
            VALUES ($org, $region, $kind, 2, $topic, $starts, $ends, 0, $held, $created)
            """;
        var org = cmd.Parameters.Add("$org", SqliteType.Integer);
        var region = cmd.Parameters.Add("$region", SqliteType.Integer);
        var kind = cmd.Parameters.Add("$kind", SqliteType.Integer);
        var topic = cmd.Parameters.Add("$topic", SqliteType.Text);
        var starts = cmd.Parameters.Add("$starts", SqliteType.Text);
        var ends = cmd.Parameters.Add("$ends", SqliteType.Text);
        var held = cmd.Parameters.Add("$held", SqliteType.Text);
        var created = cmd.Parameters.Add("$created", SqliteType.Text);
        cmd.Prepare();
        var count = 0;
        void Add(Organization o, MeetingKind k, DateOnly day)
        {
            org.Value = o.Id; region.Value = o.RegionId; kind.Value = (int)k; topic.Value = ComplianceView.KindNames[k];
            var start = day.ToDateTime(new TimeOnly(7, 0));
            starts.Value = start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            ends.Value = start.AddHours(2).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            held.Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            created.Value = ends.Value;
            cmd.ExecuteNonQuery();
            count++;
        }
        foreach (var o in data.Organizations)
        {
            var lax = random.NextDouble() < 0.1;
            var p = lax ? 0.4 : 0.9;
            bool Held() => random.NextDouble() < p;
            if (o.Kind == OrganizationKind.Group)
            {
                for (var m = 1; m <= 12; m++) if (Held()) Add(o, MeetingKind.GroupMeeting, new DateOnly(2025, m, 5));
                continue;
            }
            if (o.Kind is not (OrganizationKind.Branch or OrganizationKind.JointBranch)) continue;
            for (var m = 1; m <= 12; m++)
            {
                if (Held()) Add(o, MeetingKind.ThemePartyDay, new DateOnly(2025, m, 1));
                if (Held()) Add(o, MeetingKind.BranchCommitteeMeeting, new DateOnly(2025, m, 8));
                if (m % 3 == 0 && Held()) Add(o, MeetingKind.BranchGeneralMeeting, new DateOnly(2025, m, 15));
                if (m % 3 == 0 && Held()) Add(o, MeetingKind.PartyLecture, new DateOnly(2025, m, 16));
            }
            foreach (var k in new[] { MeetingKind.OrganizationalLifeMeeting, MeetingKind.DemocraticAppraisal, MeetingKind.HeartToHeartTalk })
                if (Held()) Add(o, k, new DateOnly(2025, 12, 10));
        }
        tx.Commit();
        return count;
    }

    private sealed class StatementTimer : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public List<(string Sql, double Ms)> Statements { get; } = [];

        // From execution to the reader's disposal: the statement and reading (and materializing) its rows.
        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult DataReaderDisposing(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.DataReaderDisposingEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
        {
            Statements.Add((command.CommandText, eventData.Duration.TotalMilliseconds));
            return result;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Join(List<double> values) => string.Join(" ", values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));
}
