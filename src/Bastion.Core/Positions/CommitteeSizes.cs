using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Positions;

/// <summary>How many distinct members currently sit on an organization's committee (支委会/委员会), and whether a secretary is in office.</summary>
public sealed record CommitteeSize(long OrganizationId, int Members, bool HasSecretary);

/// <summary>
/// Committee sizes for a set of organizations in one grouped query, for structure findings (DOMAIN §2: a branch with
/// ≥ 7 full members needs a committee of 3–5 people, ≤ 7). Group leaders do not count. Organizations without any
/// current holder are absent from the result (size 0).
/// </summary>
public static class CommitteeSizes
{
    public static async Task<IReadOnlyDictionary<long, CommitteeSize>> ForOrganizationsAsync(BastionDb db, IQueryable<Organization> organizations, CancellationToken ct = default) =>
        await db.Set<Position>()
            .Where(p => p.EndedOn == null && p.Role != PositionRole.GroupLeader && organizations.Any(o => o.Id == p.OrganizationId))
            .GroupBy(p => p.OrganizationId)
            .Select(g => new CommitteeSize(g.Key, g.Select(p => p.MemberId).Distinct().Count(), g.Any(p => p.Role == PositionRole.Secretary)))
            .ToDictionaryAsync(c => c.OrganizationId, ct);

    /// <summary>A committee is formed when at least 3 people hold committee positions (DOMAIN §2).</summary>
    public static bool IsCommitteeFormed(int members) => members >= 3;
}
