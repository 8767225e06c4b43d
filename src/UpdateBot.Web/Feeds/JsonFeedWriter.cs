using System.Globalization;
using System.Text.Json;
using UpdateBot.Core.Entries;

namespace UpdateBot.Web.Feeds;

/// <summary>Writes a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedWriter
{
    public const string ContentType = "application/feed+json; charset=utf-8";
    public const string Version = "https://jsonfeed.org/version/1.1";

    public static byte[] Write(FeedDocument feed)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.HomeUrl);
            json.WriteString("feed_url", feed.SelfUrl);
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", feed.Title);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                json.WriteStartObject();
                json.WriteString("id", FeedIds.For(entry));
                if (FeedText.IsHttp(entry.Url))
                {
                    json.WriteString("url", entry.Url);
                }

                json.WriteString("title", FeedText.Title(entry));
                json.WriteString("content_text", entry.Text);
                json.WriteString("content_html", FeedText.Html(entry));
                if (entry.Media.FirstOrDefault(m => m.Kind == MediaKind.Image && FeedText.IsHttp(m.Url)) is { } image)
                {
                    json.WriteString("image", image.Url);
                }

                json.WriteString("date_published", Rfc3339(entry.Published));
                json.WriteString("date_modified", Rfc3339(entry.Updated ?? entry.Published));
                if (!string.IsNullOrWhiteSpace(entry.Author))
                {
                    json.WriteStartArray("authors");
                    json.WriteStartObject();
                    json.WriteString("name", entry.Author);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartArray("tags");
                json.WriteStringValue(entry.SourceName);
                if (entry.Kind == EntryKind.Breaking)
                {
                    json.WriteStringValue("breaking");
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
