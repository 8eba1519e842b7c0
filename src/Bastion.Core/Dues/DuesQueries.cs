using Bastion.Data;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Dues;

public sealed record MemberDuesStatus(long MemberId, MemberDuesBaseView? DeclaredBase, DuesQuote? Quote, IReadOnlyList<DuesPaymentView> Payments);

public sealed record MemberDuesBaseView(string Category, decimal? Base, DateOnly DeclaredOn);

public static class DuesQueries
{
    public const int RecentPayments = 24;

    /// <summary>A member's declared base, the amount it gives, and the latest payments (wherever recorded); null when the member is out of scope.</summary>
    public static async Task<MemberDuesStatus?> OfMemberAsync(BastionDb db, long memberId, CancellationToken ct = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) return null;
        var declared = await db.Set<MemberDuesBase>().AsNoTracking().Where(b => b.MemberId == memberId)
            .OrderByDescending(b => b.DeclaredOn).ThenByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        // The member is in scope; their payments from earlier organizations belong to their record.
        var payments = await db.Set<DuesPayment>().IgnoreQueryFilters().AsNoTracking().Where(p => p.MemberId == memberId)
            .OrderByDescending(p => p.Month).Take(RecentPayments).ToListAsync(ct);
        return new MemberDuesStatus(memberId,
            declared is null ? null : new MemberDuesBaseView(declared.Category.Code(), declared.Base, declared.DeclaredOn),
            declared is null ? null : DuesCalculator.Quote(DuesRuleSet.Load(), declared.Category, declared.Base),
            payments.Select(DuesPaymentView.From).ToList());
    }
}
