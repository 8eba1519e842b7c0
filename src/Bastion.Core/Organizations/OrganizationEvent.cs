using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Organizations;

/// <summary>
/// One entry of an organization's history (沿革): created, renamed, moved, merged, dissolved. Shown on the organization
/// page; the audit log keeps the technical trail, this keeps the story people read.
/// </summary>
public class OrganizationEvent : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public OrganizationEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    /// <summary>The other organization involved: the old or new parent of a move, the other side of a merge.</summary>
    public long? RelatedOrganizationId { get; set; }
    /// <summary>What people need to know, e.g. the old name, the old parent's name, the number of members moved.</summary>
    public string Details { get; set; } = "";
    public string? Reason { get; set; }
    public required string Actor { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum OrganizationEventKind
{
    Created = 1,
    Renamed = 2,
    /// <summary>Placed under another parent (with its whole subtree).</summary>
    Moved = 3,
    /// <summary>Took in another organization's members and groups.</summary>
    Absorbed = 4,
    /// <summary>Merged into another organization and closed.</summary>
    MergedInto = 5,
    Dissolved = 6,
}

public sealed class OrganizationEventConfiguration : IEntityTypeConfiguration<OrganizationEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationEvent> builder)
    {
        builder.ToTable("OrganizationEvents");
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.HasIndex(e => new { e.OrganizationId, e.OccurredOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record OrganizationEventView(long Id, OrganizationEventKind Kind, DateOnly OccurredOn, long? RelatedOrganizationId, string? RelatedOrganizationName,
    string Details, string? Reason, string Actor);

public static class OrganizationHistory
{
    /// <summary>Adds a history entry to the context (the caller saves).</summary>
    public static OrganizationEvent Add(Data.BastionDb db, long organizationId, OrganizationEventKind kind, string details, long? related = null, string? reason = null)
    {
        var e = new OrganizationEvent
        {
            OrganizationId = organizationId, Kind = kind, OccurredOn = Shared.Clock.Today(db.Time), RelatedOrganizationId = related,
            Details = details.Length <= 1000 ? details : details[..1000], Reason = reason, Actor = db.Scope.Actor, CreatedAt = Shared.Clock.UtcNow(db.Time),
        };
        db.Set<OrganizationEvent>().Add(e);
        return e;
    }

    /// <summary>The history of one organization, newest first; the related organization's name when it is in scope.</summary>
    public static Task<List<OrganizationEventView>> ForAsync(Data.BastionDb db, long organizationId, CancellationToken ct = default) =>
        db.Set<OrganizationEvent>().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)
            .Select(e => new OrganizationEventView(e.Id, e.Kind, e.OccurredOn, e.RelatedOrganizationId,
                db.Organizations.Where(o => o.Id == e.RelatedOrganizationId).Select(o => o.Name).FirstOrDefault(),
                e.Details, e.Reason, e.Actor))
            .ToListAsync(ct);
}
