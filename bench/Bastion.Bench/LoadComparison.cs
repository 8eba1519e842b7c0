using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bastion.Data;
using Bastion.Generation;
using Bastion.Security;
using Microsoft.Data.Sqlite;

namespace Bastion.Bench;

/// <summary>
/// Generation rate: the same in-memory dataset loaded (i) through <see cref="DemoLoader.LoadAsync"/>, the path
/// <c>bastion generate</c> takes (EF Core, batches of 4,000, audit layer, one summary audit event), and (ii) through a
/// plain bulk load: one transaction, one prepared parameterized INSERT per table on a raw SqliteConnection, the same
/// columns and values. Both go into a fresh database migrated by <see cref="BastionStorage.MigrateAsync"/> (WAL, foreign
/// keys on, all indexes present); migration is outside the timed region. Runs alternate so drift hits both sides.
/// </summary>
internal static class LoadComparison
{
    public static async Task<int> RunAsync(Options options)
    {
        var scale = ScaleProfile.Find(options.Text("scale", "city")) ?? throw new OptionException("--scale must be demo, city or province.");
        var seed = options.Int("seed", 1);
        var repeat = options.Int("repeat", 3);
        if (repeat < 1) throw new OptionException("--repeat must be at least 1.");
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"bastion-bench-load-{Environment.ProcessId}")));
        var keepWork = options.Text("work") is not null;
        Directory.CreateDirectory(work);

        // A fixed key and clock: the same seed gives the same rows (ciphertexts differ only by their random nonces).
        var pii = new PiiProtector(SHA256.HashData("bastion-bench-data-key"u8));
        var now = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);

        Console.WriteLine($"load: scale {scale.Name}, seed {seed}, {repeat} run(s) per loader, work directory {work}");
        var buildClock = Stopwatch.StartNew();
        var data = DemoDataset.Build(scale, seed, pii, now);
        buildClock.Stop();
        var rows = (long)data.Organizations.Count + data.Members.Count;
        Console.WriteLine($"built in memory: {data.Organizations.Count:N0} organizations + {data.Members.Count:N0} members = {rows:N0} rows in {buildClock.Elapsed.TotalSeconds:N2} s");

        try
        {
            // Warm-up (JIT, EF Core model, SQLite native library) on a one-county dataset; not timed.
            var warm = DemoDataset.Build(ScaleProfile.Demo, seed, pii, now);
            await LoadWithDemoLoaderAsync(await BenchDb.CreateFreshAsync(Path.Combine(work, "warm-ef")), warm, ScaleProfile.Demo.Name, seed);
            BulkLoad(await BenchDb.CreateFreshAsync(Path.Combine(work, "warm-bulk")), warm);
            Cleanup(work, "warm-ef", "warm-bulk");

            var ef = new List<double>();
            var bulk = new List<double>();
            for (var run = 1; run <= repeat; run++)
            {
                var efSettings = await BenchDb.CreateFreshAsync(Path.Combine(work, "ef"));
                var bulkSettings = await BenchDb.CreateFreshAsync(Path.Combine(work, "bulk"));

                Settle();
                var t = Stopwatch.StartNew();
                await LoadWithDemoLoaderAsync(efSettings, data, scale.Name, seed);
                ef.Add(t.Elapsed.TotalSeconds);

                Settle();
                t.Restart();
                BulkLoad(bulkSettings, data);
                bulk.Add(t.Elapsed.TotalSeconds);

                Console.WriteLine($"run {run}: DemoLoader {ef[^1]:N2} s ({rows / ef[^1]:N0} rows/s), bulk {bulk[^1]:N2} s ({rows / bulk[^1]:N0} rows/s)");
                if (run == 1 && !Verify(efSettings, bulkSettings, data)) return 1;
                Cleanup(work, "ef", "bulk");
            }

            var efMedian = Median(ef);
            var bulkMedian = Median(bulk);
            var efRate = rows / efMedian;
            var bulkRate = rows / bulkMedian;
            var endToEndRate = rows / (buildClock.Elapsed.TotalSeconds + efMedian);
            Console.WriteLine();
            Console.WriteLine($"{"",-36}{"seconds",10}{"rows/s",12}{"vs bulk",10}");
            Console.WriteLine($"{"build in memory (DemoDataset.Build)",-36}{buildClock.Elapsed.TotalSeconds,10:N2}{rows / buildClock.Elapsed.TotalSeconds,12:N0}{"",10}");
            Console.WriteLine($"{"DemoLoader.LoadAsync (median)",-36}{efMedian,10:N2}{efRate,12:N0}{efRate / bulkRate,10:N3}");
            Console.WriteLine($"{"plain bulk load (median)",-36}{bulkMedian,10:N2}{bulkRate,12:N0}{1.0,10:N3}");
            Console.WriteLine($"{"generate = build + DemoLoader",-36}{buildClock.Elapsed.TotalSeconds + efMedian,10:N2}{endToEndRate,12:N0}{endToEndRate / bulkRate,10:N3}");
            Console.WriteLine($"(runs: DemoLoader {Join(ef)} s; bulk {Join(bulk)} s)");

            // Machine-readable lines for bench/run.sh.
            Result("scale", scale.Name);
            Result("seed", seed);
            Result("repeat", repeat);
            Result("organizations", data.Organizations.Count);
            Result("members", data.Members.Count);
            Result("rows", rows);
            Result("build_s", buildClock.Elapsed.TotalSeconds);
            Result("build_rows_per_s", rows / buildClock.Elapsed.TotalSeconds);
            Result("demoloader_s", efMedian);
            Result("demoloader_rows_per_s", efRate);
            Result("demoloader_runs_s", Join(ef));
            Result("bulk_s", bulkMedian);
            Result("bulk_rows_per_s", bulkRate);
            Result("bulk_runs_s", Join(bulk));
            Result("ratio_demoloader_over_bulk", efRate / bulkRate);
            Result("generate_rows_per_s", endToEndRate);
            Result("ratio_generate_over_bulk", endToEndRate / bulkRate);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keepWork && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static async Task LoadWithDemoLoaderAsync(StorageSettings settings, DemoDataset data, string scaleName, int seed)
    {
        await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
        await DemoLoader.LoadAsync(db, data, scaleName, seed);
    }

    private const string InsertOrganization =
        """
        INSERT INTO "Organizations" ("Id", "Name", "Kind", "Status", "ParentId", "Path", "Depth", "RegionId", "CreatedAt")
        VALUES ($id, $name, $kind, $status, $parent, $path, $depth, $region, $created)
        """;

    private const string InsertMember =
        """
        INSERT INTO "Members" ("Id", "OrganizationId", "RegionId", "Name", "Gender", "BirthDate", "ResidentIdCipher", "ResidentIdHash",
                               "ResidentIdMasked", "Category", "Status", "JoinedOn", "FullOn", "CreatedAt")
        VALUES ($id, $org, $region, $name, $gender, $birth, $cipher, $hash, $masked, $category, $status, $joined, $full, $created)
        """;

    /// <summary>The reference: one transaction, prepared statements, parameters bound per row. Nothing else.</summary>
    private static void BulkLoad(StorageSettings settings, DemoDataset data)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();

        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = InsertOrganization;
            var p = Parameters(cmd, "$id", "$name", "$kind", "$status", "$parent", "$path", "$depth", "$region", "$created");
            cmd.Prepare();
            foreach (var o in data.Organizations)
            {
                p[0].Value = o.Id;
                p[1].Value = o.Name;
                p[2].Value = (int)o.Kind;
                p[3].Value = (int)o.Status;
                p[4].Value = o.ParentId is { } parent ? parent : DBNull.Value;
                p[5].Value = o.Path;
                p[6].Value = o.Depth;
                p[7].Value = o.RegionId;
                p[8].Value = o.CreatedAt;
                cmd.ExecuteNonQuery();
            }
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = InsertMember;
            var p = Parameters(cmd, "$id", "$org", "$region", "$name", "$gender", "$birth", "$cipher", "$hash", "$masked", "$category", "$status", "$joined", "$full", "$created");
            cmd.Prepare();
            foreach (var m in data.Members)
            {
                p[0].Value = m.Id;
                p[1].Value = m.OrganizationId;
                p[2].Value = m.RegionId;
                p[3].Value = m.Name;
                p[4].Value = (int)m.Gender;
                p[5].Value = m.BirthDate;
                p[6].Value = m.ResidentIdCipher;
                p[7].Value = m.ResidentIdHash;
                p[8].Value = m.ResidentIdMasked;
                p[9].Value = (int)m.Category;
                p[10].Value = (int)m.Status;
                p[11].Value = m.JoinedOn;
                p[12].Value = m.FullOn is { } full ? full : DBNull.Value;
                p[13].Value = m.CreatedAt;
                cmd.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    private static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names) =>
        names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();

    /// <summary>Both databases must hold exactly the same organization and member rows, or the comparison is meaningless.</summary>
    private static bool Verify(StorageSettings ef, StorageSettings bulk, DemoDataset data)
    {
        foreach (var (table, expected) in new[] { ("Organizations", (long)data.Organizations.Count), ("Members", (long)data.Members.Count) })
        {
            var a = Fingerprint(ef.ConnectionString, table);
            var b = Fingerprint(bulk.ConnectionString, table);
            if (a.Rows != expected || b.Rows != expected || a.Hash != b.Hash)
            {
                Console.Error.WriteLine($"load: the two databases differ in {table}: DemoLoader {a.Rows:N0} rows ({a.Hash[..16]}), bulk {b.Rows:N0} rows ({b.Hash[..16]}), expected {expected:N0}.");
                return false;
            }
            Console.WriteLine($"verified: {table} identical in both databases ({a.Rows:N0} rows, sha256 {a.Hash[..16]}…)");
        }
        return true;
    }

    /// <summary>SHA-256 over every column of every row (with SQLite's storage class), in id order.</summary>
    private static (long Rows, string Hash) Fingerprint(string connectionString, string table)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""SELECT * FROM "{table}" ORDER BY "Id" """;
        using var reader = cmd.ExecuteReader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var bytes = reader.GetValue(i) switch
                {
                    DBNull => "N"u8.ToArray(),
                    byte[] blob => [(byte)'B', .. blob],
                    string s => [(byte)'T', .. Encoding.UTF8.GetBytes(s)],
                    long l => [(byte)'I', .. BitConverter.GetBytes(l)],
                    double d => [(byte)'R', .. BitConverter.GetBytes(d)],
                    var other => Encoding.UTF8.GetBytes("?" + Convert.ToString(other, CultureInfo.InvariantCulture)),
                };
                hash.AppendData(BitConverter.GetBytes(bytes.Length));
                hash.AppendData(bytes);
            }
        }
        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Cleanup(string work, params string[] names)
    {
        SqliteConnection.ClearAllPools();
        foreach (var name in names)
        {
            var dir = Path.Combine(work, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string Join(List<double> values) => string.Join(" ", values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));

    private static void Result(string key, object value) =>
        Console.WriteLine($"result.{key}={(value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture))}");
}
