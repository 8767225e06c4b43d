using System.Globalization;
using System.Text.RegularExpressions;

namespace UpdateBot.Sources.Parsing;

/// <summary>Dates as feeds write them: RFC 822 (with its many sloppy variants), W3C-DTF / ISO 8601.</summary>
internal static partial class FeedDates
{
    [GeneratedRegex(
        @"^\s*(?:[A-Za-z]{2,9}\.?,?\s*)?(?<d>[0-9]{1,2})[\s\-]+(?<mon>[A-Za-z]{3,9})\.?[\s\-]+(?<y>[0-9]{2,4})(?:[\sT]+(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.[0-9]+)?)?)?\s*(?<tz>[A-Za-z]{1,5}|[+-][0-9]{2}:?[0-9]{2}|[+-][0-9]{1,2})?\s*(?:\([^)]*\))?\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(
        @"^\s*(?<y>[0-9]{4})(?:-?(?<m>[0-9]{2})(?:-?(?<d>[0-9]{2}))?)?(?:[T\s](?<h>[0-9]{2}):?(?<mi>[0-9]{2})(?::?(?<s>[0-9]{2})(?:[.,][0-9]+)?)?)?\s*(?<tz>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex W3cDtf();

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? value, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 80)
        {
            return null;
        }

        try
        {
            return ParseW3c(value, zone) ?? ParseRfc822(value, zone);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ParseW3c(string value, TimeZoneInfo zone)
    {
        var m = W3cDtf().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m, "y");
        var month = m.Groups["m"].Success ? Int(m, "m") : 1;
        var day = m.Groups["d"].Success ? Int(m, "d") : 1;
        var hour = m.Groups["h"].Success ? Int(m, "h") : 0;
        var minute = m.Groups["mi"].Success ? Int(m, "mi") : 0;
        var second = m.Groups["s"].Success ? Int(m, "s") : 0;
        return Build(year, month, day, hour, minute, second, m.Groups["tz"].Success ? m.Groups["tz"].Value : null, zone, utcDefault: m.Groups["h"].Success);
    }

    private static DateTimeOffset? ParseRfc822(string value, TimeZoneInfo zone)
    {
        var m = Rfc822().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var monthName = m.Groups["mon"].Value.ToLowerInvariant();
        var month = Array.FindIndex(Months, n => monthName.StartsWith(n, StringComparison.Ordinal)) + 1;
        if (month == 0)
        {
            return null;
        }

        var year = Int(m, "y");
        if (m.Groups["y"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var hour = m.Groups["h"].Success ? Int(m, "h") : 0;
        var minute = m.Groups["mi"].Success ? Int(m, "mi") : 0;
        var second = m.Groups["s"].Success ? Int(m, "s") : 0;
        return Build(year, month, Int(m, "d"), hour, minute, second, m.Groups["tz"].Success ? m.Groups["tz"].Value : null, zone, utcDefault: true);
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, string? tz, TimeZoneInfo zone, bool utcDefault)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        var extraDay = hour == 24;
        var local = new DateTime(year, month, day, extraDay ? 0 : hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        if (extraDay)
        {
            local = local.AddDays(1);
        }

        TimeSpan? offset = tz is null ? (utcDefault ? TimeSpan.Zero : null) : Offset(tz);
        return offset is { } o ? new DateTimeOffset(local, o) : ZoneTime.Resolve(local, zone, null);
    }

    private static TimeSpan? Offset(string tz)
    {
        if (tz[0] is '+' or '-')
        {
            var digits = tz[1..].Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits.Length <= 2 ? digits : digits[..2], CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
            var span = new TimeSpan(hours, minutes, 0);
            return hours > 14 || minutes > 59 ? TimeSpan.Zero : tz[0] == '-' ? -span : span;
        }

        return tz.ToUpperInvariant() switch
        {
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "BST" or "CET" => TimeSpan.FromHours(1),
            "CEST" => TimeSpan.FromHours(2),
            _ => TimeSpan.Zero,
        };
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);
}
