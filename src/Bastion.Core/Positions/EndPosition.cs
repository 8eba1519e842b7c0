using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Positions;

/// <summary>Ends a current term (离任); the record stays as history.</summary>
public static class EndPosition
{
    public sealed record Command
    {
        public DateOnly? EndedOn { get; init; }
    }

    public static async Task<Position> HandleAsync(BastionDb db, long positionId, Command command, CancellationToken ct = default)
    {
        var position = await db.Set<Position>().FirstOrDefaultAsync(p => p.Id == positionId, ct) ?? throw new NotFoundException($"Position {positionId}");
        if (position.EndedOn is not null) throw new DomainRuleException("Positions.AlreadyEnded", "The term has already ended.");
        var today = Clock.Today(db.Time);
        var endedOn = command.EndedOn ?? today;
        if (!PositionRules.IsNotInFuture(endedOn, today)) throw ValidationFailedException.For(nameof(Command.EndedOn), "The date may not be in the future.");
        if (!PositionRules.EndsAfterStart(position.StartedOn, endedOn)) throw ValidationFailedException.For(nameof(Command.EndedOn), "The term may not end before it started.");
        position.EndedOn = endedOn;
        await db.SaveChangesAsync(ct);
        return position;
    }
}
