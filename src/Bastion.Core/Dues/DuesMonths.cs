using Bastion.Shared;

namespace Bastion.Dues;

/// <summary>Pure month arithmetic for dues: which months may be paid, which are unpaid, and for how long in a row.</summary>
public static class DuesMonths
{
    public const string BackPaymentLimitRule = "Dues.BackPaymentLimit";
    public const string MonthAlreadyPaidRule = "Dues.MonthAlreadyPaid";
    public const string BeforeAdmissionRule = "Dues.BeforeAdmission";

    /// <summary>The month a date falls in, as its first day.</summary>
    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    public static IReadOnlyList<DateOnly> Consecutive(DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(i => MonthOf(first).AddMonths(i)).ToList();

    /// <summary>The oldest month that may still be paid today (补交 at most <paramref name="limitMonths"/> months back).</summary>
    public static DateOnly OldestPayable(DateOnly today, int limitMonths) => MonthOf(today).AddMonths(-limitMonths);

    /// <summary>Refuses months older than the back-payment limit, and months before the member's admission (入党).</summary>
    public static void CheckPayable(IReadOnlyList<DateOnly> months, DateOnly today, DateOnly joinedOn, DuesPaymentRules rules)
    {
        var oldest = OldestPayable(today, rules.BackPaymentLimitMonths);
        if (months.Any(m => m < oldest))
            throw new DomainRuleException(BackPaymentLimitRule,
                $"Dues can be paid at most {rules.BackPaymentLimitMonths} months back; the oldest payable month is {oldest:yyyy-MM} ({rules.BackPaymentSource}).");
        if (months.Any(m => m < MonthOf(joinedOn)))
            throw new DomainRuleException(BeforeAdmissionRule, $"The member pays dues from admission on {joinedOn:yyyy-MM-dd}; earlier months are not due.");
    }

    /// <summary>
    /// Months from <paramref name="from"/> to <paramref name="to"/> (inclusive, first days) that are due — not before the
    /// member's admission — and not paid, oldest first.
    /// </summary>
    public static IReadOnlyList<DateOnly> Unpaid(DateOnly from, DateOnly to, DateOnly joinedOn, IReadOnlySet<DateOnly> paid)
    {
        var start = MonthOf(from) < MonthOf(joinedOn) ? MonthOf(joinedOn) : MonthOf(from);
        var unpaid = new List<DateOnly>();
        for (var m = start; m <= MonthOf(to); m = m.AddMonths(1))
            if (!paid.Contains(m)) unpaid.Add(m);
        return unpaid;
    }

    /// <summary>The longest run of consecutive months in an ascending list of months.</summary>
    public static int LongestRun(IReadOnlyList<DateOnly> months)
    {
        var (longest, run) = (0, 0);
        for (var i = 0; i < months.Count; i++)
        {
            run = i > 0 && months[i - 1].AddMonths(1) == months[i] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
