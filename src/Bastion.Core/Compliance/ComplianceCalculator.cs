using Bastion.Meetings;
using Bastion.Organizations;

namespace Bastion.Compliance;

/// <summary>What the calculator needs to know about one organization of the subtree.</summary>
public sealed record ComplianceOrganization
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required OrganizationKind Kind { get; init; }
    public long? ParentId { get; init; }
    public required string Path { get; init; }
    public int Depth { get; init; }
    public UnitType? UnitType { get; init; }
    public OrganizationStatus Status { get; init; } = OrganizationStatus.Active;
    public DateOnly? FoundedOn { get; init; }
    /// <summary>The branch committee (支委会) is formed: at least 3 people hold current committee positions.</summary>
    public bool HasCommittee { get; init; }
}

/// <summary>Held meetings of one organization and kind in one calendar month.</summary>
public readonly record struct HeldCount(long OrganizationId, MeetingKind Kind, int Year, int Month, int Count);

/// <summary>Obligations met out of those due (closed periods, plus open periods already met).</summary>
public sealed record Tally(int Met, int Due)
{
    public static readonly Tally Zero = new(0, 0);
    /// <summary>Met / due; 1 when nothing was due.</summary>
    public decimal Rate => Due == 0 ? 1m : Math.Round((decimal)Met / Due, 4);
    public int Missing => Due - Met;
    public Tally Add(Tally other) => new(Met + other.Met, Due + other.Due);
}

/// <summary>
/// One obligation of one organization over the report range: the periods met, the periods missed (closed and short of
/// the minimum, e.g. "2026Q2, 2026Q4"), and the open period still to do, if any.
/// </summary>
public sealed record ObligationResult(
    MeetingKind Kind, PeriodKind Period, int Minimum, Tally Tally, IReadOnlyList<string> MissingPeriods, string? OpenPeriod, DateOnly? OpenDueOn, bool DueSoon);

/// <summary>Compliance of one organization: its own obligations and the tallies of its whole subtree, in total and per meeting kind.</summary>
public sealed record ComplianceNode(
    long Id, string Name, OrganizationKind Kind, long? ParentId, int Depth, UnitType? UnitType,
    IReadOnlyList<ObligationResult> Obligations, Tally Own, Tally Subtree, IReadOnlyDictionary<MeetingKind, Tally> SubtreeByKind);

/// <summary>An obligation period that is due soon (open, not yet met) or overdue (closed and missed).</summary>
public sealed record ObligationItem(long OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, long? ParentId,
    MeetingKind Kind, string Period, DateOnly DueOn, int Held, int Minimum);

/// <summary>A branch with no recorded activity for more than the rule set's silent days (沉默支部). Days is null when it never had any.</summary>
public sealed record SilentBranch(long OrganizationId, string OrganizationName, DateOnly? LastActivityOn, int? Days);

public sealed record ComplianceResult(
    IReadOnlyList<ComplianceNode> Nodes, IReadOnlyList<ObligationItem> DueSoon, IReadOnlyList<ObligationItem> Overdue, IReadOnlyList<SilentBranch> Silent);

/// <summary>
/// The compliance engine's arithmetic (pure): obligations per organization and period from the rule set, compared with
/// grouped counts of held meetings, rolled up the tree along the materialized paths. The range decides which periods
/// count: those whose last day lies in it (a year range takes 12 months, 4 quarters and the year).
/// </summary>
public static class ComplianceCalculator
{
    public static bool IsBranch(OrganizationKind kind) => kind is OrganizationKind.Branch or OrganizationKind.JointBranch;

    /// <summary>Whether <paramref name="org"/> owes <paramref name="rule"/> at all (an active organization of the right type).</summary>
    public static bool Owes(ObligationRule rule, ComplianceOrganization org) =>
        org.Status == OrganizationStatus.Active && rule.AppliesTo switch
        {
            ObligationHolder.Branch => IsBranch(org.Kind),
            ObligationHolder.BranchWithCommittee => IsBranch(org.Kind) && org.HasCommittee,
            ObligationHolder.Group => org.Kind == OrganizationKind.Group,
            _ => false,
        };

    /// <summary>One obligation over the range. <paramref name="heldIn"/> answers how many were held in a period.</summary>
    public static ObligationResult? Evaluate(ObligationRule rule, ComplianceOrganization org, Period range, DateOnly today, int dueSoonDays, Func<Period, int> heldIn) =>
        Evaluate(rule, org, range.Start, range.End, today, dueSoonDays, heldIn);

    /// <summary>One obligation over the periods ending in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static ObligationResult? Evaluate(ObligationRule rule, ComplianceOrganization org, DateOnly from, DateOnly to, DateOnly today, int dueSoonDays, Func<Period, int> heldIn)
    {
        if (!Owes(rule, org)) return null;
        int met = 0, due = 0;
        var missing = new List<string>();
        string? open = null;
        DateOnly? openDue = null;
        var soon = false;
        foreach (var p in Period.EndingIn(rule.Period, from, to))
        {
            if (p.Start > today) break;                                    // not begun yet
            if (org.FoundedOn is { } founded && founded > p.Start) continue; // not owed before the organization existed
            var held = heldIn(p);
            if (held >= rule.Minimum) { met++; due++; }
            else if (p.End < today) { due++; missing.Add(p.Label); }        // closed and short: overdue
            else
            {
                open = p.Label;
                openDue = p.End;
                soon = p.End.DayNumber - today.DayNumber <= dueSoonDays;
            }
        }
        return new ObligationResult(rule.Kind, rule.Period, rule.Minimum, new Tally(met, due), missing, open, openDue, soon);
    }

    public static ComplianceResult Compute(
        OrganizationalLifeRuleSet rules, IReadOnlyList<ComplianceOrganization> organizations, IEnumerable<HeldCount> held,
        IReadOnlyDictionary<long, DateOnly> lastActivity, Period range, DateOnly today) =>
        Compute(rules, organizations, held, lastActivity, range.Start, range.End, today);

    /// <summary>Compliance over the periods ending in [<paramref name="from"/>, <paramref name="to"/>] (a reminder window, say).</summary>
    public static ComplianceResult Compute(
        OrganizationalLifeRuleSet rules, IReadOnlyList<ComplianceOrganization> organizations, IEnumerable<HeldCount> held,
        IReadOnlyDictionary<long, DateOnly> lastActivity, DateOnly from, DateOnly to, DateOnly today)
    {
        var counts = new Dictionary<(long, MeetingKind, int, int), int>();
        foreach (var h in held) counts[(h.OrganizationId, h.Kind, h.Year, h.Month)] = counts.GetValueOrDefault((h.OrganizationId, h.Kind, h.Year, h.Month)) + h.Count;

        var own = new Dictionary<long, List<ObligationResult>>();
        var dueSoon = new List<ObligationItem>();
        var overdue = new List<ObligationItem>();
        foreach (var org in organizations)
        {
            var results = new List<ObligationResult>();
            foreach (var rule in rules.Obligations)
            {
                int HeldIn(Period p)
                {
                    var n = 0;
                    for (var d = p.Start; d <= p.End; d = d.AddMonths(1)) n += counts.GetValueOrDefault((org.Id, rule.Kind, d.Year, d.Month));
                    return n;
                }
                if (Evaluate(rule, org, from, to, today, rules.DueSoonDays, HeldIn) is not { } r) continue;
                results.Add(r);
                foreach (var label in r.MissingPeriods)
                {
                    var p = Period.TryParse(label)!.Value;
                    overdue.Add(new ObligationItem(org.Id, org.Name, org.Kind, org.ParentId, r.Kind, label, p.End, HeldIn(p), r.Minimum));
                }
                if (r.DueSoon && r.OpenPeriod is { } openLabel)
                    dueSoon.Add(new ObligationItem(org.Id, org.Name, org.Kind, org.ParentId, r.Kind, openLabel, r.OpenDueOn!.Value, HeldIn(Period.TryParse(openLabel)!.Value), r.Minimum));
            }
            if (results.Count > 0) own[org.Id] = results;
        }

        // Roll up: every organization's own tallies go to itself and each ancestor present in the subtree (walked by parent id).
        var parents = organizations.ToDictionary(o => o.Id, o => o.ParentId);
        var subtree = new Dictionary<long, Tally>();
        var byKind = new Dictionary<long, Dictionary<MeetingKind, Tally>>();
        foreach (var (orgId, results) in own)
        {
            var total = results.Aggregate(Tally.Zero, (t, r) => t.Add(r.Tally));
            for (long? ancestor = orgId; ancestor is { } a && parents.ContainsKey(a); ancestor = parents[a])
            {
                subtree[a] = subtree.GetValueOrDefault(a, Tally.Zero).Add(total);
                var kinds = byKind.TryGetValue(a, out var k) ? k : byKind[a] = [];
                foreach (var r in results) kinds[r.Kind] = kinds.GetValueOrDefault(r.Kind, Tally.Zero).Add(r.Tally);
            }
        }

        var nodes = organizations.Select(o =>
        {
            var results = own.GetValueOrDefault(o.Id) ?? [];
            var ownTally = results.Aggregate(Tally.Zero, (t, r) => t.Add(r.Tally));
            IReadOnlyDictionary<MeetingKind, Tally> kinds = byKind.TryGetValue(o.Id, out var k) ? k : new Dictionary<MeetingKind, Tally>();
            return new ComplianceNode(o.Id, o.Name, o.Kind, o.ParentId, o.Depth, o.UnitType, results, ownTally, subtree.GetValueOrDefault(o.Id, Tally.Zero), kinds);
        }).ToList();

        return new ComplianceResult(nodes,
            dueSoon.OrderBy(i => i.DueOn).ThenBy(i => i.OrganizationId).ThenBy(i => i.Kind).ToList(),
            overdue.OrderBy(i => i.DueOn).ThenBy(i => i.OrganizationId).ThenBy(i => i.Kind).ToList(),
            SilentBranches(rules, organizations, lastActivity, today));
    }

    /// <summary>
    /// Active branches whose last recorded activity (their own or their groups' held meetings, alliance activities they
    /// organized) lies more than the silent days back; a branch with none is silent once it has existed that long.
    /// </summary>
    public static IReadOnlyList<SilentBranch> SilentBranches(
        OrganizationalLifeRuleSet rules, IReadOnlyList<ComplianceOrganization> organizations, IReadOnlyDictionary<long, DateOnly> lastActivity, DateOnly today)
    {
        var last = new Dictionary<long, DateOnly>();
        foreach (var org in organizations)
        {
            if (!lastActivity.TryGetValue(org.Id, out var day)) continue;
            var branchId = org.Kind == OrganizationKind.Group && org.ParentId is { } parent ? parent : org.Id;
            if (!last.TryGetValue(branchId, out var known) || day > known) last[branchId] = day;
        }
        var silent = new List<SilentBranch>();
        foreach (var org in organizations.Where(o => IsBranch(o.Kind) && o.Status == OrganizationStatus.Active))
        {
            if (last.TryGetValue(org.Id, out var day))
            {
                var days = today.DayNumber - day.DayNumber;
                if (days > rules.SilentDays) silent.Add(new SilentBranch(org.Id, org.Name, day, days));
            }
            else if (org.FoundedOn is not { } founded || today.DayNumber - founded.DayNumber > rules.SilentDays)
                silent.Add(new SilentBranch(org.Id, org.Name, null, null));
        }
        return silent.OrderByDescending(s => s.Days ?? int.MaxValue).ThenBy(s => s.OrganizationId).ToList();
    }
}
