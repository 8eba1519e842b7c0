using Bastion.Compliance;
using Bastion.Development;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Strength.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Warnings;

/// <summary>
/// 沉默支部: an active branch with no recorded activity (held meetings, alliance activities it organized) for more than the
/// threshold's days before the as-of day; a branch that never had any counts from its founding (or creation).
/// </summary>
public sealed class SilentBranchWarning : IWarningSource
{
    public string Code => "silent-branch";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        var branches = scope.Organizations.Where(o => o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch);
        var rows = await branches.Select(o => new { o.Id, o.FoundedOn, o.CreatedAt }).ToListAsync(ct);
        var last = await ComplianceQueries.LastActivityAsync(scope.Db, branches, scope.AsOf, ct);
        var hits = new List<WarningHit>();
        foreach (var b in rows)
        {
            var since = last.TryGetValue(b.Id, out var day) ? day : b.FoundedOn ?? DateOnly.FromDateTime(b.CreatedAt);
            var days = scope.AsOf.DayNumber - since.DayNumber;
            if (days > rule.Threshold) hits.Add(new WarningHit(b.Id, days, since));
        }
        return hits;
    }
}

/// <summary>
/// 书记长期空缺: no secretary in post on the as-of day for more than the threshold's months, counted from the last
/// secretary's end (or from the organization's founding when none was ever recorded). Party groups have no secretary.
/// </summary>
public sealed class SecretaryVacantWarning : IWarningSource
{
    public string Code => "secretary-vacant";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        var asOf = scope.AsOf;
        var organizations = scope.Organizations.Where(o => o.Kind != OrganizationKind.Group);
        var ids = organizations.Select(o => o.Id);
        var secretaries = await scope.Db.Set<Position>()
            .Where(p => p.Role == PositionRole.Secretary && p.StartedOn <= asOf && ids.Contains(p.OrganizationId))
            .GroupBy(p => p.OrganizationId)
            .Select(g => new
            {
                g.Key,
                InPost = g.Any(p => p.EndedOn == null || p.EndedOn > asOf),
                LastEnded = g.Max(p => p.EndedOn),
            })
            .ToDictionaryAsync(g => g.Key, ct);
        var rows = await organizations.Select(o => new { o.Id, o.FoundedOn, o.CreatedAt }).ToListAsync(ct);
        var hits = new List<WarningHit>();
        foreach (var o in rows)
        {
            secretaries.TryGetValue(o.Id, out var s);
            if (s is { InPost: true }) continue;
            var since = s?.LastEnded ?? o.FoundedOn ?? DateOnly.FromDateTime(o.CreatedAt);
            if (asOf > since.AddMonths((int)rule.Threshold)) hits.Add(new WarningHit(o.Id, MemberMonths(since, asOf), since));
        }
        return hits;
    }

    private static int MemberMonths(DateOnly from, DateOnly to) =>
        (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}

/// <summary>应设未设支委会: a branch with at least the threshold's full members (7) and no committee formed on the as-of day.</summary>
public sealed class CommitteeMissingWarning : IWarningSource
{
    public string Code => "committee-missing";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        return (await CommitteeHealthSource.ChecksAsync(scope, ct))
            .Where(c => c.CommitteeFormed == false && c.FullMembers >= rule.Threshold)
            .Select(c => new WarningHit(c.OrganizationId, c.FullMembers)).ToList();
    }
}

/// <summary>超期未换届: the term (recorded start + the rules' length) ended before the as-of day; the measure is the months overdue.</summary>
public sealed class TermOverdueWarning : IWarningSource
{
    public string Code => "term-overdue";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        return (await CommitteeHealthSource.ChecksAsync(scope, ct))
            .Where(c => c.ElectionDueOn is { } due && due < scope.AsOf && CommitteeTerm.MonthsOverdue(due, scope.AsOf) >= rule.Threshold)
            .Select(c => new WarningHit(c.OrganizationId, CommitteeTerm.MonthsOverdue(c.ElectionDueOn!.Value, scope.AsOf), c.ElectionDueOn)).ToList();
    }
}

/// <summary>两年未发展: a branch with members and no activist or development target in the threshold's years (the development module's rule).</summary>
public sealed class NoDevelopmentWarning : IWarningSource
{
    public string Code => "no-development";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        var dormant = DevelopmentQueries.DormantBranches(scope.Db, scope.Organizations, scope.AsOf, (int)rule.Threshold).Select(o => o.Id);
        var rows = await scope.Db.Members.Where(m => m.Status == MemberStatus.Active && dormant.Contains(m.OrganizationId))
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new WarningHit(r.Key, r.Count, scope.AsOf.AddYears(-(int)rule.Threshold))).ToList();
    }
}
