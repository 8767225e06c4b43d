using System.Globalization;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Tests;

/// <summary>Builds entries of a made-up live blog in Europe/London and describes events compactly for assertions.</summary>
internal static class Blog
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static int counter;

    public static Entry Entry(string localTime, string text, string? id = null, string source = "blog", TimeZoneInfo? zone = null, string? title = null)
    {
        var local = DateTime.ParseExact(localTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var z = zone ?? London;
        return new Entry
        {
            SourceName = source,
            Id = id ?? $"e{Interlocked.Increment(ref counter)}",
            Published = new DateTimeOffset(local, z.GetUtcOffset(local)),
            Text = text,
            Title = title,
            Url = $"https://example.org/live#{id ?? "entry"}",
        };
    }

    /// <summary>"rally 2024-03-12 18:00 Leeds", or with "~evening" / "~day" when no time is known, "-" when no place.</summary>
    public static string Describe(EventRecord e, TimeZoneInfo? zone = null)
    {
        var local = TimeZoneInfo.ConvertTime(e.Start, zone ?? London);
        var when = e.TimeKnown
            ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " ~" + (e.PartOfDay ?? "day");
        return $"{e.Kind} {when} {e.Place?.Name ?? "-"}";
    }

    public static string[] Extract(params Entry[] entries) =>
        [.. new EventExtractor().Extract(entries, London).Select(e => Describe(e))];
}
