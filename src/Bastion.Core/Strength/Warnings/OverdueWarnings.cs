using Bastion.Cascades;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Warnings;

/// <summary>诉求超期较多: requests of the organization past their resolution deadline and unanswered on the as-of day, at least the threshold's number.</summary>
public sealed class OverdueRequestsWarning : IWarningSource
{
    public string Code => "overdue-requests";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        var end = scope.AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await scope.Db.Set<ServiceRequest>()
            .Where(r => r.ReceivedAt < end && r.ResolutionDueAt < end && ((r.AnsweredAt ?? r.ClosedAt) == null || (r.AnsweredAt ?? r.ClosedAt) >= end)
                        && scope.Organizations.Any(o => o.Id == r.OrganizationId))
            .GroupBy(r => r.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(r => r.ResolutionDueAt) })
            .ToListAsync(ct);
        return rows.Where(r => r.Count >= rule.Threshold).Select(r => new WarningHit(r.Key, r.Count, DateOnly.FromDateTime(r.Oldest))).ToList();
    }
}

/// <summary>决策部署超期较多: directive targets of the organization past their due date and not completed on the as-of day, at least the threshold's number.</summary>
public sealed class OverdueDirectivesWarning : IWarningSource
{
    public string Code => "overdue-directives";

    public async Task<IReadOnlyList<WarningHit>> EvaluateAsync(AssessmentScope scope, Measures measures, CancellationToken ct)
    {
        var rule = scope.Rules.Warning(Code);
        var asOf = scope.AsOf;
        var rows = await (from t in scope.Db.Set<CascadeTarget>()
                          join c in scope.Db.Set<Cascade>() on t.CascadeId equals c.Id
                          where c.Subject == CascadeSubject.Directive && t.DueOn < asOf && (t.CompletedOn == null || t.CompletedOn > asOf)
                                && scope.Organizations.Any(o => o.Id == t.OrganizationId)
                          group t by t.OrganizationId into g
                          select new { g.Key, Count = g.Count(), Oldest = g.Min(t => t.DueOn) }).ToListAsync(ct);
        return rows.Where(r => r.Count >= rule.Threshold).Select(r => new WarningHit(r.Key, r.Count, r.Oldest)).ToList();
    }
}
