using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Cascades;

/// <summary>Resolves a <see cref="TargetSelection"/> below an organization into target organizations.</summary>
public static class CascadeTargeting
{
    /// <summary>At most this many organizations in a hand-picked list.</summary>
    public const int MaxListed = 5000;

    /// <summary>
    /// Validates the selection and returns the matching active organizations strictly below <paramref name="root"/>
    /// (party groups are never targets): one query. Throws <see cref="ValidationFailedException"/> on field
    /// <paramref name="field"/> for a bad selection, <see cref="DomainRuleException"/> when nothing matches.
    /// </summary>
    public static async Task<List<(long Id, long RegionId)>> ResolveAsync(BastionDb db, Organization root, TargetSelection? selection, string field, CancellationToken ct)
    {
        if (selection?.Mode is not { } mode || !Enum.IsDefined(mode)) throw ValidationFailedException.For(field, "Choose how the targets are selected.");
        var hi = TreePath.UpperBound(root.Path);
        var below = db.Organizations.Where(o => string.Compare(o.Path, root.Path) > 0 && string.Compare(o.Path, hi) < 0
                                                && o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.Group);
        switch (mode)
        {
            case TargetMode.Filter:
                var kinds = (selection.Kinds ?? []).Distinct().ToList();
                var types = (selection.UnitTypes ?? []).Distinct().ToList();
                if (kinds.Count == 0 && types.Count == 0) throw ValidationFailedException.For(field, "Choose at least one organization kind or unit type.");
                if (kinds.Any(k => !Enum.IsDefined(k) || k == OrganizationKind.Group) || types.Any(t => !Enum.IsDefined(t)))
                    throw ValidationFailedException.For(field, "Unknown organization kind or unit type.");
                if (kinds.Count > 0) below = below.Where(o => kinds.Contains(o.Kind));
                if (types.Count > 0) below = below.Where(o => o.UnitType != null && types.Contains(o.UnitType.Value));
                break;
            case TargetMode.List:
                var ids = (selection.OrganizationIds ?? []).Distinct().ToList();
                if (ids.Count == 0) throw ValidationFailedException.For(field, "Choose at least one organization.");
                if (ids.Count > MaxListed) throw ValidationFailedException.For(field, $"At most {MaxListed} organizations may be listed.");
                var found = await below.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.RegionId }).ToListAsync(ct);
                if (found.Count != ids.Count)
                {
                    var missing = ids.Except(found.Select(f => f.Id)).Take(10);
                    throw ValidationFailedException.For(field, "Not active organizations below the issuer: " + string.Join(", ", missing) + ".");
                }
                return found.Select(f => (f.Id, f.RegionId)).ToList();
        }
        var rows = await below.OrderBy(o => o.Path).Select(o => new { o.Id, o.RegionId }).ToListAsync(ct);
        if (rows.Count == 0) throw new DomainRuleException(CascadeRules.NoTargetsRule, "No organization below the issuer matches the selection.");
        return rows.Select(r => (r.Id, r.RegionId)).ToList();
    }
}
