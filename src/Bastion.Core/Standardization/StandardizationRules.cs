namespace Bastion.Standardization;

/// <summary>What the automatic checks read about one branch on the as-of day (null figures: the records gave none).</summary>
public sealed record BranchFacts
{
    public required long OrganizationId { get; init; }
    public required DateOnly AsOf { get; init; }
    public bool SecretaryInPost { get; init; }
    /// <summary>正式党员 of the branch (and its groups) on the as-of day.</summary>
    public int FullMembers { get; init; }
    /// <summary>Distinct people in committee posts (group leaders not counted) on the as-of day.</summary>
    public int CommitteeSize { get; init; }
    /// <summary>When the next election is due (term start + length); null when the term start is not recorded.</summary>
    public DateOnly? ElectionDueOn { get; init; }
    /// <summary>三会一课 obligations met / due in the year.</summary>
    public Share? OrganizationalLife { get; init; }
    public DateOnly? LastActivityOn { get; init; }
    /// <summary>Members on track for the study hours / members.</summary>
    public Share? StudyHours { get; init; }
    /// <summary>Members paid up for the complete months so far / members who joined before the year.</summary>
    public Share? DuesPaid { get; init; }
    /// <summary>Candidates in the pipeline during the year.</summary>
    public int Candidates { get; init; }
}

/// <summary>A measured share with where it came from ("records", or "strength:2026" for the strength snapshot).</summary>
public sealed record Share(double Numerator, double Denominator, string Source)
{
    public double? Value => Denominator > 0 ? Numerator / Denominator : null;
}

/// <summary>An automatic item's decision and the figure it was decided on.</summary>
public sealed record AutomaticResult(bool Met, double? Measure, double? Numerator, double? Denominator, string Source, string Note);

/// <summary>The checklist's arithmetic (pure): automatic items from facts, totals and the category.</summary>
public static class StandardizationRules
{
    public const string Records = "records";

    /// <summary>Decides an automatic item. "No data" (no members to measure, no months due) is not met.</summary>
    public static AutomaticResult Decide(ChecklistItem item, BranchFacts f)
    {
        var threshold = item.Threshold;
        switch (item.Code)
        {
            case "secretary-in-post":
                return new(f.SecretaryInPost, f.SecretaryInPost ? 1 : 0, null, null, Records,
                    f.SecretaryInPost ? $"A secretary is in post on {f.AsOf:yyyy-MM-dd}." : $"No secretary in post on {f.AsOf:yyyy-MM-dd}.");
            case "committee-formed":
            {
                var from = (int)(threshold ?? 7);
                var required = f.FullMembers >= from;
                var met = !required || f.CommitteeSize >= Organizations.StructureRules.MinCommitteeSize;
                return new(met, f.CommitteeSize, f.CommitteeSize, f.FullMembers, Records,
                    $"{f.FullMembers} full members, {f.CommitteeSize} in committee posts; a committee of {Organizations.StructureRules.MinCommitteeSize} or more is required from {from} full members.");
            }
            case "term-not-overdue":
                if (f.ElectionDueOn is not { } due)
                    return new(false, null, null, null, Records, "The term start is not recorded.");
                return new(f.AsOf <= due, f.AsOf.DayNumber - due.DayNumber, null, null, Records,
                    $"The election is due on {due:yyyy-MM-dd}; as of {f.AsOf:yyyy-MM-dd}.");
            case "recent-activity":
            {
                var days = (int)(threshold ?? 30);
                if (f.LastActivityOn is not { } last)
                    return new(false, null, null, null, Records, "No held meeting is recorded.");
                var since = f.AsOf.DayNumber - last.DayNumber;
                return new(since <= days, since, null, null, Records, $"Last meeting held on {last:yyyy-MM-dd}, {since} days before {f.AsOf:yyyy-MM-dd} (at most {days}).");
            }
            case "organizational-life":
                return ShareResult(f.OrganizationalLife, threshold ?? 0.9, "obligations met");
            case "study-hours":
                return ShareResult(f.StudyHours, threshold ?? 0.8, "members on track for study hours");
            case "dues-paid":
                return ShareResult(f.DuesPaid, threshold ?? 0.9, "members paid up");
            case "development-pipeline":
            {
                var needed = (int)(threshold ?? 1);
                return new(f.Candidates >= needed, f.Candidates, null, null, Records, $"{f.Candidates} candidates in the pipeline in the year (at least {needed}).");
            }
            default:
                throw new InvalidOperationException($"No automatic check decides '{item.Code}'.");
        }
    }

    private static AutomaticResult ShareResult(Share? share, double threshold, string what)
    {
        if (share?.Value is not { } value)
            return new(false, null, share?.Numerator, share?.Denominator, share?.Source ?? Records, $"No data: nothing to measure {what} against.");
        var rounded = Math.Round(value, 4);
        return new(rounded >= threshold, rounded, share.Numerator, share.Denominator, share.Source,
            $"{share.Numerator:0.##} of {share.Denominator:0.##} {what} = {rounded:P1} (at least {threshold:P0}).");
    }

    /// <summary>
    /// The category of a total: weak below the standard line, model from the model line, standard between. An identified
    /// weak and lax branch is weak whatever its total; one with an open high-severity warning is at most standard.
    /// </summary>
    public static (StandardizationCategory Category, bool ModelBarred) Categorize(int total, StandardizationRuleSet rules, bool highWarning, bool identifiedWeak)
    {
        var byTotal = total >= rules.ModelFrom ? StandardizationCategory.Model
            : total >= rules.StandardFrom ? StandardizationCategory.Standard
            : StandardizationCategory.Weak;
        if (identifiedWeak) return (StandardizationCategory.Weak, byTotal == StandardizationCategory.Model);
        if (highWarning && byTotal == StandardizationCategory.Model) return (StandardizationCategory.Standard, true);
        return (byTotal, false);
    }

    /// <summary>Points awarded per dimension, in the rule set's order.</summary>
    public static IReadOnlyList<(StandardizationDimension Dimension, int Awarded)> DimensionTotals(StandardizationRuleSet rules, IEnumerable<StandardizationItem> items)
    {
        var list = items.ToList();
        return rules.Dimensions.Select(d => (d, list.Where(i => i.Dimension == d.Code).Sum(i => i.Awarded))).ToList();
    }
}
