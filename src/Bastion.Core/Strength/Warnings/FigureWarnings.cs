namespace Bastion.Strength.Warnings;

/// <summary>A warning rule over one indicator's own figures, as the indicator measured them.</summary>
public abstract class FigureWarning : IWarningSource
{
    public abstract string Code { get; }
    protected abstract string Indicator { get; }

    /// <summary>The measured figure when the rule fires on <paramref name="f"/>, else null.</summary>
    protected abstract double? Fires(Fraction f, WarningRule rule);

    public Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        IReadOnlyList<WarningHit> hits = measures.Of(Indicator)
            .Where(m => m.Value.HasData)
            .Select(m => (m.Key, Measure: Fires(m.Value, rule)))
            .Where(m => m.Measure is not null)
            .Select(m => new WarningHit(m.Key, m.Measure!.Value))
            .ToList();
        return Task.FromResult(hits);
    }
}

/// <summary>三会一课 compliance below the threshold rate in the period.</summary>
public sealed class LowComplianceWarning : FigureWarning
{
    public override string Code => "low-compliance";
    protected override string Indicator => "organizational-life";
    protected override double? Fires(Fraction f, WarningRule rule) => f.Value < rule.Threshold ? f.Value : null;
}

/// <summary>Satisfaction below the threshold rate, over at least the rule's minimum number of ratings.</summary>
public sealed class LowSatisfactionWarning : FigureWarning
{
    public override string Code => "low-satisfaction";
    protected override string Indicator => "satisfaction";
    protected override double? Fires(Fraction f, WarningRule rule) => f.Denominator >= (rule.Minimum ?? 1) && f.Value < rule.Threshold ? f.Value : null;
}

/// <summary>The share of members behind on dues above the threshold.</summary>
public sealed class DuesArrearsWarning : FigureWarning
{
    public override string Code => "dues-arrears";
    protected override string Indicator => "dues-paid";
    protected override double? Fires(Fraction f, WarningRule rule) => 1 - f.Value > rule.Threshold ? 1 - f.Value : null;
}

/// <summary>Out-flow mobile members out of contact: at least the threshold's number of them.</summary>
public sealed class MembersLostWarning : FigureWarning
{
    public override string Code => "members-lost";
    protected override string Indicator => "mobile-contact";
    protected override double? Fires(Fraction f, WarningRule rule) => f.Denominator - f.Numerator >= rule.Threshold ? f.Denominator - f.Numerator : null;
}

/// <summary>A village that recorded a collective income no higher than the threshold (0) for the year.</summary>
public sealed class NoCollectiveIncomeWarning : FigureWarning
{
    public override string Code => "no-collective-income";
    protected override string Indicator => "village-income";
    protected override double? Fires(Fraction f, WarningRule rule) => f.Numerator <= rule.Threshold ? f.Numerator : null;
}

/// <summary>At least the threshold's number of substantiated misconduct reports concerning the organization in the period.</summary>
public sealed class SubstantiatedMisconductWarning : FigureWarning
{
    public override string Code => "substantiated-misconduct";
    protected override string Indicator => "misconduct";
    protected override double? Fires(Fraction f, WarningRule rule) => f.Numerator >= rule.Threshold ? f.Numerator : null;
}
