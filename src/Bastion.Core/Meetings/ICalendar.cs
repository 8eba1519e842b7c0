using System.Globalization;
using System.Text;

namespace Bastion.Meetings;

/// <summary>One event of a feed.</summary>
public sealed record CalendarEvent(string Uid, DateTime StartsAt, DateTime EndsAt, string Summary, string? Location, string? Description,
    bool Cancelled, DateTime Stamp, string? Url);

/// <summary>
/// Writes an RFC 5545 calendar: CRLF line ends, TEXT values escaped (backslash, semicolon, comma, newline), lines
/// folded at 75 octets without splitting a UTF-8 sequence, times in UTC ("Z").
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<CalendarEvent> events)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Bastion//Meetings//ZH");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(name));
        Line(sb, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + Escape(e.Uid));
            Line(sb, "DTSTAMP:" + Utc(e.Stamp));
            Line(sb, "DTSTART:" + Utc(e.StartsAt));
            Line(sb, "DTEND:" + Utc(e.EndsAt));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (e.Location is { Length: > 0 } location) Line(sb, "LOCATION:" + Escape(location));
            if (e.Description is { Length: > 0 } description) Line(sb, "DESCRIPTION:" + Escape(description));
            if (e.Url is { Length: > 0 } url) Line(sb, "URL:" + url);
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Utc(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded at 75 octets (§3.1): continuation lines start with one space.</summary>
    public static void Line(StringBuilder sb, string line)
    {
        var limit = 75;
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var step = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, step));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(line, i, step);
            octets += size;
            i += step;
        }
        sb.Append("\r\n");
    }
}
