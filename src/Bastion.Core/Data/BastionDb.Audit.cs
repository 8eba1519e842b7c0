using System.Globalization;
using System.Text.Json;
using Bastion.Audit;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.AspNetCore.Identity;

namespace Bastion.Data;

// Every create, update and delete of domain data appends a chained audit event in the same transaction.
public partial class BastionDb
{
    private readonly List<PendingAudit> _explicitEvents = [];

    /// <summary>Bulk loads (the data generator) record one summary event instead of one per row.</summary>
    public bool SuppressRowAudit { get; set; }

    /// <summary>Queues an event that is not a row change (e.g. personal data revealed); written by the next save.</summary>
    public void Record(string action, string entity, string entityId, object? detail = null) =>
        _explicitEvents.Add(new PendingAudit(action, entity, entityId, JsonSerializer.Serialize(detail ?? new { }, AuditJson)));

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Identity bookkeeping that changes on every sign-in and carries no business meaning, or secrets.
    private static readonly HashSet<string> UnauditedProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "LockoutEnd", "LastUsedAt", "TokenHash",
    ];

    private static readonly HashSet<Type> UnauditedTypes =
    [
        typeof(AuditEvent), typeof(AuditHead), typeof(IdentityUserToken<long>), typeof(IdentityUserLogin<long>),
        typeof(IdentityRoleClaim<long>),
    ];

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: every save goes through the audited path.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var captured = SuppressRowAudit ? [] : Capture();
        if (captured.Count == 0 && _explicitEvents.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AppendAsync([.. captured.Select(c => c.Complete()), .. _explicitEvents], cancellationToken);
            _explicitEvents.Clear();
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private async Task AppendAsync(IReadOnlyList<PendingAudit> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        // One writer at a time extends the chain. SQLite serializes writers already; PostgreSQL needs a lock.
        if (Database.IsNpgsql())
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74612026)", ct);

        var head = await AuditHeads.AsTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null)
        {
            head = new AuditHead { Id = 1, LastSeq = 0, LastHash = AuditEvent.GenesisHash };
            AuditHeads.Add(head);
        }
        var at = Clock.UtcNow(Time);
        foreach (var e in events)
        {
            var ev = new AuditEvent
            {
                Seq = head.LastSeq + 1, At = at, Actor = Scope.Actor, Entity = e.Entity, EntityId = e.EntityId,
                Action = e.Action, Changes = e.Changes, PrevHash = head.LastHash, Hash = "",
            };
            ev.Hash = ev.ComputeHash();
            AuditEvents.Add(ev);
            head.LastSeq = ev.Seq;
            head.LastHash = ev.Hash;
        }
        // A caller may have turned automatic change detection off for a bulk write: the head's new position must still be saved.
        ChangeTracker.DetectChanges();
        await base.SaveChangesAsync(true, ct);
    }

    private List<CapturedChange> Capture()
    {
        var list = new List<CapturedChange>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (UnauditedTypes.Contains(entry.Metadata.ClrType)) continue;
            var change = entry.State switch
            {
                EntityState.Added => null, // values are complete only after the insert (generated ids)
                EntityState.Deleted => Describe(entry, p => p.OriginalValue),
                _ => DescribeModification(entry),
            };
            if (entry.State == EntityState.Modified && change is null) continue; // only bookkeeping changed
            list.Add(new CapturedChange(entry, entry.State, change));
        }
        return list;
    }

    private static Dictionary<string, object?> Describe(EntityEntry entry, Func<PropertyEntry, object?> value) =>
        entry.Properties
            .Where(p => !UnauditedProperties.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p => Printable(value(p)));

    private static Dictionary<string, object?>? DescribeModification(EntityEntry entry)
    {
        var changed = entry.Properties
            .Where(p => p.IsModified && !UnauditedProperties.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            .ToDictionary(p => p.Metadata.Name, p => (object?)new[] { Printable(p.OriginalValue), Printable(p.CurrentValue) });
        return changed.Count == 0 ? null : changed;
    }

    // Ciphertext never goes into the log; its keyed hash column identifies the value instead.
    private static object? Printable(object? value) => value switch
    {
        byte[] => "[encrypted]",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private sealed record PendingAudit(string Action, string Entity, string EntityId, string Changes);

    private sealed record CapturedChange(EntityEntry Entry, EntityState State, Dictionary<string, object?>? Change)
    {
        public PendingAudit Complete()
        {
            var action = State switch { EntityState.Added => AuditActions.Create, EntityState.Deleted => AuditActions.Delete, _ => AuditActions.Update };
            var values = Change ?? Describe(Entry, p => p.CurrentValue);
            return new PendingAudit(action, Entry.Metadata.ClrType.Name, KeyOf(Entry), JsonSerializer.Serialize(values, AuditJson));
        }
    }
}
