using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Transfers;

/// <summary>撤销: the sending side withdraws a letter while it is still open.</summary>
public static class CancelTransfer
{
    public static async Task<TransferView> HandleAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var (transfer, isSender, _) = await TransferQueries.LoadForStepAsync(db, id, ct);
        transfer.Cancel(isSender, db.Scope.Actor, Clock.UtcNow(db.Time));
        await TransferSteps.SaveAsync(db, ct);
        return (await TransferQueries.GetAsync(db, id, ct))!;
    }
}
