using Bastion.Compliance;
using Bastion.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// 三会一课 and theme-day compliance: the organizational-life obligations of the organization whose periods end in the
/// assessed period, met / due, exactly as the compliance engine counts them (<see cref="ComplianceQueries"/>).
/// </summary>
public sealed class OrganizationalLifeSource : IIndicatorSource
{
    public string Code => "organizational-life";

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct)
    {
        var result = new Dictionary<long, Fraction>();
        foreach (var node in await NodesAsync(scope, ct))
            if (node.Own.Due > 0) result[node.Id] = new Fraction(node.Own.Met, node.Own.Due);
        return result;
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var node = (await NodesAsync(scope.For(organizationId), ct)).FirstOrDefault(n => n.Id == organizationId);
        if (node is null) return [];
        var missed = node.Obligations.SelectMany(o => o.MissingPeriods.Select(p => new IndicatorRecord(MeetingKinds.Chinese(o.Kind), null, false, p)));
        var met = node.Obligations.Where(o => o.Tally.Met > 0)
            .Select(o => new IndicatorRecord(MeetingKinds.Chinese(o.Kind), null, true, $"{o.Tally.Met}/{o.Tally.Due}"));
        return missed.Concat(met).Take(limit).ToList();
    }

    /// <summary>The compliance nodes of the scope's organizations: one compliance computation per tree root of the scope.</summary>
    private static async Task<IEnumerable<ComplianceNode>> NodesAsync(AssessmentScope scope, CancellationToken ct)
    {
        // The scope's topmost organizations: those whose parent is not in the scope.
        var ids = scope.Organizations.Select(o => o.Id);
        var roots = await scope.Organizations.Where(o => o.ParentId == null || !ids.Contains(o.ParentId.Value)).Select(o => o.Path).ToListAsync(ct);
        var rules = OrganizationalLifeRuleSet.Load();
        var nodes = new List<ComplianceNode>();
        foreach (var path in roots)
        {
            var result = await ComplianceQueries.ComputeAsync(scope.Db, path, scope.From, scope.To, rules, ct);
            nodes.AddRange(result.Nodes);
        }
        return nodes;
    }
}
