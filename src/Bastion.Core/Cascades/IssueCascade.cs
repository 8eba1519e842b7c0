using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;

namespace Bastion.Cascades;

/// <summary>
/// Creates a cascade and one target row per selected organization, each due on the cascade's date. Called by the
/// subject's use case (a directive, a study assignment) inside its transaction; saves twice (the targets need the id).
/// The targets are written as one audited summary event, not one event per row.
/// </summary>
public static class IssueCascade
{
    public static async Task<Cascade> HandleAsync(BastionDb db, Organization issuer, CascadeSubject subject, string title, DateOnly dueOn,
        TargetSelection? selection, string selectionField, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Issue a cascade inside the subject's transaction.");
        var targets = await CascadeTargeting.ResolveAsync(db, issuer, selection, selectionField, ct);
        var now = Clock.UtcNow(db.Time);
        var cascade = new Cascade
        {
            IssuerOrganizationId = issuer.Id, Subject = subject, Title = title, DueOn = dueOn, Mode = selection!.Mode!.Value,
            CreatedAt = now, CreatedBy = db.Scope.Actor,
        };
        db.Set<Cascade>().Add(cascade);
        await db.SaveChangesAsync(ct);
        await AddTargetsAsync(db, cascade.Id, issuer.Id, null, null, dueOn, targets, ct);
        return cascade;
    }

    /// <summary>Adds target rows in bulk with one audit event; shared with passing down.</summary>
    internal static async Task AddTargetsAsync(BastionDb db, long cascadeId, long assignedBy, long? parentTargetId, string? instructions, DateOnly dueOn,
        IReadOnlyList<(long Id, long RegionId)> organizations, CancellationToken ct)
    {
        var now = Clock.UtcNow(db.Time);
        db.Set<CascadeTarget>().AddRange(organizations.Select(o => new CascadeTarget
        {
            CascadeId = cascadeId, OrganizationId = o.Id, RegionId = o.RegionId, AssignedByOrganizationId = assignedBy,
            ParentTargetId = parentTargetId, Instructions = instructions, DueOn = dueOn, UpdatedAt = now,
        }));
        db.Record("cascade.targets-added", nameof(Cascade), cascadeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { assignedBy, parentTargetId, dueOn, count = organizations.Count });
        var suppressed = db.SuppressRowAudit;
        db.SuppressRowAudit = true;
        try { await db.SaveChangesAsync(ct); }
        finally { db.SuppressRowAudit = suppressed; }
    }
}
