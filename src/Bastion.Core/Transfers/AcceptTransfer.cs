using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Transfers;

/// <summary>
/// 接收: the receiving side accepts; the member moves to the receiving branch in the same transaction as the letter's
/// state, so the member is on exactly one roster before and after.
/// </summary>
public static class AcceptTransfer
{
    public static async Task<TransferView> HandleAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var (transfer, _, isReceiver) = await TransferQueries.LoadForStepAsync(db, id, ct);
        transfer.Accept(isReceiver, Clock.Today(db.Time), db.Scope.Actor, Clock.UtcNow(db.Time));

        // The member is still on the sender's roster, which the receiver's scope does not cover: the filter is lifted
        // for this one member of a letter the caller may act on.
        var member = await db.Members.IgnoreQueryFilters().FirstAsync(m => m.Id == transfer.MemberId, ct);
        if (member.Status != MemberStatus.Active)
            throw new DomainRuleException(TransferRules.MemberNotActive, "The member is no longer active; the sender cancels the letter.");
        if (member.OrganizationId != transfer.FromOrganizationId)
            throw new DomainRuleException(TransferRules.MemberMoved, "The member is no longer in the sending branch; the sender cancels the letter.");
        var receiver = await db.Organizations.Where(o => o.Id == transfer.ToOrganizationId).Select(o => new { o.Id, o.RegionId }).FirstAsync(ct);
        member.OrganizationId = receiver.Id;
        member.RegionId = receiver.RegionId;
        await TransferSteps.SaveAsync(db, ct);
        return (await TransferQueries.GetAsync(db, id, ct))!;
    }
}

internal static class TransferSteps
{
    /// <summary>Saves one step; a step someone else took a moment ago is the "not open" rule, not an error.</summary>
    public static async Task SaveAsync(BastionDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(TransferRules.NotOpen, "Someone acted on this transfer a moment ago; reload it.");
        }
    }
}
