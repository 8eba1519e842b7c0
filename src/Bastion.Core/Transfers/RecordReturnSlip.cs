using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Transfers;

/// <summary>回执: the return slip of a letter out of the system came back; the member is now transferred out.</summary>
public static class RecordReturnSlip
{
    public sealed record Command
    {
        /// <summary>The day the slip was received; today by default.</summary>
        public DateOnly? ReceivedOn { get; init; }
    }

    public static async Task<TransferView> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var receivedOn = command.ReceivedOn ?? today;
        if (receivedOn > today) throw ValidationFailedException.For("ReceivedOn", "The return slip cannot be received in the future.");

        var (transfer, isSender, _) = await TransferQueries.LoadForStepAsync(db, id, ct);
        if (receivedOn < transfer.IssuedOn) throw ValidationFailedException.For("ReceivedOn", "The return slip cannot come back before the letter was issued.");
        transfer.RecordReturnSlip(isSender, receivedOn, db.Scope.Actor, Clock.UtcNow(db.Time));
        var member = await db.Members.FirstAsync(m => m.Id == transfer.MemberId, ct);
        member.Status = MemberStatus.TransferredOut;
        await TransferSteps.SaveAsync(db, ct);
        return (await TransferQueries.GetAsync(db, id, ct))!;
    }
}
