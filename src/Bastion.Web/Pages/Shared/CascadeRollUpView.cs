using Bastion.Cascades;
using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Shared;

/// <summary>
/// What the shared roll-up partial (_CascadeRollUp) shows for one cascade at one node: the node and its children
/// (most overdue first), the path from the top visible organization to the node, and how to link a node or a bucket.
/// Directives and study campaigns use the same partial because they share the cascade.
/// </summary>
public sealed record CascadeRollUpView(
    IReadOnlyList<RollUpRow> Level,
    long Node,
    IReadOnlyList<OrganizationBreadcrumb> Path,
    Func<long, string?, string> Link,
    string? ExportUrl,
    bool ShowSubmitted)
{
    /// <summary>The path from <paramref name="top"/> (when it is an ancestor of the node) or the tree root down to the node.</summary>
    public static async Task<IReadOnlyList<OrganizationBreadcrumb>> PathAsync(BastionDb db, long? top, long node, CancellationToken ct)
    {
        var nodePath = await db.Organizations.Where(o => o.Id == node).Select(o => o.Path).FirstAsync(ct);
        var ids = TreePath.Ids(nodePath);
        var start = top is { } t && ids.Contains(t) ? t : ids[0];
        var fromTop = ids.SkipWhile(i => i != start).ToList();
        var names = await db.Organizations.Where(o => fromTop.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return fromTop.Where(names.ContainsKey).Select(i => new OrganizationBreadcrumb(i, names[i])).ToList();
    }
}
