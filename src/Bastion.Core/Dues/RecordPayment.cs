using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Dues;

/// <summary>
/// 收缴党费: records one member's dues for one month, or several consecutive months at once (quarterly payment).
/// Without an amount, the amount quoted from the member's declared base is used.
/// </summary>
public static class RecordPayment
{
    public const int MaxMonthsAtOnce = 12;
    public const decimal MaxMonthlyAmount = 1_000_000m;

    public sealed record Command
    {
        public long? MemberId { get; init; }
        /// <summary>The first month paid for (any day of it).</summary>
        public DateOnly? FirstMonth { get; init; }
        /// <summary>How many consecutive months, 1 by default.</summary>
        public int? MonthCount { get; init; }
        /// <summary>Yuan per month; null to use the quote from the member's declared base.</summary>
        public decimal? MonthlyAmount { get; init; }
        /// <summary>The day the money was received; today by default.</summary>
        public DateOnly? PaidOn { get; init; }
    }

    public sealed record Result(long MemberId, IReadOnlyList<DuesPaymentView> Payments);

    public static async Task<Result> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.MemberId is not > 0) errors["MemberId"] = ["A member is required."];
        if (command.FirstMonth is null) errors["FirstMonth"] = ["The first month paid for is required."];
        var count = command.MonthCount ?? 1;
        if (count is < 1 or > MaxMonthsAtOnce) errors["MonthCount"] = [$"Between 1 and {MaxMonthsAtOnce} months can be paid at once."];
        if (command.MonthlyAmount is { } a && (a <= 0 || a > MaxMonthlyAmount || decimal.Round(a, 2) != a))
            errors["MonthlyAmount"] = ["The monthly amount is a positive number of yuan with at most two decimals."];
        var paidOn = command.PaidOn ?? today;
        if (paidOn > today) errors["PaidOn"] = ["The payment date cannot be in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var member = await db.Members.AsNoTracking().Where(m => m.Id == command.MemberId)
            .Select(m => new { m.Id, m.OrganizationId, m.RegionId, m.JoinedOn, m.Status })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Member {command.MemberId}");
        if (member.Status != MemberStatus.Active)
            throw new DomainRuleException("Dues.MemberNotActive", "Dues are recorded only for active members.");

        var rules = DuesRuleSet.Load();
        var months = DuesMonths.Consecutive(command.FirstMonth!.Value, count);
        DuesMonths.CheckPayable(months, today, member.JoinedOn, rules.Payment);

        var amount = command.MonthlyAmount ?? await QuotedAmountAsync(db, rules, member.Id, ct)
            ?? throw ValidationFailedException.For("MonthlyAmount", "The member has declared no dues base; enter the monthly amount.");

        // Months paid while the member belonged to another organization count too, so the scope filter is lifted
        // for this one member, who is in scope (checked above).
        var first = months[0];
        var last = months[^1];
        var alreadyPaid = await db.Set<DuesPayment>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.MemberId == member.Id && p.Month >= first && p.Month <= last)
            .Select(p => p.Month).OrderBy(m => m).ToListAsync(ct);
        if (alreadyPaid.Count > 0)
            throw new DomainRuleException(DuesMonths.MonthAlreadyPaidRule,
                "Already paid: " + string.Join(", ", alreadyPaid.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))) + ".");

        var now = Clock.UtcNow(db.Time);
        var rows = months.Select(m => new DuesPayment
        {
            MemberId = member.Id, OrganizationId = member.OrganizationId, RegionId = member.RegionId, Month = m, Amount = amount,
            PaidOn = paidOn, RecordedBy = db.Scope.Actor, RecordedAt = now,
        }).ToList();
        db.Set<DuesPayment>().AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people recorded the same month at once: the unique index stopped the second.
            if (await PaidMeanwhileAsync(db, member.Id, first, last, ct))
                throw new DomainRuleException(DuesMonths.MonthAlreadyPaidRule, "Some of these months were recorded a moment ago by someone else.");
            throw;
        }
        return new Result(member.Id, rows.Select(DuesPaymentView.From).ToList());
    }

    private static Task<bool> PaidMeanwhileAsync(BastionDb db, long memberId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return db.Set<DuesPayment>().IgnoreQueryFilters().AnyAsync(p => p.MemberId == memberId && p.Month >= first && p.Month <= last, ct);
    }

    private static async Task<decimal?> QuotedAmountAsync(BastionDb db, DuesRuleSet rules, long memberId, CancellationToken ct)
    {
        var declared = await db.Set<MemberDuesBase>().AsNoTracking().Where(b => b.MemberId == memberId)
            .OrderByDescending(b => b.DeclaredOn).ThenByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        return declared is null ? null : DuesCalculator.Quote(rules, declared.Category, declared.Base).MonthlyAmount;
    }
}

public sealed record DuesPaymentView(long Id, long MemberId, long OrganizationId, DateOnly Month, decimal Amount, DateOnly PaidOn, string RecordedBy)
{
    public static DuesPaymentView From(DuesPayment p) => new(p.Id, p.MemberId, p.OrganizationId, p.Month, p.Amount, p.PaidOn, p.RecordedBy);
}
