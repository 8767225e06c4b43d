using System.Globalization;
using System.Text.RegularExpressions;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Recognises text that is nothing but a timestamp: "Wednesday 29 June – 14:00", "14:00", "2.05pm",
/// "29 June 2016, 14:00 BST", "00:17 (IST) Feb 26", ISO 8601.
/// </summary>
internal static partial class TimestampText
{
    private const string Weekday =
        @"(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?";

    private const string Month =
        @"(?<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?";

    private const string Date =
        @"(?:(?:" + Weekday + @"[,\s]*)?(?:(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + "|" + Month + @"\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?<year>[0-9]{4}))?)";

    // "14.05 Uhr" and "14:05 h" are how German, Spanish and other pages write a 24-hour time.
    private const string Time =
        @"(?:(?<h>[0-9]{1,2})(?:[:.](?<m>[0-9]{2}))?\s*(?<ampm>[ap])\.?m\.?|(?<h>[0-9]{1,2})[:.h](?<m>[0-9]{2})(?:[:.][0-9]{2})?(?:\s*(?:uhr|h)\b)?)";

    private const string Zone =
        @"(?:\(?(?<tz>GMT|UTC|BST|CEST|CET|EEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|AEST|AEDT|Z)(?<tzoff>[+-][0-9]{1,2}(?::?[0-9]{2})?)?\)?|(?<tzoff>[+-][0-9]{2}:?[0-9]{2}))";

    private const string Sep = @"\s*(?:[–—\-,|•·]|\bat\b)?\s*";

    [GeneratedRegex(
        @"^\s*(?:posted(?:\s+at)?:?\s*)?(?:" + Date + Sep + @")?" + Time + @"(?:\s*" + Zone + @")?(?:" + Sep + Date + @")?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s*" + Date + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"^\s*(?:last\s+)?updated(?:\s+at|\s+on)?:?\s*(?<when>.{4,60})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedPattern();

    /// <summary>Recognises an "updated" stamp inside an entry: "Last Updated: 10:21 GMT+1 Tuesday, 28 June 2016".</summary>
    public static bool TryParseUpdated(ReadOnlySpan<char> text, TimeZoneInfo zone, out TimestampParts parts)
    {
        parts = null!;

        // The pattern needs the word "updated": most lines are not looked at any further.
        if (text.Length > 90 || !text.Contains("updated", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var match = UpdatedPattern().Match(text.ToString());
        return match.Success && TryParse(match.Groups["when"].Value, zone, out parts);
    }

    /// <summary>Longest text that is still considered a bare timestamp heading.</summary>
    public const int MaxLength = 64;

    public static bool TryParse(string? text, TimeZoneInfo zone, out TimestampParts parts)
    {
        parts = null!;
        // Both patterns need an ASCII digit: most short lines ("Share", "Read more") go no further.
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || !HasDigit(text))
        {
            return false;
        }

        var trimmed = text.Trim().Replace('\u00a0', ' ');
        if (IsoPattern().IsMatch(trimmed) && TryParseIso(trimmed, zone, out var instant))
        {
            parts = instant;
            return true;
        }

        Match match;
        try
        {
            match = HeadingPattern().Match(trimmed);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = char.ToLowerInvariant(match.Groups["ampm"].Value[0]) == 'p';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        if (!TryReadDate(match, out var date))
        {
            return false;
        }

        parts = date with
        {
            Hour = hour,
            Minute = minute,
            Offset = OffsetOf(match, zone),
        };
        return true;
    }

    /// <summary>
    /// Recognises text that is nothing but a date, without a time: "Jul 18, 2025", "Tuesday 28 June", "28 June 2016"
    /// (a day heading over the times of that day, or the date beside a time).
    /// </summary>
    public static bool TryParseDate(string text, out TimestampParts date)
    {
        date = null!;
        if (text.Length is < 5 or > 40 || !HasDigit(text))
        {
            return false;
        }

        var match = DatePattern().Match(text.Replace('\u00a0', ' '));
        if (!match.Success)
        {
            return false;
        }

        return TryReadDate(match, out date);
    }

    /// <summary>The date parts a match names (day, month, year, weekday; none when it names no month), or false for a day out of range.</summary>
    private static bool TryReadDate(Match match, out TimestampParts date)
    {
        date = new TimestampParts
        {
            Weekday = match.Groups["wd"].Success ? WeekdayOf(match.Groups["wd"].Value) : null,
        };
        if (!match.Groups["mon"].Success)
        {
            return true;
        }

        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31)
        {
            return false;
        }

        date = date with
        {
            Day = day,
            Month = MonthOf(match.Groups["mon"].Value),
            Year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null,
        };
        return true;
    }

    /// <summary>Longest text looked at for a timestamp that leads a headline.</summary>
    public const int MaxHeadlineLength = 300;

    /// <summary>
    /// Recognises a heading that is a timestamp followed by a headline: "11.04 Uhr: Talks resume", "2.05pm – Vote
    /// passed", "14:00 | Statement". The headline must start with a letter, a digit or a quote after the separator.
    /// </summary>
    public static bool TryParseLeading(string text, TimeZoneInfo zone, out TimestampParts parts, out string headline)
    {
        parts = null!;
        headline = "";
        if (text.Length > MaxHeadlineLength || text.Length < 4 || !HasDigit(text))
        {
            return false;
        }

        var limit = Math.Min(text.Length - 1, MaxLength);
        for (var i = 1; i < limit; i++)
        {
            var c = text[i];
            var separator = c is ':' or '|' or '–' or '—' || (c == '-' && text[i - 1] == ' ' && text[i + 1] == ' ');
            if (!separator || (c == ':' && char.IsAsciiDigit(text[i + 1])))
            {
                continue;
            }

            var rest = text.AsSpan(i + 1).Trim();
            if (rest.Length >= 3 && (char.IsLetterOrDigit(rest[0]) || rest[0] is '"' or '\'' or '‘' or '“' or '«' or '„')
                && TryParse(text[..i], zone, out parts))
            {
                headline = rest.ToString();
                return true;
            }
        }

        return false;
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses an ISO 8601 / RFC 3339 instant; without an offset it is read in <paramref name="zone"/>.</summary>
    public static bool TryParseIso(string text, TimeZoneInfo zone, out TimestampParts parts)
    {
        parts = null!;
        var trimmed = text.Trim();
        if (trimmed.Length < 10)
        {
            return false;
        }

        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') ||
            (trimmed.Length > 16 && trimmed.AsSpan(16).IndexOfAny('+', '-') >= 0);
        if (hasOffset)
        {
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
            {
                parts = TimestampParts.At(exact);
                return true;
            }

            return false;
        }

        if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            parts = TimestampParts.At(ZoneTime.Resolve(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone, null));
            return true;
        }

        return false;
    }

    /// <summary>The instant of fully dated parts (year given), or null.</summary>
    public static DateTimeOffset? InstantOf(TimestampParts parts, TimeZoneInfo zone)
    {
        if (parts.Instant is { } instant)
        {
            return instant;
        }

        if (parts is not { HasDate: true, Year: { } year } || parts.Day > DateTime.DaysInMonth(year, parts.Month!.Value))
        {
            return null;
        }

        var local = new DateTime(year, parts.Month!.Value, parts.Day!.Value, parts.Hour, parts.Minute, 0, DateTimeKind.Unspecified);
        return parts.Offset is { } offset ? new DateTimeOffset(local, offset) : ZoneTime.Resolve(local, zone, null);
    }

    private static int MonthOf(string name)
    {
        var key = name.ToLowerInvariant().AsSpan(0, 3);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (key.SequenceEqual(MonthNames[i]))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static DayOfWeek WeekdayOf(string name) => name.ToLowerInvariant()[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static TimeSpan? OffsetOf(Match match, TimeZoneInfo zone)
    {
        TimeSpan? offset = null;
        if (match.Groups["tz"].Success)
        {
            offset = match.Groups["tz"].Value.ToUpperInvariant() switch
            {
                "GMT" or "UTC" or "Z" => TimeSpan.Zero,
                "BST" or "CET" => TimeSpan.FromHours(1),
                "CEST" or "EET" => TimeSpan.FromHours(2),
                "EEST" => TimeSpan.FromHours(3),
                "EST" => TimeSpan.FromHours(-5),
                "EDT" => TimeSpan.FromHours(-4),
                "CDT" => TimeSpan.FromHours(-5),
                "CST" => TimeSpan.FromHours(-6),
                "MST" => TimeSpan.FromHours(-7),
                "MDT" => TimeSpan.FromHours(-6),
                "PST" => TimeSpan.FromHours(-8),
                "PDT" => TimeSpan.FromHours(-7),
                "AEST" => TimeSpan.FromHours(10),
                "AEDT" => TimeSpan.FromHours(11),
                "IST" => IstOffset(zone),
                _ => null,
            };
        }

        if (match.Groups["tzoff"].Success)
        {
            var raw = match.Groups["tzoff"].Value.Replace(":", "", StringComparison.Ordinal);
            var sign = raw[0] == '-' ? -1 : 1;
            var digits = raw[1..];
            var hours = int.Parse(digits.Length <= 2 ? digits : digits[..^2], CultureInfo.InvariantCulture);
            var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return offset;
            }

            offset = (offset ?? TimeSpan.Zero) + (sign * new TimeSpan(hours, minutes, 0));
        }

        return offset;
    }

    /// <summary>"IST" is Irish, Israel or India Standard Time; the configured zone decides, India by default.</summary>
    private static TimeSpan IstOffset(TimeZoneInfo zone) => zone.Id switch
    {
        "Europe/Dublin" => TimeSpan.FromHours(1),
        "Asia/Jerusalem" or "Asia/Tel_Aviv" => TimeSpan.FromHours(2),
        _ => new TimeSpan(5, 30, 0),
    };
}
