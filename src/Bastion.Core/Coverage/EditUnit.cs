using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Coverage;

/// <summary>Replaces a unit's register entry (including its coverage). Out of scope answers not found.</summary>
public static class EditUnit
{
    public sealed record Command : UnitInput;

    public static async Task<Unit> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var unit = await db.Set<Unit>().AsTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException($"Unit {id}");
        await command.ApplyToAsync(db, unit, ct);
        unit.UpdatedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
