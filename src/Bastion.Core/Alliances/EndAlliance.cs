using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Alliances;

/// <summary>Ends an alliance (its history is kept); done by a user whose scope contains the lead.</summary>
public static class EndAlliance
{
    public sealed record Command
    {
        public DateOnly? EndedOn { get; init; }
    }

    public static async Task<Alliance> HandleAsync(BastionDb db, long allianceId, Command command, CancellationToken ct = default)
    {
        var alliance = await AllianceAccess.ForLeadAsync(db, allianceId, ct);
        AllianceAccess.EnsureActive(alliance);
        var endedOn = command.EndedOn ?? Clock.Today(db.Time);
        if (endedOn > Clock.Today(db.Time)) throw ValidationFailedException.For(nameof(Command.EndedOn), "The date may not be in the future.");
        if (endedOn < alliance.FoundedOn) throw ValidationFailedException.For(nameof(Command.EndedOn), "The date may not be before the alliance was founded.");
        alliance.Status = AllianceStatus.Ended;
        alliance.EndedOn = endedOn;
        await db.SaveChangesAsync(ct);
        return alliance;
    }
}
