using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UpdateBot.Core.Entries;

namespace UpdateBot.Events.Cli;

/// <summary>
/// Reads a live blog saved as plain text: entries headed "Weekday D Month – HH:MM" (newest first or oldest first).
/// The year is not in such headings: the given year is tried, then neighbours whose weekdays agree.
/// </summary>
public static partial class PlainTextLiveBlog
{
    public static IReadOnlyList<Entry> Parse(string text, int year, TimeZoneInfo zone, string sourceName = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var entries = new List<Entry>();
        var matches = Heading().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var bodyStart = m.Index + m.Length;
            var bodyEnd = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var body = Normalize(text[bodyStart..bodyEnd]);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = DateTime.ParseExact(m.Groups["mon"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
            var weekday = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value, ignoreCase: true);
            var y = Enumerable.Range(0, 8).SelectMany(k => new[] { year - k, year + k })
                .FirstOrDefault(c => day <= DateTime.DaysInMonth(c, month) && new DateTime(c, month, day, 0, 0, 0, DateTimeKind.Unspecified).DayOfWeek == weekday, year);
            var local = new DateTime(y, month, day, int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture), 0, DateTimeKind.Unspecified);
            var published = new DateTimeOffset(local, zone.GetUtcOffset(local));
            entries.Add(new Entry
            {
                SourceName = sourceName,
                Id = published.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture),
                Published = published,
                Text = body,
            });
        }

        return entries;
    }

    private static string Normalize(string body)
    {
        var sb = new StringBuilder();
        foreach (var para in Regex.Split(body.Trim(), @"\n\s*\n"))
        {
            var p = para.Trim();
            if (p.Length > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append("\n\n");
                }

                sb.Append(p);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?<d>\d{1,2})\s+(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s*[–—-]\s*(?<h>\d{1,2}):(?<min>\d{2})\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
