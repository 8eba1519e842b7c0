using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Dues;

/// <summary>Records a member's dues category and base (monthly pay after tax or pension) and answers the monthly amount it gives.</summary>
public static class DeclareDuesBase
{
    public sealed record Command
    {
        public string? Category { get; init; }
        public decimal? Base { get; init; }
    }

    public static async Task<DuesQuote> HandleAsync(BastionDb db, long memberId, Command command, CancellationToken ct = default)
    {
        var quote = DuesCalculator.Quote(DuesRuleSet.Load(), command.Category, command.Base);
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) throw new NotFoundException($"Member {memberId}");
        db.Set<MemberDuesBase>().Add(new MemberDuesBase
        {
            MemberId = memberId, Category = quote.Category, Base = quote.Base, DeclaredOn = Clock.Today(db.Time),
        });
        await db.SaveChangesAsync(ct);
        return quote;
    }
}
