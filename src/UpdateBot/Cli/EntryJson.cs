using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using UpdateBot.Core.Entries;

namespace UpdateBot.Cli;

/// <summary>One entry as one line of JSON: {"id","published","updated","title","text","url","kind"}.</summary>
internal static class EntryJson
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output for people and scripts, not for embedding in HTML: keep "+" and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Line(Entry entry, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("published", Iso(entry.Published, zone));
            WriteNullable(json, "updated", entry.Updated is { } updated ? Iso(updated, zone) : null);
            WriteNullable(json, "title", entry.Title);
            json.WriteString("text", entry.Text);
            WriteNullable(json, "url", entry.Url);
            json.WriteString("kind", entry.Kind.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>ISO 8601 with the offset the zone had at that instant ("2016-06-29T14:00:00+01:00").</summary>
    public static string Iso(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
