using System.Data.Common;
using System.Diagnostics;
using Bastion.Data;
using Bastion.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bastion.Bench;

/// <summary>
/// Explains the cost of GET /api/v1/organizations/{id}/subtree without the web stack: runs
/// <see cref="OrganizationQueries.SubtreeAsync"/> under the same data scope a user bound to --scope-org gets, records
/// every SQL statement EF Core sends with its duration, and prints SQLite's query plan of each.
/// </summary>
internal static class SubtreeProbe
{
    public static async Task<int> RunAsync(Options options)
    {
        var file = options.Text("db") ?? throw new OptionException("probe needs --db FILE (a Bastion SQLite database).");
        if (!File.Exists(file)) throw new OptionException($"there is no database at {file}.");
        var settings = BenchDb.ForFile(file);
        var pageSize = options.Int("page-size", 50);
        var runs = Math.Max(1, options.Int("runs", 20));

        long orgId;
        string scopePath;
        await using (var system = BenchDb.Open(settings, FixedDataScope.System("bench")))
        {
            // Default: the organization of the orgdept demo user (the first county), else the root.
            orgId = options.Long("org")
                ?? await system.Users.Where(u => u.UserName == "orgdept").Select(u => (long?)u.OrganizationId).FirstOrDefaultAsync()
                ?? await system.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var scopeOrg = options.Long("scope-org") ?? orgId;
            scopePath = await system.Organizations.Where(o => o.Id == scopeOrg).Select(o => o.Path).FirstOrDefaultAsync()
                ?? throw new OptionException($"organization {scopeOrg} does not exist.");
            var all = await system.Organizations.CountAsync();
            Console.WriteLine($"probe: {file}: {all:N0} organizations; subtree of {orgId}, data scope {scopePath}, pageSize {pageSize}, {runs} runs per page");
        }

        var recorder = new CommandRecorder();
        var scope = new FixedDataScope(scopePath, "bench");
        int lastPage;
        await using (var db = BenchDb.Open(settings, scope, recorder))
            lastPage = (await OrganizationQueries.SubtreeAsync(db, orgId, null, 1, pageSize))?.PageCount
                ?? throw new OptionException($"organization {orgId} is not visible in scope {scopePath}.");

        // Baseline: one primary-key lookup (the query DataScopeMiddleware runs on every authenticated request),
        // through EF Core with a new DbContext (as per request) and through ADO.NET on a pooled connection.
        var efLookup = new List<double>();
        var efSharedOptions = new List<double>();
        var efSameContext = new List<double>();
        var sharedOptions = BenchDb.Options(settings);
        var rawLookup = new List<double>();
        await using var shared = BenchDb.Open(settings, scope);
        for (var r = 0; r < Math.Max(100, runs * 4); r++)
        {
            var t = Stopwatch.StartNew();
            await using (var db = BenchDb.Open(settings, scope))
                await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync();
            efLookup.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            await using (var db = new BastionDb(sharedOptions, scope, TimeProvider.System))
                await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync();
            efSharedOptions.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            await shared.Organizations.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync();
            efSameContext.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            await using (var connection = new SqliteConnection(settings.ConnectionString))
            {
                await connection.OpenAsync();
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = """SELECT "Path" FROM "Organizations" WHERE "Id" = $id LIMIT 1""";
                cmd.Parameters.AddWithValue("$id", orgId);
                await cmd.ExecuteScalarAsync();
            }
            rawLookup.Add(t.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"== one primary-key lookup (DataScopeMiddleware's query), median of {efLookup.Count - 10} after 10 warm-up: EF Core with a new DbContext and options built for it (as AddDbContext per request) {Median(efLookup.Skip(10)):N3} ms, " +
                          $"new DbContext on options built once {Median(efSharedOptions.Skip(10)):N3} ms, " +
                          $"EF Core reusing one DbContext {Median(efSameContext.Skip(10)):N3} ms, " +
                          $"ADO.NET on a pooled connection {Median(rawLookup.Skip(10)):N3} ms");

        foreach (var page in new[] { 1, lastPage }.Distinct())
        {
            recorder.Clear();
            var total = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                recorder.StartRun();
                var t = Stopwatch.StartNew();
                await using var db = BenchDb.Open(settings, scope, recorder);
                await OrganizationQueries.SubtreeAsync(db, orgId, null, page, pageSize);
                total.Add(t.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine();
            var sql = recorder.Statements.Sum(st => Median(st.Milliseconds));
            Console.WriteLine($"== subtree of {orgId} (scope {scopePath}), page {page} of {lastPage}: SubtreeAsync median {Median(total):N2} ms " +
                              $"over {runs} runs; SQL {sql:N2} ms in {recorder.Statements.Count} statements, the rest is EF Core/ADO.NET overhead");
            foreach (var (statement, index) in recorder.Statements.Select((s, i) => (s, i)))
            {
                Console.WriteLine($"-- statement {index + 1}: median {Median(statement.Milliseconds):N3} ms (execute + read to the end), {statement.Rows} read(s)");
                Console.WriteLine(Indent(statement.Sql));
                Console.WriteLine($"   parameters: {string.Join(", ", statement.Parameters.Select(p => $"{p.Name}={p.Value}"))}");
                Console.WriteLine("   plan:");
                foreach (var line in Plan(settings, statement)) Console.WriteLine($"     {line}");
            }
        }
        return 0;
    }

    private static IEnumerable<string> Plan(StorageSettings settings, Statement statement)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        var lines = new List<string>();
        var depth = new Dictionary<long, int>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var parent = reader.GetInt64(1);
            var d = depth.TryGetValue(parent, out var pd) ? pd + 1 : 0;
            depth[id] = d;
            lines.Add(new string(' ', d * 2) + reader.GetString(3));
        }
        return lines;
    }

    private static string Indent(string sql) => string.Join('\n', sql.Split('\n').Select(l => "   " + l.TrimEnd()));

    private static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToList();
        return s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    internal sealed class Statement(string sql, List<(string Name, object? Value)> parameters)
    {
        public string Sql { get; } = sql;
        public List<(string Name, object? Value)> Parameters { get; } = parameters;
        public List<double> Milliseconds { get; } = [];
        public int Rows { get; set; }
    }

    /// <summary>Records each command of a run by its position; the same position across runs is the same statement.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private int _position;
        public List<Statement> Statements { get; } = [];

        public void Clear() { Statements.Clear(); _position = 0; }
        public void StartRun() => _position = 0;

        private Statement Next(DbCommand command)
        {
            if (_position == Statements.Count)
                Statements.Add(new Statement(command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return Statements[_position++];
        }

        private Statement? _openReader;
        private TimeSpan _executeDuration;

        // ExecuteReader's duration: for SQLite this includes the first sqlite3_step, i.e. all of an aggregate's work.
        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            _openReader = Next(command);
            _executeDuration = eventData.Duration;
            return ValueTask.FromResult(result);
        }

        // Reading the rows until the reader is disposed; added to the execution time it gives the statement's full cost.
        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (_openReader is { } s)
            {
                s.Milliseconds.Add((_executeDuration + eventData.Duration).TotalMilliseconds);
                s.Rows = eventData.ReadCount;
                _openReader = null;
            }
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            var s = Next(command);
            s.Milliseconds.Add(eventData.Duration.TotalMilliseconds);
            s.Rows = 1;
            return ValueTask.FromResult(result);
        }
    }
}
