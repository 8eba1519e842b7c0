using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Appraisals;

/// <summary>Closes a round once every full member has a grade; the record is then read-only history.</summary>
public static class CloseAppraisal
{
    public static async Task<AppraisalRound> HandleAsync(BastionDb db, long roundId, CancellationToken ct = default)
    {
        var round = await OpenAppraisal.OpenRoundAsync(db, roundId, ct);
        var ungraded = await db.Set<AppraisalEntry>()
            .CountAsync(e => e.RoundId == round.Id && e.Category == Members.MemberCategory.Full && e.Grade == null, ct);
        if (ungraded > 0)
            throw new DomainRuleException(AppraisalRules.UngradedRule, $"{ungraded} full members have no grade yet.");
        round.Status = AppraisalStatus.Closed;
        round.ClosedOn = Clock.Today(db.Time);
        await db.SaveChangesAsync(ct);
        return round;
    }
}
