using Bastion.Compliance;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;

namespace Bastion.IntegrationTests.Strength;

/// <summary>
/// Stored snapshots written directly (as an assessment would store them), so the dashboards' tests know every figure.
/// Each snapshot gets its own period: later calls give later periods, so the newest run is the one made last.
/// </summary>
public static class DashboardTestData
{
    private static int s_period;

    /// <summary>A quarter no other snapshot of this run uses, later than every one handed out before.</summary>
    public static string NextPeriod()
    {
        var n = Interlocked.Increment(ref s_period);
        return $"{1950 + n / 4}Q{n % 4 + 1}";
    }

    public static async Task<AssessmentRun> AddRunAsync(TestDatabase database, string? period = null)
    {
        var p = Period.TryParse(period ?? NextPeriod())!.Value;
        await using var db = database.NewContext();
        var run = new AssessmentRun
        {
            Period = p.Label, PeriodKind = p.Kind, PeriodStart = p.Start, PeriodEnd = p.End, AsOf = p.End, RuleSetVersion = StrengthRuleSet.Load().Version,
            StartedAt = new DateTime(2026, 1, 2, 3, 4, 0, DateTimeKind.Utc), FinishedAt = new DateTime(2026, 1, 2, 3, 5, 0, DateTimeKind.Utc), StartedBy = "test",
        };
        db.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    /// <summary>A score row of <paramref name="organization"/> in <paramref name="run"/>, tree columns taken from the organization.</summary>
    public static OrganizationScore Score(AssessmentRun run, Organization organization, double? total, double? political = null, double? development = null,
        double? cohesion = null, double? renewal = null) => new()
    {
        RunId = run.Id, OrganizationId = organization.Id, ParentId = organization.ParentId, Path = organization.Path, Depth = organization.Depth,
        Kind = organization.Kind, UnitType = organization.UnitType, Members = 10, SubtreeMembers = 10,
        Total = total, Political = political, Development = development, Cohesion = cohesion, Renewal = renewal,
    };

    public static IndicatorValue Value(AssessmentRun run, Organization organization, string code, double ownNumerator, double ownDenominator, double numerator, double denominator, double? ownScore, double score) => new()
    {
        RunId = run.Id, OrganizationId = organization.Id, Code = code, OwnNumerator = ownNumerator, OwnDenominator = ownDenominator,
        Numerator = numerator, Denominator = denominator, OwnScore = ownScore, Score = score,
    };

    public static StrengthWarning Warning(AssessmentRun run, Organization organization, string code, double measure, DateOnly? since = null)
    {
        var rule = StrengthRuleSet.Load().Warning(code);
        return new StrengthWarning
        {
            RunId = run.Id, OrganizationId = organization.Id, Code = code, Severity = rule.Severity, Situation = rule.Situation,
            Measure = measure, Threshold = rule.Threshold, Since = since, RaisedOn = run.AsOf,
        };
    }

    /// <summary>Saves snapshot rows (system scope).</summary>
    public static async Task SaveAsync(TestDatabase database, params object[] rows)
    {
        await using var db = database.NewContext();
        foreach (var row in rows) db.Add(row);
        await db.SaveChangesAsync();
    }

    /// <summary>An organization reloaded with its tree columns (path and depth are set by the create use case).</summary>
    public static async Task<Organization> AddAsync(TestDatabase database, Organization parent, OrganizationKind kind, string? name = null) =>
        await TestData.AddOrganizationAsync(database, parent, kind, name ?? TestData.Unique("组织力" + kind));
}
