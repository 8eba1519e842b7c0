using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

/// <summary>Ends a mobile record: the member came back (or left the host branch).</summary>
public static class EndMobility
{
    public const string AlreadyEndedRule = "Mobile.AlreadyEnded";

    public sealed record Command
    {
        public DateOnly? ReturnedOn { get; init; }
    }

    public static async Task<MobileRecord> HandleAsync(BastionDb db, long recordId, Command command, CancellationToken ct = default)
    {
        var record = await db.Set<MobileRecord>().FirstOrDefaultAsync(r => r.Id == recordId, ct)
            ?? throw new NotFoundException($"Mobile record {recordId}");
        var today = Clock.Today(db.Time);
        var returned = command.ReturnedOn ?? today;
        if (returned > today) throw ValidationFailedException.For("ReturnedOn", "The return date cannot be in the future.");
        if (returned < record.LeftOn) throw ValidationFailedException.For("ReturnedOn", "The return date cannot be before the departure.");
        if (record.Status == MobileStatus.Ended) throw new DomainRuleException(AlreadyEndedRule, "This record has already ended.");
        record.ReturnedOn = returned;
        record.Status = MobileStatus.Ended;
        await db.SaveChangesAsync(ct);
        return record;
    }
}
