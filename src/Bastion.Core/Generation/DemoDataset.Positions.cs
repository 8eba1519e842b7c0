using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;

namespace Bastion.Generation;

/// <summary>Positions (职务) of the generated branches: secretaries, committees where required, a few gaps to find.</summary>
public sealed partial class DemoDataset
{
    public List<Position> Positions { get; private set; } = [];

    /// <summary>
    /// Every branch gets a secretary from its full members; branches with ≥ 7 full members get a committee of 3–5
    /// (secretary, organization, propaganda and discipline commissioners, sometimes a deputy). About 1 branch in 25
    /// has had no secretary for 2–9 months (the last one's term ended) and about 1 in 20 of those that need a
    /// committee has only a secretary, so the structure findings and vacancy warnings have something to show.
    /// Deterministic per organization id (does not draw from the generator's random sequence); ids from the database.
    /// </summary>
    public List<Position> BuildPositions()
    {
        var positions = new List<Position>();
        var byOrg = Members.Where(m => m.Status == MemberStatus.Active && m.Category == MemberCategory.Full)
            .GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Id).ToList());
        PositionRole[] committeeRoles = [PositionRole.Secretary, PositionRole.OrganizationCommissioner, PositionRole.PropagandaCommissioner,
            PositionRole.DisciplineCommissioner, PositionRole.DeputySecretary];
        foreach (var org in Organizations)
        {
            if (org.Kind is not (OrganizationKind.Branch or OrganizationKind.JointBranch) || !byOrg.TryGetValue(org.Id, out var full)) continue;
            var roll = (int)(Mix(org.Id) % 100);
            var termStart = org.TermStartedOn ?? _today.AddYears(-1);
            if (termStart > _today) termStart = _today;
            Position Hold(Member m, PositionRole role, DateOnly? endedOn = null) => new()
            {
                OrganizationId = org.Id, RegionId = org.RegionId, MemberId = m.Id, Role = role,
                StartedOn = termStart, EndedOn = endedOn, CreatedAt = _now,
            };
            if (roll < 4)
            {
                // The secretary left 2–9 months ago and nobody has been appointed since.
                var ended = _today.AddDays(-(60 + (int)(Mix(org.Id * 7) % 210)));
                if (ended <= termStart) ended = termStart.AddDays(1);
                if (ended < _today) positions.Add(Hold(full[0], PositionRole.Secretary, ended));
                continue;
            }
            var size = full.Count < StructureRules.BranchCommitteeFromFullMembers ? Math.Min(full.Count, roll % 3 == 0 ? 2 : 1)
                : roll < 9 ? 1
                : 3 + roll % 3;
            for (var i = 0; i < size && i < full.Count; i++)
                positions.Add(Hold(full[i], full.Count < StructureRules.BranchCommitteeFromFullMembers && i == 1 ? PositionRole.DeputySecretary : committeeRoles[i]));
        }
        return positions;
    }

    private static ulong Mix(long id)
    {
        var x = (ulong)id * 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        return x ^ (x >> 29);
    }
}
