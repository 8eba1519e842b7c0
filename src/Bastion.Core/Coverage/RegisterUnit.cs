using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Coverage;

/// <summary>Adds a unit to the coverage register. A credit code failing the GB 32100 check is kept with a warning.</summary>
public static class RegisterUnit
{
    public sealed record Command : UnitInput;

    public static async Task<Unit> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(db.Time);
        var unit = new Unit { Name = "", CreatedAt = now, UpdatedAt = now };
        await command.ApplyToAsync(db, unit, ct);
        db.Set<Unit>().Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
