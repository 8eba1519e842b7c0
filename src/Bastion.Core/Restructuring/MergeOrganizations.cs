using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Restructuring;

/// <summary>
/// Merges one organization into another of the same level (branch into branch, general branch into general branch,
/// committee into committee): every member record, the sub-organizations, open mobile-member records and the units
/// it covered go to the receiving organization; its committee positions end; it is closed as dissolved; both keep the
/// story in their history. Set-based: a handful of UPDATE statements whatever the size. Open transfer letters block it.
/// </summary>
public static class MergeOrganizations
{
    public sealed record Command
    {
        public long? IntoOrganizationId { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record Result(long OrganizationId, long IntoOrganizationId, int MembersMoved, int OrganizationsMoved, int PositionsEnded, int UsersStillBound);

    public static async Task<Result> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var reason = Restructure.Reason(command.Reason);
        if (command.IntoOrganizationId is not { } intoId) throw ValidationFailedException.For(nameof(Command.IntoOrganizationId), "Choose the organization to merge into.");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException($"Organization {id}");
        var into = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == intoId, ct)
            ?? throw ValidationFailedException.For(nameof(Command.IntoOrganizationId), "The receiving organization does not exist or is outside your organizations.");
        if (into.Id == org.Id) throw ValidationFailedException.For(nameof(Command.IntoOrganizationId), "An organization cannot be merged into itself.");
        Restructure.EnsureActive(org);
        if (into.Status != OrganizationStatus.Active) throw ValidationFailedException.For(nameof(Command.IntoOrganizationId), "The receiving organization has been dissolved.");
        if (org.ParentId is null) throw new DomainRuleException("Restructure.RootFixed", "The root of the tree cannot be merged.");
        if (Level(org.Kind) != Level(into.Kind) || org.Kind == OrganizationKind.Group && into.Kind != OrganizationKind.Group)
            throw new DomainRuleException("Restructure.SameLevel", $"A {org.Kind} can only be merged into an organization of the same level, not a {into.Kind}.");
        if (TreePath.Contains(org.Path, into.Path) || TreePath.Contains(into.Path, org.Path))
            throw new DomainRuleException("Restructure.NoCycle", "An organization cannot be merged into its own parent or sub-organization; move or dissolve it instead.");
        if (into.RegionId != org.RegionId)
            throw new DomainRuleException("Restructure.SameRegion", "Organizations can only be merged within one province-level region.");
        await Restructure.EnsureNoPendingTransfersAsync(db, id, ct);

        var today = Clock.Today(db.Time);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var members = await db.Members.Where(m => m.OrganizationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrganizationId, intoId), ct);
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == id && o.Status == OrganizationStatus.Active).ToListAsync(ct);
        var moved = 0;
        foreach (var child in children) moved += await Restructure.RewriteSubtreeAsync(db, child, into, ct);
        await db.Set<MobileMembers.MobileRecord>().Where(r => r.OrganizationId == id && r.Status == MobileMembers.MobileStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OrganizationId, intoId), ct);
        // The contact log follows its record.
        await db.Set<MobileMembers.MobileContact>()
            .Where(c => c.OrganizationId == id && db.Set<MobileMembers.MobileRecord>().Any(r => r.Id == c.MobileRecordId && r.OrganizationId == intoId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OrganizationId, intoId), ct);
        await db.Set<MobileMembers.MobileRecord>().Where(r => r.HostOrganizationId == id && r.Status == MobileMembers.MobileStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HostOrganizationId, intoId), ct);
        await db.Set<Coverage.Unit>().Where(u => u.CoveringOrganizationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoveringOrganizationId, intoId), ct);
        var ended = await Restructure.EndPositionsAsync(db, id, today, ct);
        await db.Organizations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Dissolved), ct);
        var users = await db.Users.CountAsync(u => u.OrganizationId == id, ct);

        OrganizationHistory.Add(db, id, OrganizationEventKind.MergedInto,
            $"Merged into {into.Name}: {members} member record(s) and {children.Count} sub-organization(s) moved, {ended} position(s) ended.", intoId, reason);
        OrganizationHistory.Add(db, intoId, OrganizationEventKind.Absorbed,
            $"Took in {org.Name}: {members} member record(s) and {children.Count} sub-organization(s).", id, reason);
        db.Record("Merge", nameof(Organization), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { into = intoId, members, organizationsMoved = moved, positionsEnded = ended, reason });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Result(id, intoId, members, moved, ended, users);
    }

    private static int Level(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Branch or OrganizationKind.JointBranch => 1,
        OrganizationKind.GeneralBranch => 2,
        OrganizationKind.Committee => 3,
        _ => 0,
    };
}
