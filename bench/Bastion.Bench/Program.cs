using Bastion.Bench;

// Benchmark programs for Bastion. bench/run.sh drives them; each can also be run alone:
//   load     generation rate: DemoLoader (EF Core + audit layer) against a plain prepared-INSERT bulk load of the same rows
//   probe    the SQL behind GET /organizations/{id}/subtree on an existing database, timed per statement, with query plans
//   micro    BenchmarkDotNet micro-benchmarks (dataset build of one county, TreePath, ResidentId, PiiProtector)
var usage = """
    usage: Bastion.Bench <command> [options]

      load  [--scale city] [--seed 1] [--repeat 3] [--work DIR]
            Builds the dataset once in memory, then loads it repeatedly into fresh migrated SQLite databases:
            through DemoLoader.LoadAsync and through a plain bulk load (one transaction, prepared INSERTs).
            Prints rows/s of each (median of --repeat runs) and the ratio DemoLoader / bulk.

      probe --db FILE [--org ID] [--scope-org ID] [--page-size 50] [--runs 20]
            Runs OrganizationQueries.SubtreeAsync against FILE as a user scoped to --scope-org (default: --org),
            timing each SQL statement EF Core sends, for the first and the last page, and prints the query plans.

      import [--rows 10000] [--repeat 3] [--work DIR]
            A roster import of --rows members (validate every row, insert all in one transaction) into a fresh
            SQLite database, against only reading the same workbook; prints both times and their ratio.

      compliance [--scale city] [--seed 1] [--runs 10] [--work DIR]
            Loads the dataset plus a year of held meetings, then times the compliance view (ComplianceQueries.ReportAsync
            and the worst-first rows) of the top organization and the first county against one raw grouped count of
            the same subtree's meetings; prints both medians and their ratio.
      requests [--seed 1] [--runs 30] [--work DIR] [--reuse true]
            The city dataset with a year of requests in every county, loaded into a fresh SQLite database; times the
            request queues and the subtree dashboard against a primary-key lookup and a COUNT(*) of all requests.
      rollup [--scale city] [--runs 20] [--work DIR]
            Loads a generated dataset, issues a directive from the city committee to every branch with a spread of
            states, and times the directive roll-up (tree-table level and whole subtree) against a plain COUNT of the
            cascade's targets in the same run.
      development [--scale city] [--runs 20] [--work DIR]
            Loads a generated dataset (the demo pipeline's candidates in the first county) and times the upper level's
            development-pipeline view at the top organization and the first county against a COUNT of the same
            subtree's active members.
      strength [--scale city] [--runs 3] [--period 2026Q3] [--work DIR]
            Loads a generated dataset and times the strength assessment (RunAssessment.HandleAsync) for the period
            (default: the last closed quarter) with the national rule set and with a rule set restricted to the renewal
            indicators written in SQL; exports the tables they read to CSV, loads them into DuckDB, runs the same
            aggregation there, checks both give the same figures (non-zero exit on a mismatch) and prints the ratio.

      micro [BenchmarkDotNet arguments, e.g. --filter '*' --job short]
            Micro-benchmarks of the generator's building blocks (in-process toolchain).
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    return args[0] switch
    {
        "load" => await LoadComparison.RunAsync(Options.Parse(args[1..])),
        "probe" => await SubtreeProbe.RunAsync(Options.Parse(args[1..])),
        "micro" => MicroBenchmarks.Run(args[1..]),
        "import" => await ImportComparison.RunAsync(Options.Parse(args[1..])),
        "compliance" => await ComplianceBench.RunAsync(Options.Parse(args[1..])),
        "requests" => await RequestsProbe.RunAsync(Options.Parse(args[1..])),
        "rollup" => await RollUpProbe.RunAsync(Options.Parse(args[1..])),
        "development" => await DevelopmentProbe.RunAsync(Options.Parse(args[1..])),
        "strength" => await StrengthBench.RunAsync(Options.Parse(args[1..])),
        _ => Fail($"unknown command '{args[0]}'.\n\n{usage}"),
    };
}
catch (OptionException e)
{
    return Fail(e.Message);
}

static int Fail(string message)
{
    Console.Error.WriteLine($"Bastion.Bench: {message}");
    return 2;
}

namespace Bastion.Bench
{
    internal sealed class OptionException(string message) : Exception(message);

    /// <summary>"--name value" pairs; nothing fancier is needed here.</summary>
    internal sealed class Options
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                    throw new OptionException($"expected '--name value', got '{args[i]}'.");
                o._values[args[i][2..]] = args[++i];
            }
            return o;
        }

        public string? Text(string name) => _values.GetValueOrDefault(name);

        public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

        public int Int(string name, int fallback) =>
            _values.TryGetValue(name, out var s)
                ? int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : throw new OptionException($"--{name} must be a number, not '{s}'.")
                : fallback;

        public long? Long(string name) =>
            _values.TryGetValue(name, out var s)
                ? long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : throw new OptionException($"--{name} must be a number, not '{s}'.")
                : null;
    }
}
