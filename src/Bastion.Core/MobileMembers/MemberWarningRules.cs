using Bastion.Dues;

namespace Bastion.MobileMembers;

/// <summary>
/// A fact that needs a person's attention (预警). Warnings never change a member's status: the branch looks into the
/// case and decides (DOMAIN §5).
/// </summary>
public sealed record MemberWarning(
    string Rule, long? MemberId, string Name, long OrganizationId, long? MobileRecordId, DateOnly Since, int Months,
    string Fact, string Action, string Source);

/// <summary>What the warning rules look at for one active mobile record.</summary>
public sealed record MobileFacts(
    long RecordId, long? MemberId, string Name, long OrganizationId, MobileDirection Direction, MobileStatus Status, bool FixedPlace,
    DateOnly LeftOn, DateOnly? LastContactOn);

/// <summary>What the dues rule looks at for one member: admission and the months paid in the look-back window.</summary>
public sealed record DuesFacts(long MemberId, string Name, long OrganizationId, DateOnly JoinedOn, IReadOnlySet<DateOnly> PaidMonths);

/// <summary>The named warning rules, pure: facts and today in, warnings out.</summary>
public static class MemberWarningRules
{
    public const string NoContact = "Mobile.NoContact6Months";
    public const string ShouldTransfer = "Mobile.AwayOver6MonthsShouldTransfer";
    public const string NoDues = "Status.NoDues6Months";

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (a day short of a month does not count).</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(months) > to) months--;
        return Math.Max(0, months);
    }

    /// <summary>
    /// An active out-flow member whose last contact (or departure, when never contacted) lies MORE than the limit back:
    /// exactly six months is still in time, six months and a day is not (失去联系).
    /// </summary>
    public static MemberWarning? NoContactTooLong(MobileFacts f, DateOnly today, MemberStatusRuleSet rules)
    {
        if (f is not { Direction: MobileDirection.OutFlow, Status: MobileStatus.Active }) return null;
        var lastSeen = f.LastContactOn is { } c && c > f.LeftOn ? c : f.LeftOn;
        if (lastSeen.AddMonths(rules.NoContactMonths) >= today) return null;
        var months = WholeMonths(lastSeen, today);
        return new MemberWarning(NoContact, f.MemberId, f.Name, f.OrganizationId, f.RecordId, lastSeen, months,
            $"No contact with this mobile member since {lastSeen:yyyy-MM-dd} ({months} months).",
            "Reach the member (phone, host organization, family) and record the contact; if the member cannot be found, report to the upper committee — " +
            "a member out of contact for 6 months has membership suspended only by the organization's decision.",
            rules.NoContactSource);
    }

    /// <summary>An active out-flow member at a fixed place for the limit or longer (exactly six months counts) should transfer.</summary>
    public static MemberWarning? ShouldTransferMembership(MobileFacts f, DateOnly today, MemberStatusRuleSet rules)
    {
        if (f is not { Direction: MobileDirection.OutFlow, Status: MobileStatus.Active, FixedPlace: true }) return null;
        if (f.LeftOn.AddMonths(rules.ShouldTransferAfterMonths) > today) return null;
        var months = WholeMonths(f.LeftOn, today);
        return new MemberWarning(ShouldTransfer, f.MemberId, f.Name, f.OrganizationId, f.RecordId, f.LeftOn, months,
            $"Away at a fixed place since {f.LeftOn:yyyy-MM-dd} ({months} months) without transferring.",
            "Ask the member to transfer the membership (组织关系转接) to the organization where they work or live; the branch stays responsible until it is accepted.",
            rules.ShouldTransferSource);
    }

    /// <summary>
    /// The run of unpaid months ending with last month (the current month is not yet late), counting only months since
    /// admission: six or more in a row is the dues-lapse warning (连续六个月不交纳党费).
    /// </summary>
    public static MemberWarning? NoDuesTooLong(DuesFacts f, DateOnly today, DuesPaymentRules rules)
    {
        var run = TrailingUnpaidMonths(f.JoinedOn, f.PaidMonths, today, LookBackMonths);
        if (run < rules.LapseAfterUnpaidMonths) return null;
        var since = DuesMonths.MonthOf(today).AddMonths(-run);
        return new MemberWarning(NoDues, f.MemberId, f.Name, f.OrganizationId, null, since, run,
            $"No dues paid for {run} consecutive months since {since:yyyy-MM}.",
            "Talk with the member to learn why; record the payments if they were paid, help with back-payment (at most 6 months), " +
            "and if there is no good reason bring the case to the branch — the rule treats it as leaving the party only by the branch's decision.",
            rules.LapseSource);
    }

    /// <summary>The dues facts cover this many months, ending with last month; a longer run reads as this many.</summary>
    public const int LookBackMonths = 12;

    /// <summary>Consecutive unpaid months ending with last month, not before admission, looking back at most <paramref name="lookBack"/> months.</summary>
    public static int TrailingUnpaidMonths(DateOnly joinedOn, IReadOnlySet<DateOnly> paid, DateOnly today, int lookBack)
    {
        var first = DuesMonths.MonthOf(joinedOn);
        var run = 0;
        for (var m = DuesMonths.MonthOf(today).AddMonths(-1); m >= first && run < lookBack && !paid.Contains(m); m = m.AddMonths(-1)) run++;
        return run;
    }

    /// <summary>All warnings for the facts, most urgent rule first.</summary>
    public static IReadOnlyList<MemberWarning> Evaluate(
        IEnumerable<MobileFacts> mobile, IEnumerable<DuesFacts> dues, DateOnly today, MemberStatusRuleSet rules, DuesPaymentRules duesRules)
    {
        var warnings = new List<MemberWarning>();
        foreach (var f in mobile)
        {
            if (NoContactTooLong(f, today, rules) is { } a) warnings.Add(a);
            if (ShouldTransferMembership(f, today, rules) is { } b) warnings.Add(b);
        }
        foreach (var f in dues)
            if (NoDuesTooLong(f, today, duesRules) is { } c) warnings.Add(c);
        return warnings;
    }
}
