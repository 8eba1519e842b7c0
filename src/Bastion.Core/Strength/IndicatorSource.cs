using Bastion.Compliance;
using Bastion.Data;
using Bastion.Organizations;

namespace Bastion.Strength;

/// <summary>A raw figure: numerator over denominator. A denominator of 0 is "no data".</summary>
public readonly record struct Fraction(double Numerator, double Denominator)
{
    public bool HasData => Denominator > 0;
    public double? Value => Denominator > 0 ? Numerator / Denominator : null;
    public Fraction Add(Fraction other) => new(Numerator + other.Numerator, Denominator + other.Denominator);
}

/// <summary>
/// What an assessment looks at: the organizations (active ones of the run's tree), the period and the day the figures
/// are taken on. Sources read only records dated on or before <see cref="AsOf"/>, so a re-run gives the same figures.
/// </summary>
public sealed record AssessmentScope(BastionDb Db, IQueryable<Organization> Organizations, Period Period, DateOnly AsOf, StrengthRuleSet Rules)
{
    public DateOnly From => Period.Start;
    /// <summary>The period's last day taken into account: its end, or the as-of day while it is open.</summary>
    public DateOnly To => Period.End < AsOf ? Period.End : AsOf;
    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    /// <summary>The first instant after <see cref="To"/>.</summary>
    public DateTime ToUtcExclusive => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The same scope narrowed to one organization (for its records).</summary>
    public AssessmentScope For(long organizationId) => this with { Organizations = Organizations.Where(o => o.Id == organizationId) };
}

/// <summary>One record behind an indicator's figure: what it is, its date, and whether it counts for (true) or against the organization.</summary>
public sealed record IndicatorRecord(string Subject, DateOnly? On, bool Counts, string? Detail = null, string? Href = null);

/// <summary>
/// Feeds one indicator of the rule set from one module's records, set-based: <see cref="MeasureAsync"/> answers every
/// organization of the scope in a fixed number of queries; <see cref="RecordsAsync"/> lists one organization's records behind it.
/// </summary>
public interface IIndicatorSource
{
    string Code { get; }

    /// <summary>The own figure (its own records, not its subtree's) of every organization of the scope that has data.</summary>
    Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct);

    /// <summary>The records behind one organization's own figure, at most <paramref name="limit"/>, those counting against it first.</summary>
    Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct);
}

/// <summary>A warning rule's hit: the organization, the measured figure and since when the situation holds, where known.</summary>
public readonly record struct WarningHit(long OrganizationId, double Measure, DateOnly? Since = null);

/// <summary>Evaluates one warning rule of the rule set over the scope, set-based; it may reuse the indicators' measures.</summary>
public interface IWarningSource
{
    string Code { get; }

    Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct);
}

/// <summary>The indicators' own figures per organization, by indicator code.</summary>
public sealed class Measures : Dictionary<string, IReadOnlyDictionary<long, Fraction>>
{
    public IReadOnlyDictionary<long, Fraction> Of(string code) => TryGetValue(code, out var m) ? m : Empty;
    private static readonly IReadOnlyDictionary<long, Fraction> Empty = new Dictionary<long, Fraction>();
}

/// <summary>Helpers shared by the sources.</summary>
public static class Figures
{
    /// <summary>Turns grouped (organization, numerator, denominator) rows into the dictionary a source returns.</summary>
    public static IReadOnlyDictionary<long, Fraction> ToFractions<T>(IEnumerable<T> rows, Func<T, long> id, Func<T, double> numerator, Func<T, double> denominator) =>
        rows.Where(r => denominator(r) > 0).ToDictionary(id, r => new Fraction(numerator(r), denominator(r)));

    /// <summary>Branches and joint branches: the organizations that hold members and meetings directly.</summary>
    public static bool IsBranch(OrganizationKind kind) => kind is OrganizationKind.Branch or OrganizationKind.JointBranch;
}
