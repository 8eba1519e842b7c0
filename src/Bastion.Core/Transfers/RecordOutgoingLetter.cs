using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Transfers;

/// <summary>
/// 转出系统外: records a letter to an organization outside the system. The member stays an active member of the
/// sending branch — the sender stays responsible (JYGL §25) — until the return slip (回执) comes back
/// (<see cref="RecordReturnSlip"/>); only then is the member marked transferred out.
/// </summary>
public static class RecordOutgoingLetter
{
    public sealed record Command
    {
        public long? MemberId { get; init; }
        /// <summary>The receiving organization as written on the letter.</summary>
        public string? Destination { get; init; }
        public int? ValidityDays { get; init; }
        public string? Reason { get; init; }
        public string? LetterNumber { get; init; }
        /// <summary>The day the letter was issued; today by default.</summary>
        public DateOnly? IssuedOn { get; init; }
    }

    public static async Task<TransferView> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.MemberId is not > 0) errors["MemberId"] = ["A member is required."];
        var destination = TransferRules.Text(command.Destination, TransferRules.ExternalPartyMaxLength, "Destination", errors);
        if (destination is null) errors["Destination"] = ["The receiving organization is required."];
        var days = TransferRules.CheckValidityDays(command.ValidityDays, out var daysError);
        if (daysError is not null) errors["ValidityDays"] = [daysError];
        var reason = TransferRules.Text(command.Reason, TransferRules.ReasonMaxLength, "Reason", errors);
        var letter = TransferRules.Text(command.LetterNumber, TransferRules.LetterNumberMaxLength, "LetterNumber", errors);
        var issuedOn = command.IssuedOn ?? today;
        if (issuedOn > today) errors["IssuedOn"] = ["The letter cannot be issued in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var member = await IssueTransfer.SenderMemberAsync(db, command.MemberId!.Value, ct);
        var transfer = new Transfer
        {
            MemberId = member.Id, Kind = TransferKind.OutOfSystem, FromOrganizationId = member.OrganizationId, ExternalParty = destination,
            RegionId = member.RegionId, LetterNumber = letter, Reason = reason, IssuedOn = issuedOn, ValidUntil = TransferRules.ValidUntil(issuedOn, days),
            IssuedBy = db.Scope.Actor, CreatedAt = Clock.UtcNow(db.Time),
        };
        await IssueTransfer.AddOpenAsync(db, transfer, ct);
        return (await TransferQueries.GetAsync(db, transfer.Id, ct))!;
    }
}
