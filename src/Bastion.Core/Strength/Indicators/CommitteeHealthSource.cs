using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength.Indicators;

/// <summary>
/// Committee complete and term not overdue, as checks met / checks that apply on the as-of day:
/// a secretary in post (every organization but a party group); a committee formed where one is required (a branch with
/// ≥ 7 full members, ZBTL ch. 6); the term not overdue (where the term's start is recorded).
/// </summary>
public sealed class CommitteeHealthSource : IIndicatorSource
{
    public string Code => "committee-health";

    public sealed record Checks(long OrganizationId, bool HasSecretary, int FullMembers, bool? CommitteeFormed, DateOnly? ElectionDueOn, DateOnly AsOf)
    {
        public bool? TermOnTime => ElectionDueOn is { } due ? due >= AsOf : null;
        public int Applicable => 1 + (CommitteeFormed is null ? 0 : 1) + (TermOnTime is null ? 0 : 1);
        public int Met => (HasSecretary ? 1 : 0) + (CommitteeFormed == true ? 1 : 0) + (TermOnTime == true ? 1 : 0);
    }

    /// <summary>The checks of every organization of the scope (party groups excepted), in three grouped queries.</summary>
    public static async Task<List<Checks>> ChecksAsync(AssessmentScope scope, CancellationToken ct)
    {
        var db = scope.Db;
        var asOf = scope.AsOf;
        var organizations = await scope.Organizations.Where(o => o.Kind != OrganizationKind.Group)
            .Select(o => new { o.Id, o.Kind, o.UnitType, o.TermStartedOn, o.TermYears }).ToListAsync(ct);
        var ids = scope.Organizations.Select(o => o.Id);
        // Holders on the as-of day: started on or before it and not ended before it.
        var holders = await db.Set<Position>()
            .Where(p => p.Role != PositionRole.GroupLeader && p.StartedOn <= asOf && (p.EndedOn == null || p.EndedOn > asOf) && ids.Contains(p.OrganizationId))
            .GroupBy(p => p.OrganizationId)
            .Select(g => new { g.Key, Members = g.Select(p => p.MemberId).Distinct().Count(), Secretaries = g.Count(p => p.Role == PositionRole.Secretary) })
            .ToDictionaryAsync(g => g.Key, ct);
        var fullMembers = await db.Members.Where(m => m.Status == MemberStatus.Active && m.Category == MemberCategory.Full && ids.Contains(m.OrganizationId))
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return organizations.Select(o =>
        {
            holders.TryGetValue(o.Id, out var h);
            var full = fullMembers.GetValueOrDefault(o.Id);
            var required = Figures.IsBranch(o.Kind) && full >= StructureRules.BranchCommitteeFromFullMembers;
            bool? formed = required ? CommitteeSizes.IsCommitteeFormed(h?.Members ?? 0) : null;
            var due = CommitteeTerm.NextElectionOn(o.TermStartedOn, CommitteeTerm.EffectiveYears(o.Kind, o.UnitType, o.TermYears));
            return new Checks(o.Id, (h?.Secretaries ?? 0) > 0, full, formed, due, asOf);
        }).ToList();
    }

    public async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(AssessmentScope scope, CancellationToken ct) =>
        (await ChecksAsync(scope, ct)).ToDictionary(c => c.OrganizationId, c => new Fraction(c.Met, c.Applicable));

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AssessmentScope scope, long organizationId, int limit, CancellationToken ct)
    {
        var c = (await ChecksAsync(scope.For(organizationId), ct)).FirstOrDefault();
        if (c is null) return [];
        var records = new List<IndicatorRecord> { new("secretary", null, c.HasSecretary, null, "/Positions") };
        if (c.CommitteeFormed is { } formed) records.Add(new("committee", null, formed, null, "/Positions"));
        if (c.TermOnTime is { } onTime) records.Add(new("term", c.ElectionDueOn, onTime));
        return records.OrderBy(r => r.Counts).Take(limit).ToList();
    }
}
