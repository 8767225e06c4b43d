using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Events;
using UpdateBot.Core.Places;
using UpdateBot.Events.Calendar;
using UpdateBot.Events.Hosting;
using UpdateBot.Web.Http;

namespace UpdateBot.Web.Calendar;

/// <summary>
/// GET /events.ics[?near=place&amp;radius=km]: upcoming events (cancelled ones included, so subscribed calendars
/// drop them) as an RFC 5545 calendar in the bot's zone. The place is resolved by the gazetteer; it is a place
/// name, never a user's location, and it is not logged.
/// </summary>
internal sealed class CalendarEndpoint(
    FeedTimeZones zones,
    TimeProvider time,
    IOptions<EventsOptions> eventsOptions,
    IEventCatalog? catalog = null,
    IPlaceDirectory? places = null)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int MaxPlaceLength = 100;
    private const double MaxRadiusKm = 500;

    public async Task HandleAsync(HttpContext context)
    {
        if (catalog is null)
        {
            await Responses.PlainAsync(context, StatusCodes.Status404NotFound, "Events are not enabled.");
            return;
        }

        var now = time.GetUtcNow();
        var query = new EventQuery { Now = now, IncludeCancelled = true, Limit = 500 };
        var near = context.Request.Query["near"].ToString().Trim();
        if (near.Length > 0)
        {
            if (near.Length > MaxPlaceLength || places is null)
            {
                await Responses.PlainAsync(context, StatusCodes.Status400BadRequest, places is null ? "Place search is not available." : "Place name too long.");
                return;
            }

            if (places.Find(near, eventsOptions.Value.Region) is not { } place)
            {
                await Responses.PlainAsync(context, StatusCodes.Status400BadRequest, "Unknown place; try a town or city name.");
                return;
            }

            query = query with { Center = place.Location };
        }

        var radiusText = context.Request.Query["radius"].ToString();
        if (radiusText.Length > 0)
        {
            if (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || !(radius is > 0 and <= MaxRadiusKm))
            {
                await Responses.PlainAsync(context, StatusCodes.Status400BadRequest, $"radius must be a number of km between 0 and {MaxRadiusKm}.");
                return;
            }

            query = query with { RadiusKm = radius };
        }

        var matches = await catalog.UpcomingAsync(query, context.RequestAborted);
        var ics = IcsCalendarWriter.Write(matches.Select(m => m.Event), zones.Default, now);
        context.Response.Headers.CacheControl = "public, max-age=300";
        context.Response.Headers.ContentDisposition = "inline; filename=\"updatebot-events.ics\"";
        await Responses.BytesAsync(context, ContentType, Encoding.UTF8.GetBytes(ics));
    }
}
