using System.Globalization;

namespace UpdateBot.Core.Messages;

/// <summary>How times are shown to readers: in the feed's zone, short and unambiguous.</summary>
public static class TimeLabels
{
    /// <summary>"Tue 28 Jun 10:42".</summary>
    public static string Short(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"10:42" when it is the same day as <paramref name="now"/>, else the short form.</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone);
        return local.Date == today.Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : Short(instant, zone);
    }
}
