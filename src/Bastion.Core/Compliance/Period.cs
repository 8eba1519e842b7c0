using System.Globalization;

namespace Bastion.Compliance;

public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
}

/// <summary>A calendar period (month, quarter or year) in local dates; its label reads "2026-03", "2026Q2" or "2026".</summary>
public readonly record struct Period(PeriodKind Kind, int Year, int Index)
{
    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Index, 1),
        PeriodKind.Quarter => new DateOnly(Year, (Index - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public string Label => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Index:00}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Index}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => Label;

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    /// <summary>The period of this kind that contains <paramref name="day"/>.</summary>
    public static Period Of(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Month => new Period(kind, day.Year, day.Month),
        PeriodKind.Quarter => new Period(kind, day.Year, (day.Month - 1) / 3 + 1),
        _ => new Period(kind, day.Year, 1),
    };

    /// <summary>Periods of <paramref name="kind"/> whose last day lies in [from, to]: what falls due in that range.</summary>
    public static IEnumerable<Period> EndingIn(PeriodKind kind, DateOnly from, DateOnly to)
    {
        for (var p = Of(kind, from); p.Start <= to; p = p.Next())
            if (p.End >= from && p.End <= to) yield return p;
    }

    public Period Next() => Kind switch
    {
        PeriodKind.Month => Index == 12 ? new Period(Kind, Year + 1, 1) : this with { Index = Index + 1 },
        PeriodKind.Quarter => Index == 4 ? new Period(Kind, Year + 1, 1) : this with { Index = Index + 1 },
        _ => new Period(Kind, Year + 1, 1),
    };

    /// <summary>Parses a report range: "2026" (the year), "2026Q2" (a quarter) or "2026-05" (a month). Null when malformed.</summary>
    public static Period? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim().ToUpperInvariant();
        static bool Year(string s, out int y) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out y) && s.Length == 4 && y is >= 1921 and <= 9999;
        if (text.Length == 4 && Year(text, out var year)) return new Period(PeriodKind.Year, year, 1);
        if (text.Length == 6 && text[4] == 'Q' && Year(text[..4], out year) && text[5] is >= '1' and <= '4')
            return new Period(PeriodKind.Quarter, year, text[5] - '0');
        if (text.Length == 7 && text[4] == '-' && Year(text[..4], out year)
            && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            return new Period(PeriodKind.Month, year, month);
        return null;
    }
}
