using System.Globalization;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Commands;

/// <summary>How an event's time and place read in a chat.</summary>
internal static class EventLabels
{
    /// <summary>"Tue 28 Jun 18:00", or "Wed 29 Jun (evening)" when no time is known.</summary>
    public static string When(EventRecord e, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(e.Start, zone);
        return e.TimeKnown
            ? local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("ddd d MMM", CultureInfo.InvariantCulture) + (e.PartOfDay is { } p ? $" ({p})" : "");
    }

    public static string Where(EventRecord e)
    {
        var parts = new List<string>();
        if (e.Venue is { } venue)
        {
            parts.Add(venue);
        }

        if (e.Place is { } place && (e.Venue is null || !e.Venue.Contains(place.Name, StringComparison.OrdinalIgnoreCase)))
        {
            parts.Add(place.Name);
        }

        return string.Join(", ", parts);
    }

    public static string Distance(double km) =>
        km < 10 ? km.ToString("0.0", CultureInfo.InvariantCulture) + " km" : Math.Round(km).ToString(CultureInfo.InvariantCulture) + " km";
}
