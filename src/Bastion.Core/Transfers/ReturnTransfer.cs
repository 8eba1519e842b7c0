using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Transfers;

/// <summary>退回: the receiving side sends the letter back with a reason; the member stays on the sender's roster.</summary>
public static class ReturnTransfer
{
    public sealed record Command
    {
        public string? Reason { get; init; }
    }

    public static async Task<TransferView> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = TransferRules.Text(command.Reason, TransferRules.ReasonMaxLength, "Reason", errors);
        if (reason is null) errors["Reason"] = ["A reason is required when a transfer is returned."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var (transfer, _, isReceiver) = await TransferQueries.LoadForStepAsync(db, id, ct);
        transfer.Return(isReceiver, reason!, db.Scope.Actor, Clock.UtcNow(db.Time));
        await TransferSteps.SaveAsync(db, ct);
        return (await TransferQueries.GetAsync(db, id, ct))!;
    }
}
