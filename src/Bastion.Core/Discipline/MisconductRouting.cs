using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

/// <summary>
/// Where a report goes, so that nobody handles a report about themselves or their own organization: to the lowest
/// organization that is a strict ancestor of every organization concerned — the organization the report is about,
/// and, when it names a member, the member's own organization and every organization where they hold a position.
/// </summary>
public static class MisconductRouting
{
    /// <summary>The receiving organization's id for the concerned organizations' paths, or null when no level lies above them all.</summary>
    public static long? Receiver(IReadOnlyCollection<string> concernedPaths)
    {
        if (concernedPaths.Count == 0) throw new ArgumentException("At least one organization is concerned.", nameof(concernedPaths));
        var chains = concernedPaths.Select(TreePath.Ids).ToList();
        var common = new List<long>();
        for (var i = 0; chains.All(c => c.Count > i) && chains.Select(c => c[i]).Distinct().Count() == 1; i++)
            common.Add(chains[0][i]);
        // The deepest common ancestor is itself concerned when it is one of the paths: go one level higher.
        if (chains.Any(c => c.Count == common.Count)) common.RemoveAt(common.Count - 1);
        return common.Count == 0 ? null : common[^1];
    }

    public sealed record Route(long ReceiverId, long RegionId, long? ConcernedMemberId);

    /// <summary>
    /// Resolves the route: reads past the data scope, as a reporter needs no account. A name that matches members
    /// near the organization concerned (in its subtree, or holding a position in it or above it) counts every match,
    /// so an ambiguous name routes higher rather than to someone who may be concerned.
    /// </summary>
    public static async Task<Route> ResolveAsync(BastionDb db, long concernedOrganizationId, long? memberId, string? personName, CancellationToken ct)
    {
        var organizations = db.Organizations.IgnoreQueryFilters();
        var concerned = await organizations.Where(o => o.Id == concernedOrganizationId && o.Status == OrganizationStatus.Active)
            .Select(o => new { o.Id, o.Path, o.RegionId }).FirstOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For("OrganizationId", "Choose the organization the report is about.");

        var members = db.Members.IgnoreQueryFilters();
        var positions = db.Set<Position>().IgnoreQueryFilters().Where(p => p.EndedOn == null);
        List<long> people;
        if (memberId is { } id)
        {
            if (!await members.AnyAsync(m => m.Id == id, ct)) throw ValidationFailedException.For("MemberId", "The member named does not exist.");
            people = [id];
        }
        else if (!string.IsNullOrEmpty(personName))
        {
            var upper = TreePath.UpperBound(concerned.Path);
            var ancestors = TreePath.Ids(concerned.Path).ToList();
            people = await members.Where(m => m.Name == personName && (
                    organizations.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, concerned.Path) >= 0 && string.Compare(o.Path, upper) < 0)
                    || positions.Any(p => p.MemberId == m.Id && ancestors.Contains(p.OrganizationId))))
                .Select(m => m.Id).Take(20).ToListAsync(ct);
        }
        else people = [];

        var paths = new List<string> { concerned.Path };
        if (people.Count > 0)
        {
            var personal = members.Where(m => people.Contains(m.Id)).Select(m => m.OrganizationId)
                .Concat(positions.Where(p => people.Contains(p.MemberId)).Select(p => p.OrganizationId));
            paths.AddRange(await organizations.Where(o => personal.Contains(o.Id)).Select(o => o.Path).ToListAsync(ct));
        }
        var receiver = Receiver(paths) ?? throw new DomainRuleException("Discipline.ReportNeedsALevelAbove",
            "No organization in this system lies above everyone concerned; report to the discipline commission of the higher level directly (12388).");
        return new Route(receiver, concerned.RegionId, people.Count == 1 ? people[0] : null);
    }
}
