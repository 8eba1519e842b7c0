using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

public static class RenameOrganization
{
    public sealed record Command
    {
        public string? Name { get; init; }
    }

    public static async Task<Organization> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name)) throw ValidationFailedException.For("Name", "A name is required.");
        if (name.Length > 200) throw ValidationFailedException.For("Name", "A name has at most 200 characters.");
        var org = await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException($"Organization {id}");
        if (org.Name == name) return org;
        OrganizationHistory.Add(db, org.Id, OrganizationEventKind.Renamed, $"{org.Name} → {name}", related: null);
        org.Name = name;
        await db.SaveChangesAsync(ct);
        return org;
    }
}
