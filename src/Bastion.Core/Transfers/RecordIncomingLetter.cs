using Bastion.Data;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;

namespace Bastion.Transfers;

/// <summary>
/// 从系统外转入: a member arrives with a letter from an organization outside the system. The member is registered in the
/// receiving branch through <see cref="RegisterMember"/> (all its checks apply) and the letter is recorded as completed,
/// both in one transaction.
/// </summary>
public static class RecordIncomingLetter
{
    public sealed record Command
    {
        public long? ToOrganizationId { get; init; }
        /// <summary>The sending organization as written on the letter.</summary>
        public string? Source { get; init; }
        public string? LetterNumber { get; init; }
        public DateOnly? IssuedOn { get; init; }
        public int? ValidityDays { get; init; }
        public required MemberInput Member { get; init; }
    }

    public static async Task<TransferView> HandleAsync(BastionDb db, PiiProtector pii, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.ToOrganizationId is not > 0) errors["ToOrganizationId"] = ["The receiving branch is required."];
        var source = TransferRules.Text(command.Source, TransferRules.ExternalPartyMaxLength, "Source", errors);
        if (source is null) errors["Source"] = ["The sending organization is required."];
        var letter = TransferRules.Text(command.LetterNumber, TransferRules.LetterNumberMaxLength, "LetterNumber", errors);
        var days = TransferRules.CheckValidityDays(command.ValidityDays, out var daysError);
        if (daysError is not null) errors["ValidityDays"] = [daysError];
        var issuedOn = command.IssuedOn ?? today;
        if (issuedOn > today) errors["IssuedOn"] = ["The letter cannot be issued in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await RegisterMember.HandleAsync(db, pii, new RegisterMember.Command { OrganizationId = command.ToOrganizationId!.Value, Member = command.Member }, ct);
        var now = Clock.UtcNow(db.Time);
        var transfer = new Transfer
        {
            MemberId = member.Id, Kind = TransferKind.IntoSystem, ToOrganizationId = member.OrganizationId, ExternalParty = source,
            RegionId = member.RegionId, LetterNumber = letter, IssuedOn = issuedOn, ValidUntil = TransferRules.ValidUntil(issuedOn, days),
            Status = TransferStatus.Completed, AcceptedOn = today, IssuedBy = db.Scope.Actor, ClosedBy = db.Scope.Actor, ClosedAt = now, CreatedAt = now,
        };
        db.Set<Transfer>().Add(transfer);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await TransferQueries.GetAsync(db, transfer.Id, ct))!;
    }
}
