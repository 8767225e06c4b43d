using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using UpdateBot.Core.Events;
using EventStatus = UpdateBot.Core.Events.EventStatus;

namespace UpdateBot.Events.Calendar;

/// <summary>
/// Writes events as an RFC 5545 calendar: times with TZID of the feed's zone and a matching VTIMEZONE; events without
/// a known time as all-day events; cancelled events with STATUS:CANCELLED.
/// </summary>
public static class IcsCalendarWriter
{
    public static string Write(IEnumerable<EventRecord> events, TimeZoneInfo zone, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(zone);
        var list = events.ToList();
        var calendar = new Ical.Net.Calendar { ProductId = "-//UpdateBot//Events//EN", Method = "PUBLISH" };
        var earliest = list.Count > 0 ? list.Min(e => e.Start).DateTime.AddDays(-1) : stamp.DateTime;
        calendar.AddTimeZone(zone.Id, earliest, includeHistoricalData: false);
        foreach (var e in list)
        {
            var local = TimeZoneInfo.ConvertTime(e.Start, zone).DateTime;
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@updatebot",
                Summary = e.Title,
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC", true),
                Status = e.Status == EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Location = LocationOf(e),
                Url = e.Url is not null && Uri.TryCreate(e.Url, UriKind.Absolute, out var url) ? url : null,
                Description = $"{e.Kind}{(e.Status == EventStatus.Moved ? " (moved)" : "")}",
            };
            if (e.TimeKnown)
            {
                item.DtStart = new CalDateTime(local, zone.Id, true);
                var end = e.End is { } en ? TimeZoneInfo.ConvertTime(en, zone).DateTime : local.AddHours(2);
                item.DtEnd = new CalDateTime(end, zone.Id, true);
            }
            else
            {
                item.DtStart = new CalDateTime(DateOnly.FromDateTime(local));
                item.DtEnd = new CalDateTime(DateOnly.FromDateTime(local).AddDays(1));
            }

            if (e.Place is { } place)
            {
                item.GeographicLocation = new GeographicLocation(place.Location.Latitude, place.Location.Longitude);
            }

            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string? LocationOf(EventRecord e) =>
        (e.Venue, e.Place?.Name) switch
        {
            (null, null) => null,
            ({ } v, null) => v,
            (null, { } p) => p,
            ({ } v, { } p) => v.Contains(p, StringComparison.OrdinalIgnoreCase) ? v : $"{v}, {p}",
        };
}
