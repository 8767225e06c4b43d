using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using UpdateBot.Core.Events;

namespace UpdateBot.Events.Cli;

/// <summary>One JSON object per event and line: title, kind, start, end, timeKnown, place, country, lat, lon, venue, status, entryId, url.</summary>
public static class EventJsonLines
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(EventRecord e, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(zone);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("title", e.Title);
            w.WriteString("kind", e.Kind);
            w.WriteString("start", Iso(TimeZoneInfo.ConvertTime(e.Start, zone)));
            if (e.End is { } end)
            {
                w.WriteString("end", Iso(TimeZoneInfo.ConvertTime(end, zone)));
            }
            else
            {
                w.WriteNull("end");
            }

            w.WriteBoolean("timeKnown", e.TimeKnown);
            WriteOrNull(w, "place", e.Place?.Name);
            WriteOrNull(w, "country", e.Place?.Country);
            if (e.Place is { } p)
            {
                w.WriteNumber("lat", Math.Round(p.Location.Latitude, 5));
                w.WriteNumber("lon", Math.Round(p.Location.Longitude, 5));
            }
            else
            {
                w.WriteNull("lat");
                w.WriteNull("lon");
            }

            WriteOrNull(w, "venue", e.Venue);
            w.WriteString("status", e.Status.ToString().ToLowerInvariant());
            w.WriteString("entryId", e.EntryId);
            WriteOrNull(w, "url", e.Url);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
