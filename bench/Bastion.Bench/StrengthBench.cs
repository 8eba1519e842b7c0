using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bastion.Compliance;
using Bastion.Data;
using Bastion.Development;
using Bastion.Discipline;
using Bastion.Generation;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Strength.Indicators;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Bench;

/// <summary>
/// The Organizational Strength Index assessment at scale, against the same aggregation in DuckDB.
/// Loads a generated dataset (default city) into a fresh SQLite database, times <see cref="RunAssessment.HandleAsync"/>
/// with the national rule set and with a rule set restricted to the renewal indicators that can be written in plain SQL,
/// exports the tables those indicators read to CSV, loads them into an in-process DuckDB, runs the same aggregation there
/// (own numerator/denominator per indicator, the 0–100 score on the rule's worst→best line, the member-weighted subtree
/// mean over the materialized paths, the renewal dimension) and checks that both give the same figures.
/// </summary>
internal static class StrengthBench
{
    /// <summary>
    /// The renewal indicators written again in SQL below. organizational-life is left out: its figure is the compliance
    /// engine's (ComplianceQueries: obligations per meeting kind and period, with the rule set's exemptions), which this
    /// benchmark does not reproduce.
    /// </summary>
    private static readonly string[] SqlIndicators = ["attendance", "dues-paid", "development-on-time", "misconduct", "committee-health", "mobile-contact"];

    private const double Tolerance = 0.01 + 1e-9;

    public static async Task<int> RunAsync(Options options)
    {
        var scale = ScaleProfile.Find(options.Text("scale", "city")) ?? throw new OptionException("--scale must be demo, city or province.");
        var runs = options.Int("runs", 3);
        if (runs < 1) throw new OptionException("--runs must be at least 1.");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = options.Text("period") is { } text
            ? Period.TryParse(text) ?? throw new OptionException($"--period must read 2026, 2026Q3 or 2026-09, not '{text}'.")
            : RunAssessment.Previous(Period.Of(PeriodKind.Quarter, today));
        var work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), $"bastion-bench-strength-{Environment.ProcessId}")));
        Console.WriteLine($"strength: scale {scale.Name}, period {period.Label}, {runs} runs, work directory {work}");

        var clock = Stopwatch.StartNew();
        var settings = await BenchDb.CreateFreshAsync(work);
        var pii = new PiiProtector(SHA256.HashData("bastion-bench-data-key"u8));
        var data = DemoDataset.Build(scale, 1, pii, DateTime.UtcNow);
        await using (var db = BenchDb.Open(settings, FixedDataScope.System("bench")))
            await DemoLoader.LoadAsync(db, data, scale.Name, 1, null, default);
        Console.WriteLine($"{data.Organizations.Count:N0} organizations, {data.MembersLoaded:N0} members; built and loaded in {clock.Elapsed.TotalSeconds:N0} s");
        Console.WriteLine();

        // 1. Bastion with the national rule set.
        var full = await TimeBastionAsync(settings, period, null, runs);
        Print($"Bastion, national rule set ({StrengthRuleSet.Load().Indicators.Count} indicators, {StrengthRuleSet.Load().Warnings.Count} warning rules)", full);

        // 1b. The dashboard's read of the stored snapshot at the top and at the first county (as users scoped there),
        // against a COUNT of the run's stored scores in the same run.
        var dashboardTimes = new List<(string Name, double Read, double Count)>();
        foreach (var node in new[] { data.Organizations.First(o => o.Depth == 1), data.FirstCounty })
        {
            var userScope = new FixedDataScope(node.Path, "bench");
            async Task<double> TimeAsync(Func<BastionDb, Task> action)
            {
                var times = new List<double>();
                for (var i = 0; i < Math.Max(runs, 10); i++)
                {
                    await using var db = BenchDb.Open(settings, userScope);
                    var t = Stopwatch.StartNew();
                    await action(db);
                    times.Add(t.Elapsed.TotalMilliseconds);
                }
                return Median(times);
            }
            var read = await TimeAsync(async db => _ = await StrengthQueries.OverviewAsync(db, node.Id, period.Label) ?? throw new InvalidOperationException("no overview"));
            var count = await TimeAsync(async db => await db.Set<OrganizationScore>().CountAsync(x => x.RunId == full.LastRunId));
            dashboardTimes.Add((node.Name, read, count));
            Console.WriteLine($"Dashboard read (StrengthQueries.OverviewAsync) of {node.Name}: {read:N1} ms; COUNT of the run's stored scores: {count:N1} ms; ratio {read / count:N2}");
        }
        Console.WriteLine();

        // 2. Bastion with the rule set restricted to the indicators written in SQL.
        var restricted = Restricted();
        var part = await TimeBastionAsync(settings, period, restricted, runs);
        Print($"Bastion, restricted rule set ({string.Join(", ", restricted.Indicators.Select(i => i.Code))})", part);

        // 3. Export and load into DuckDB.
        var folder = Path.Combine(work, "export");
        Directory.CreateDirectory(folder);
        clock.Restart();
        var exported = await ExportAsync(settings, folder);
        var exportMs = clock.Elapsed.TotalMilliseconds;
        await using var duck = new DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync();
        clock.Restart();
        await LoadAsync(duck, folder);
        var loadMs = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"Export to CSV: {exported:N0} rows in {Tables.Length} files, {exportMs:N0} ms; DuckDB load (read_csv into tables): {loadMs:N0} ms");

        // 4. The same aggregation in DuckDB.
        var scope = Scope(period, today, restricted);
        var sql = Aggregation(scope, restricted);
        var queryTimes = new List<double>();
        Dictionary<(long, string), DuckFigure> duckFigures = [];
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            duckFigures = await QueryAsync(duck, sql);
            queryTimes.Add(clock.Elapsed.TotalMilliseconds);
        }
        var queryMs = Median(queryTimes);
        Console.WriteLine($"DuckDB query (own figures, scores, subtree means, renewal), median of {runs}: {queryMs:N1} ms; {duckFigures.Count:N0} result rows");
        Console.WriteLine();

        // 5. Cross-check against the restricted run's stored snapshot.
        var mismatches = await CompareAsync(settings, part.LastRunId, restricted, duckFigures);
        Console.WriteLine($"Cross-check: {mismatches} mismatches (own numerator/denominator exact, subtree scores and renewal within 0.01)");
        Console.WriteLine();

        // 6. Summary.
        var restrictedMc = Median(part.Runs.Select(r => (r.Measure + r.Compute).TotalMilliseconds));
        Console.WriteLine($"{"median of " + runs,-66}{"ms",12}");
        Console.WriteLine($"{"Bastion full run, national rule set (measure+compute+store)",-66}{Median(full.Runs.Select(r => r.Total.TotalMilliseconds)),12:N1}");
        Console.WriteLine($"{"Bastion restricted run: measure",-66}{Median(part.Runs.Select(r => r.Measure.TotalMilliseconds)),12:N1}");
        Console.WriteLine($"{"Bastion restricted run: measure+compute",-66}{restrictedMc,12:N1}");
        Console.WriteLine($"{"Bastion restricted run: measure+compute+store",-66}{Median(part.Runs.Select(r => r.Total.TotalMilliseconds)),12:N1}");
        Console.WriteLine($"{"export from SQLite to CSV (once)",-66}{exportMs,12:N1}");
        Console.WriteLine($"{"DuckDB load of the CSV files (once)",-66}{loadMs,12:N1}");
        Console.WriteLine($"{"DuckDB query",-66}{queryMs,12:N1}");
        Console.WriteLine($"ratio Bastion restricted measure+compute / DuckDB query: {restrictedMc / queryMs:N2}");
        foreach (var (name, read, count) in dashboardTimes)
            Console.WriteLine($"{"dashboard read of " + name + " (vs COUNT of stored scores " + count.ToString("N1") + " ms)",-66}{read,12:N1}");

        if (options.Text("work") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
        return mismatches == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- Bastion side

    private sealed record RunTime(TimeSpan Measure, TimeSpan Compute, TimeSpan Store)
    {
        public TimeSpan Total => Measure + Compute + Store;
    }

    private sealed record BastionTimes(List<RunTime> Runs, long LastRunId, int Organizations, int Warnings);

    private static async Task<BastionTimes> TimeBastionAsync(StorageSettings settings, Period period, StrengthRuleSet? rules, int runs)
    {
        var times = new List<RunTime>();
        AssessmentRun? last = null;
        for (var i = 0; i < runs; i++)
        {
            await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
            var outcome = await RunAssessment.HandleAsync(db, period, "bench", rules);
            times.Add(new RunTime(outcome.Timings.Measure, outcome.Timings.Compute, outcome.Timings.Store));
            last = outcome.Run;
        }
        return new BastionTimes(times, last!.Id, last.Organizations, last.Warnings);
    }

    private static void Print(string title, BastionTimes t)
    {
        Console.WriteLine($"{title}: {t.Organizations:N0} organizations, {t.Warnings:N0} warnings");
        foreach (var (r, i) in t.Runs.Select((r, i) => (r, i)))
            Console.WriteLine($"  run {i + 1}: measure {r.Measure.TotalMilliseconds,9:N1} ms  compute {r.Compute.TotalMilliseconds,8:N1} ms  store {r.Store.TotalMilliseconds,9:N1} ms  total {r.Total.TotalMilliseconds,9:N1} ms");
        Console.WriteLine($"  median: measure {Median(t.Runs.Select(r => r.Measure.TotalMilliseconds)),9:N1} ms  compute {Median(t.Runs.Select(r => r.Compute.TotalMilliseconds)),8:N1} ms  "
                          + $"store {Median(t.Runs.Select(r => r.Store.TotalMilliseconds)),9:N1} ms  total {Median(t.Runs.Select(r => r.Total.TotalMilliseconds)),9:N1} ms");
        Console.WriteLine();
    }

    /// <summary>The national rule set with only the renewal dimension, the indicators written in SQL, and no warning rules.</summary>
    private static StrengthRuleSet Restricted()
    {
        using var stream = RuleSetResources.Open(StrengthRuleSet.NationalResource);
        var json = JsonNode.Parse(stream, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        json["version"] = json["version"]!.GetValue<string>() + "-bench-renewal";
        var dimensions = json["dimensions"]!.AsArray().Where(d => d!["code"]!.GetValue<string>() == "renewal").Select(d => d!.DeepClone()).ToArray();
        var indicators = json["indicators"]!.AsArray().Where(i => SqlIndicators.Contains(i!["code"]!.GetValue<string>())).Select(i => i!.DeepClone()).ToArray();
        json["dimensions"] = new JsonArray(dimensions);
        json["indicators"] = new JsonArray(indicators);
        json["warnings"] = new JsonArray();
        var rules = StrengthRuleSet.Parse(json.ToJsonString());
        if (rules.Indicators.Count != SqlIndicators.Length || rules.Indicators.Any(i => i.Dimension != "renewal"))
            throw new InvalidOperationException("The national rule set no longer has the renewal indicators this benchmark writes in SQL.");
        return rules;
    }

    /// <summary>The scope HandleAsync builds for the period (same as-of day), for the dates the SQL needs.</summary>
    private static AssessmentScope Scope(Period period, DateOnly today, StrengthRuleSet rules)
    {
        var asOf = period.End < today ? period.End : today;
        return new AssessmentScope(null!, null!, period, asOf, rules);
    }

    // ---------------------------------------------------------------- export and load

    /// <summary>The tables (and columns) the SQL indicators read, with the DuckDB type of each column.</summary>
    private static readonly (string Table, (string Column, string Type)[] Columns)[] Tables =
    [
        ("Organizations", [("Id", "BIGINT"), ("ParentId", "BIGINT"), ("Path", "VARCHAR"), ("Depth", "INTEGER"), ("Kind", "INTEGER"), ("UnitType", "INTEGER"),
                           ("Status", "INTEGER"), ("TermStartedOn", "DATE"), ("TermYears", "INTEGER")]),
        ("Members", [("Id", "BIGINT"), ("OrganizationId", "BIGINT"), ("Status", "INTEGER"), ("Category", "INTEGER"), ("JoinedOn", "DATE")]),
        ("Meetings", [("Id", "BIGINT"), ("OrganizationId", "BIGINT"), ("Status", "INTEGER"), ("HeldOn", "DATE")]),
        ("MeetingAttendances", [("MeetingId", "BIGINT"), ("OrganizationId", "BIGINT"), ("Status", "INTEGER")]),
        ("DuesPayment", [("MemberId", "BIGINT"), ("Month", "DATE")]),
        ("Positions", [("OrganizationId", "BIGINT"), ("MemberId", "BIGINT"), ("Role", "INTEGER"), ("StartedOn", "DATE"), ("EndedOn", "DATE")]),
        ("DevelopmentSteps", [("OrganizationId", "BIGINT"), ("Kind", "INTEGER"), ("Date", "DATE"), ("Late", "INTEGER")]),
        ("MisconductReports", [("ConcernedOrganizationId", "BIGINT"), ("Status", "INTEGER"), ("Outcome", "INTEGER"), ("ClosedOn", "DATE")]),
        ("MobileRecords", [("Id", "BIGINT"), ("OrganizationId", "BIGINT"), ("Direction", "INTEGER"), ("LeftOn", "DATE"), ("ReturnedOn", "DATE"), ("Status", "INTEGER")]),
        ("MobileContacts", [("MobileRecordId", "BIGINT"), ("ContactedOn", "DATE")]),
    ];

    /// <summary>Writes each table's columns to a CSV file with a plain ADO.NET reader; returns the number of rows.</summary>
    private static async Task<long> ExportAsync(StorageSettings settings, string folder)
    {
        await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        long rows = 0;
        foreach (var (table, columns) in Tables)
        {
            await using var command = connection.CreateCommand();
            // Table and column names are the constants above.
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Column}\""))} FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            await using var writer = new StreamWriter(Path.Combine(folder, table + ".csv"), false, new UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync(string.Join(",", columns.Select(c => c.Column)));
            var line = new StringBuilder();
            while (await reader.ReadAsync())
            {
                line.Clear();
                for (var i = 0; i < columns.Length; i++)
                {
                    if (i > 0) line.Append(',');
                    if (reader.IsDBNull(i)) continue;
                    // Integers, and text that is digits, dashes and slashes (paths, ISO dates): nothing to quote.
                    line.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }
                await writer.WriteLineAsync(line);
                rows++;
            }
        }
        return rows;
    }

    private static async Task LoadAsync(DuckDBConnection duck, string folder)
    {
        foreach (var (table, columns) in Tables)
        {
            var file = Path.Combine(folder, table + ".csv").Replace("'", "''");
            var types = string.Join(", ", columns.Select(c => $"'{c.Column}': '{c.Type}'"));
            await using var command = duck.CreateCommand();
            command.CommandText = $"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv('{file}', header = true, delim = ',', quote = '\"', nullstr = '', columns = {{{types}}})";
            await command.ExecuteNonQueryAsync();
        }
    }

    // ---------------------------------------------------------------- the aggregation in SQL

    private sealed record DuckFigure(double? Numerator, double? Denominator, double? Score);

    private static string D(DateOnly d) => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// One statement: every indicator's own figure per active organization with the same conditions as its source,
    /// its own score, the member-weighted subtree mean (subtree = every active organization whose path starts with
    /// the organization's path) and the renewal dimension; long format (organization, code, own num/den, score).
    /// </summary>
    private static string Aggregation(AssessmentScope scope, StrengthRuleSet rules)
    {
        var (first, last, due) = DuesPaidSource.DueMonths(scope);
        var since = scope.AsOf.AddMonths(-MemberStatusRuleSet.Load().NoContactMonths);
        var from = D(scope.From);
        var to = D(scope.To);
        var asOf = D(scope.AsOf);
        var rulesValues = string.Join(", ", rules.Indicators.Select(i => $"('{i.Code}', {F(i.Worst)}::DOUBLE, {F(i.Best)}::DOUBLE, {F(i.Weight)}::DOUBLE)"));
        int Kind(OrganizationKind k) => (int)k;
        return $"""
            WITH
            org AS (SELECT Id, Path, Kind, UnitType, TermStartedOn, TermYears FROM Organizations WHERE Status = {(int)OrganizationStatus.Active}),
            memberCount AS (SELECT OrganizationId AS Id, count(*) AS n FROM Members
                        WHERE Status = {(int)MemberStatus.Active} AND OrganizationId IN (SELECT Id FROM org) GROUP BY 1),

            attendance AS (
                SELECT a.OrganizationId AS Id, count(*) FILTER (WHERE a.Status = {(int)AttendanceStatus.Present}) AS num, count(*) AS den
                FROM MeetingAttendances a JOIN Meetings m ON a.MeetingId = m.Id
                WHERE m.Status = {(int)MeetingStatus.Held} AND m.HeldOn >= {from} AND m.HeldOn <= {to} AND m.OrganizationId IN (SELECT Id FROM org)
                GROUP BY 1),

            paid AS (SELECT MemberId, count(DISTINCT Month) AS months FROM DuesPayment
                     WHERE Month >= {D(first)} AND Month <= {D(last)} GROUP BY 1),
            dues AS (
                SELECT m.OrganizationId AS Id, count(*) FILTER (WHERE coalesce(p.months, 0) >= {due}) AS num, count(*) AS den,
                       count(*) FILTER (WHERE coalesce(p.months, 0) > 0) AS paying
                FROM Members m LEFT JOIN paid p ON p.MemberId = m.Id
                WHERE {due} > 0 AND m.Status = {(int)MemberStatus.Active} AND m.JoinedOn < {from} AND m.OrganizationId IN (SELECT Id FROM org)
                GROUP BY 1),

            holders AS (
                SELECT OrganizationId AS Id, count(DISTINCT MemberId) AS people, count(*) FILTER (WHERE Role = {(int)PositionRole.Secretary}) AS secretaries
                FROM Positions
                WHERE Role <> {(int)PositionRole.GroupLeader} AND StartedOn <= {asOf} AND (EndedOn IS NULL OR EndedOn > {asOf})
                      AND OrganizationId IN (SELECT Id FROM org)
                GROUP BY 1),
            fullMembers AS (SELECT OrganizationId AS Id, count(*) AS n FROM Members
                            WHERE Status = {(int)MemberStatus.Active} AND Category = {(int)MemberCategory.Full} AND OrganizationId IN (SELECT Id FROM org) GROUP BY 1),
            checks AS (
                SELECT o.Id, coalesce(h.secretaries, 0) > 0 AS hasSecretary,
                       CASE WHEN o.Kind IN ({Kind(OrganizationKind.Branch)}, {Kind(OrganizationKind.JointBranch)}) AND coalesce(f.n, 0) >= {StructureRules.BranchCommitteeFromFullMembers}
                            THEN coalesce(h.people, 0) >= 3 END AS formed,
                       coalesce(o.TermYears, CASE WHEN o.Kind = {Kind(OrganizationKind.Group)} THEN NULL
                                                  WHEN o.Kind = {Kind(OrganizationKind.Committee)} THEN {CommitteeTerm.CommitteeYears}
                                                  WHEN o.UnitType IN ({(int)UnitType.Rural}, {(int)UnitType.Community}) THEN {CommitteeTerm.CommitteeYears}
                                                  ELSE {CommitteeTerm.BranchYears} END) AS years,
                       o.TermStartedOn
                FROM org o LEFT JOIN holders h ON h.Id = o.Id LEFT JOIN fullMembers f ON f.Id = o.Id
                WHERE o.Kind <> {Kind(OrganizationKind.Group)}),
            committee AS (
                SELECT Id, hasSecretary::INTEGER + coalesce(formed, false)::INTEGER + coalesce(dueOn >= {asOf}, false)::INTEGER AS num,
                       1 + (formed IS NOT NULL)::INTEGER + (dueOn IS NOT NULL)::INTEGER AS den
                FROM (SELECT *, CASE WHEN TermStartedOn IS NOT NULL AND years > 0 THEN CAST(TermStartedOn + to_years(years) AS DATE) END AS dueOn FROM checks)),

            development AS (
                SELECT OrganizationId AS Id, count(*) FILTER (WHERE Late = 0) AS num, count(*) AS den FROM DevelopmentSteps
                WHERE Kind = {(int)DevelopmentEventKind.Step} AND "Date" >= {from} AND "Date" <= {to} AND OrganizationId IN (SELECT Id FROM org)
                GROUP BY 1),

            reports AS (
                SELECT ConcernedOrganizationId AS Id, count(*) AS n FROM MisconductReports
                WHERE Status = {(int)MisconductStatus.Closed} AND ClosedOn >= {from} AND ClosedOn <= {to}
                      AND Outcome IN ({(int)MisconductOutcome.Substantiated}, {(int)MisconductOutcome.PartlySubstantiated})
                      AND ConcernedOrganizationId IN (SELECT Id FROM org)
                GROUP BY 1),
            misconduct AS (
                SELECT coalesce(m.Id, r.Id) AS Id, coalesce(r.n, 0) AS num, coalesce(m.n, 1) AS den
                FROM memberCount m FULL JOIN reports r ON r.Id = m.Id),

            lastContact AS (SELECT MobileRecordId, max(ContactedOn) AS lastOn FROM MobileContacts WHERE ContactedOn <= {asOf} GROUP BY 1),
            mobile AS (
                SELECT r.OrganizationId AS Id, count(*) FILTER (WHERE c.lastOn IS NOT NULL AND c.lastOn > {D(since)}) AS num, count(*) AS den
                FROM MobileRecords r LEFT JOIN lastContact c ON c.MobileRecordId = r.Id
                WHERE r.Direction = {(int)MobileDirection.OutFlow} AND r.LeftOn <= {asOf}
                      AND (r.Status = {(int)MobileStatus.Active} OR (r.ReturnedOn IS NOT NULL AND r.ReturnedOn > {asOf}))
                      AND r.OrganizationId IN (SELECT Id FROM org)
                GROUP BY 1),

            own AS (
                SELECT 'attendance' AS code, Id, num, den FROM attendance
                UNION ALL SELECT 'dues-paid', Id, num, den FROM dues WHERE paying > 0
                UNION ALL SELECT 'committee-health', Id, num, den FROM committee
                UNION ALL SELECT 'development-on-time', Id, num, den FROM development
                UNION ALL SELECT 'misconduct', Id, num, den FROM misconduct
                UNION ALL SELECT 'mobile-contact', Id, num, den FROM mobile),
            rules (code, worst, best, weight) AS (VALUES {rulesValues}),
            scored AS (
                SELECT own.code, own.Id, own.num::DOUBLE AS num, own.den::DOUBLE AS den,
                       round(100 * greatest(0.0, least(1.0, (own.num::DOUBLE / own.den::DOUBLE - r.worst) / (r.best - r.worst))), 2) AS ownScore
                FROM own JOIN rules r ON r.code = own.code
                WHERE own.den > 0 AND own.Id IN (SELECT Id FROM org)),
            weights AS (SELECT o.Id, greatest(1, coalesce(m.n, 0))::DOUBLE AS w FROM org o LEFT JOIN memberCount m ON m.Id = o.Id),

            -- Every organization's ancestors-or-self by path prefix: "/1/17/2031/" has the prefixes "/1/", "/1/17/" and itself.
            prefixes AS (
                SELECT Id, '/' || array_to_string(parts[1:i], '/') || '/' AS prefix
                FROM (SELECT Id, parts, unnest(generate_series(1, len(parts))) AS i
                      FROM (SELECT Id, string_split(trim(Path, '/'), '/') AS parts FROM org))),
            subtreeOf AS (SELECT a.Id AS ancestor, p.Id AS descendant FROM prefixes p JOIN org a ON a.Path = p.prefix),
            subtree AS (
                SELECT s.ancestor AS Id, sc.code, round(sum(w.w * sc.ownScore) / sum(w.w), 2) AS score
                FROM subtreeOf s JOIN scored sc ON sc.Id = s.descendant JOIN weights w ON w.Id = s.descendant
                GROUP BY 1, 2),
            renewal AS (
                SELECT st.Id, round(sum(r.weight * st.score) / sum(r.weight), 2) AS score
                FROM subtree st JOIN rules r ON r.code = st.code GROUP BY 1)
            SELECT st.Id, st.code, sc.num, sc.den, st.score FROM subtree st LEFT JOIN scored sc ON sc.Id = st.Id AND sc.code = st.code
            UNION ALL
            SELECT Id, 'renewal', NULL, NULL, score FROM renewal
            """;
    }

    private static async Task<Dictionary<(long, string), DuckFigure>> QueryAsync(DuckDBConnection duck, string sql)
    {
        await using var command = duck.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<(long, string), DuckFigure>();
        while (await reader.ReadAsync())
        {
            double? Get(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
            result[(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1))] = new DuckFigure(Get(2), Get(3), Get(4));
        }
        return result;
    }

    // ---------------------------------------------------------------- cross-check

    private static async Task<int> CompareAsync(StorageSettings settings, long runId, StrengthRuleSet rules, Dictionary<(long, string), DuckFigure> duck)
    {
        await using var db = BenchDb.Open(settings, FixedDataScope.System("bench"));
        var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.RunId == runId)
            .Select(v => new { v.OrganizationId, v.Code, v.OwnNumerator, v.OwnDenominator, v.Score }).ToListAsync();
        var scores = await db.Set<OrganizationScore>().AsNoTracking().Where(s => s.RunId == runId)
            .Select(s => new { s.OrganizationId, s.Path, s.Renewal }).ToListAsync();
        var paths = scores.ToDictionary(s => s.OrganizationId, s => s.Path);

        var mismatches = new List<string>();
        var perIndicator = new Dictionary<string, int>();
        void Mismatch(long org, string code, string what)
        {
            perIndicator[code] = perIndicator.GetValueOrDefault(code) + 1;
            mismatches.Add($"  org {org} ({paths.GetValueOrDefault(org, "?")}) {code}: {what}");
        }
        var bastion = values.ToDictionary(v => (v.OrganizationId, v.Code));
        foreach (var code in rules.Indicators.Select(i => i.Code))
        {
            foreach (var s in scores)
            {
                bastion.TryGetValue((s.OrganizationId, code), out var b);
                duck.TryGetValue((s.OrganizationId, code), out var d);
                if (b is null && d is null) continue;
                if (b is null || d is null)
                {
                    Mismatch(s.OrganizationId, code, b is null ? $"only DuckDB has a figure ({d!.Numerator}/{d.Denominator}, score {d.Score})"
                                                               : $"only Bastion has a figure ({b.OwnNumerator}/{b.OwnDenominator}, score {b.Score})");
                    continue;
                }
                var dNum = d.Numerator ?? 0;
                var dDen = d.Denominator ?? 0;
                if (Math.Abs(b.OwnNumerator - dNum) > 1e-9 || Math.Abs(b.OwnDenominator - dDen) > 1e-9)
                    Mismatch(s.OrganizationId, code, $"own Bastion {b.OwnNumerator}/{b.OwnDenominator}, DuckDB {dNum}/{dDen}");
                if (d.Score is not { } ds || Math.Abs(b.Score - ds) > Tolerance)
                    Mismatch(s.OrganizationId, code, $"subtree score Bastion {b.Score}, DuckDB {d.Score}");
            }
        }
        foreach (var s in scores)
        {
            var d = duck.GetValueOrDefault((s.OrganizationId, "renewal"))?.Score;
            if (s.Renewal is null != d is null || (s.Renewal is { } r && Math.Abs(r - d!.Value) > Tolerance))
                Mismatch(s.OrganizationId, "renewal", $"dimension Bastion {s.Renewal}, DuckDB {d}");
        }
        var duckOnly = duck.Keys.Count(k => !paths.ContainsKey(k.Item1));
        if (duckOnly > 0) mismatches.Add($"  {duckOnly} DuckDB rows name organizations the Bastion snapshot does not have");

        Console.WriteLine($"Compared {scores.Count:N0} organizations × {rules.Indicators.Count} indicators + renewal: {values.Count:N0} Bastion indicator values, "
                          + $"{duck.Count:N0} DuckDB rows");
        foreach (var code in rules.Indicators.Select(i => i.Code))
            Console.WriteLine($"  {code,-22} organizations with own data: Bastion {values.Count(v => v.Code == code && v.OwnDenominator > 0),6:N0}, "
                              + $"DuckDB {duck.Count(k => k.Key.Item2 == code && k.Value.Denominator > 0),6:N0}; mismatches {perIndicator.GetValueOrDefault(code)}");
        foreach (var line in mismatches.Take(30)) Console.WriteLine(line);
        if (mismatches.Count > 30) Console.WriteLine($"  … {mismatches.Count - 30} more");
        return mismatches.Count;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
