using System.Globalization;
using UpdateBot.Core.Events;
using UpdateBot.Core.Messages;
using UpdateBot.Web.Feeds;

namespace UpdateBot.Web.StatusPage;

internal static class EventRows
{
    public static EventRow From(EventRecord e, TimeZoneInfo zone)
    {
        var when = e.TimeKnown
            ? TimeLabels.Short(e.Start, zone)
            : TimeZoneInfo.ConvertTime(e.Start, zone).ToString("ddd d MMM", CultureInfo.InvariantCulture) + (e.PartOfDay is { } part ? " " + part : "");
        var where = (e.Venue, e.Place?.Name) switch
        {
            (null, null) => null,
            ({ } venue, null) => venue,
            (null, { } place) => place,
            ({ } venue, { } place) => venue.Contains(place, StringComparison.OrdinalIgnoreCase) ? venue : venue + ", " + place,
        };
        var status = e.Status switch
        {
            EventStatus.Cancelled => "cancelled",
            EventStatus.Moved => "moved",
            _ => e.Kind,
        };
        return new EventRow(when, e.Title, where, status, FeedText.IsHttp(e.Url) ? e.Url : null);
    }
}
