using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Restructuring;

/// <summary>
/// Places an organization under another parent; its whole subtree moves with it in one UPDATE of the materialized
/// paths (no row-by-row walk). Both the organization and the new parent must be in the caller's scope, the new parent
/// may not be inside the moved subtree, the kinds must fit (DOMAIN §2), and the move stays within one province-level
/// region (a move between regions is a transfer of records between systems, not a re-parenting).
/// </summary>
public static class MoveOrganization
{
    public sealed record Command
    {
        public long? NewParentId { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record Result(long OrganizationId, long OldParentId, long NewParentId, int OrganizationsMoved);

    public static async Task<Result> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var reason = Restructure.Reason(command.Reason);
        if (command.NewParentId is not { } parentId) throw ValidationFailedException.For(nameof(Command.NewParentId), "Choose the new parent organization.");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException($"Organization {id}");
        var parent = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == parentId, ct)
            ?? throw ValidationFailedException.For(nameof(Command.NewParentId), "The new parent does not exist or is outside your organizations.");
        if (org.ParentId is not { } oldParentId) throw new DomainRuleException("Restructure.RootFixed", "The root of the tree cannot be moved.");
        Restructure.EnsureActive(org);
        if (parent.Status != OrganizationStatus.Active) throw ValidationFailedException.For(nameof(Command.NewParentId), "The new parent has been dissolved.");
        if (parent.Id == oldParentId) throw ValidationFailedException.For(nameof(Command.NewParentId), "The organization is already under this parent.");
        if (TreePath.Contains(org.Path, parent.Path))
            throw new DomainRuleException("Restructure.NoCycle", "An organization cannot be moved under itself or under one of its own sub-organizations.");
        if (parent.RegionId != org.RegionId)
            throw new DomainRuleException("Restructure.SameRegion", "An organization can only be moved within its own province-level region.");
        TreeRules.EnsureCanHoldChild(parent.Kind, org.Kind);

        var oldParentName = await db.Organizations.Where(o => o.Id == oldParentId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? $"#{oldParentId}";
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var moved = await Restructure.RewriteSubtreeAsync(db, org, parent, ct);
        OrganizationHistory.Add(db, id, OrganizationEventKind.Moved,
            $"{oldParentName} → {parent.Name} ({moved} organization(s) moved with the subtree)", parentId, reason);
        db.Record("Move", nameof(Organization), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { from = oldParentId, to = parentId, oldPath = org.Path, moved, reason });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Result(id, oldParentId, parentId, moved);
    }
}

/// <summary>Checks shared by move, merge and dissolve.</summary>
internal static class Restructure
{
    public static string Reason(string? reason)
    {
        var r = reason?.Trim();
        if (string.IsNullOrEmpty(r)) throw ValidationFailedException.For("Reason", "Give the reason (e.g. the approving document's number).");
        if (r.Length > 500) throw ValidationFailedException.For("Reason", "The reason has at most 500 characters.");
        return r;
    }

    /// <summary>
    /// Re-parents <paramref name="org"/> under <paramref name="parent"/>: one UPDATE rewrites the path prefix and depth of
    /// every organization of the subtree. No new path can collide with an old one: they start with the new parent's
    /// path, which lies outside the moved subtree. Paths copied onto study content follow. Returns the number of organizations moved.
    /// </summary>
    public static async Task<int> RewriteSubtreeAsync(BastionDb db, Organization org, Organization parent, CancellationToken ct)
    {
        var id = org.Id;
        var parentId = parent.Id;
        var newPrefix = TreePath.Child(parent.Path, org.Id);
        var keep = org.Path.Length;
        var depthDelta = parent.Depth + 1 - org.Depth;
#pragma warning disable CA1845 // translated to SQL: spans do not exist there
        var moved = await OrganizationQueries.InSubtree(db, org.Path).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Path, o => newPrefix + o.Path.Substring(keep))
            .SetProperty(o => o.Depth, o => o.Depth + depthDelta)
            .SetProperty(o => o.ParentId, o => o.Id == id ? parentId : o.ParentId), ct);
#pragma warning restore CA1845
        // Rows that keep a copy of a publisher's path follow it.
        await Study.PublisherPaths.RewriteAsync(db, org.Path, newPrefix, ct);
        return moved;
    }

    /// <summary>Transfers not yet finished to or from the organization block merging and dissolving it.</summary>
    public static async Task EnsureNoPendingTransfersAsync(BastionDb db, long id, CancellationToken ct)
    {
        var pending = await db.Set<Transfers.Transfer>().CountAsync(t => t.Status == Transfers.TransferStatus.Issued && (t.FromOrganizationId == id || t.ToOrganizationId == id), ct);
        if (pending > 0)
            throw new DomainRuleException("Restructure.PendingTransfers", $"{pending} transfer letter(s) to or from this organization are still open; finish or cancel them first.");
    }

    /// <summary>Ends the current positions of the organization (the committee goes with the organization).</summary>
    public static Task<int> EndPositionsAsync(BastionDb db, long id, DateOnly on, CancellationToken ct) =>
        db.Set<Positions.Position>().Where(p => p.OrganizationId == id && p.EndedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EndedOn, p => p.StartedOn < on ? on : p.StartedOn.AddDays(1)), ct);

    public static void EnsureActive(Organization org)
    {
        if (org.Status != OrganizationStatus.Active) throw new DomainRuleException("Restructure.Active", "The organization has already been dissolved.");
    }
}
