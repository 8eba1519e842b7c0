using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Transfers;

/// <summary>
/// 开具介绍信: the sending branch (its secretary or the organization department above it) issues a transfer to another
/// branch anywhere in the system. The member stays on the sender's roster until the receiver accepts.
/// </summary>
public static class IssueTransfer
{
    public sealed record Command
    {
        public long? MemberId { get; init; }
        public long? ToOrganizationId { get; init; }
        /// <summary>Days the letter is valid, 10–180; 30 by default.</summary>
        public int? ValidityDays { get; init; }
        public string? Reason { get; init; }
        public string? LetterNumber { get; init; }
    }

    public static async Task<TransferView> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.MemberId is not > 0) errors["MemberId"] = ["A member is required."];
        if (command.ToOrganizationId is not > 0) errors["ToOrganizationId"] = ["The receiving branch is required."];
        var days = TransferRules.CheckValidityDays(command.ValidityDays, out var daysError);
        if (daysError is not null) errors["ValidityDays"] = [daysError];
        var reason = TransferRules.Text(command.Reason, TransferRules.ReasonMaxLength, "Reason", errors);
        var letter = TransferRules.Text(command.LetterNumber, TransferRules.LetterNumberMaxLength, "LetterNumber", errors);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var member = await SenderMemberAsync(db, command.MemberId!.Value, ct);

        // The receiver may lie outside the sender's scope: look it up everywhere, but only an active branch will do,
        // and the answer is the same for "no such id" and "not a branch", so it reveals nothing else.
        var target = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == command.ToOrganizationId)
            .Select(o => new { o.Id, o.Kind, o.Status }).FirstOrDefaultAsync(ct);
        if (target is null || target.Status != OrganizationStatus.Active || target.Kind is not (OrganizationKind.Branch or OrganizationKind.JointBranch))
            throw ValidationFailedException.For("ToOrganizationId", "Choose an active branch (党支部) or joint branch as the receiver.");
        TransferRules.EnsureDifferentBranch(member.OrganizationId, target.Id);

        var today = Clock.Today(db.Time);
        var transfer = new Transfer
        {
            MemberId = member.Id, Kind = TransferKind.Internal, FromOrganizationId = member.OrganizationId, ToOrganizationId = target.Id,
            RegionId = member.RegionId, LetterNumber = letter, Reason = reason, IssuedOn = today, ValidUntil = TransferRules.ValidUntil(today, days),
            IssuedBy = db.Scope.Actor, CreatedAt = Clock.UtcNow(db.Time),
        };
        await AddOpenAsync(db, transfer, ct);
        return (await TransferQueries.GetAsync(db, transfer.Id, ct))!;
    }

    /// <summary>The member in the caller's scope, active and with no open letter; shared by the letters out of the system.</summary>
    internal static async Task<Member> SenderMemberAsync(BastionDb db, long memberId, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct)
            ?? throw new NotFoundException($"Member {memberId}");
        if (member.Status != MemberStatus.Active)
            throw new DomainRuleException(TransferRules.MemberNotActive, "Only an active member can be transferred.");
        if (await HasOpenTransferAsync(db, memberId, ct))
            throw new DomainRuleException(TransferRules.AlreadyOpen, "The member already has an open transfer; it is accepted, returned or cancelled first.");
        return member;
    }

    /// <summary>Open letters anywhere count, including one issued by an organization above the caller.</summary>
    private static Task<bool> HasOpenTransferAsync(BastionDb db, long memberId, CancellationToken ct) =>
        db.Set<Transfer>().AnyAsync(t => t.MemberId == memberId && t.Status == TransferStatus.Issued, ct);

    internal static async Task AddOpenAsync(BastionDb db, Transfer transfer, CancellationToken ct)
    {
        db.Set<Transfer>().Add(transfer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two letters for one member at once: the filtered unique index stopped the second.
            db.ChangeTracker.Clear();
            if (await HasOpenTransferAsync(db, transfer.MemberId, ct))
                throw new DomainRuleException(TransferRules.AlreadyOpen, "The member already has an open transfer, issued a moment ago.");
            throw;
        }
    }
}
