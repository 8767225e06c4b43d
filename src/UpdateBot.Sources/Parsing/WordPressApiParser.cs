using System.Globalization;
using System.Text.Json;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// The WordPress liveblog plugin's REST API (/wp-json/liveblog/v1/{post}/entries/...): a list of entries of type
/// new, update (replaces an entry's content) or delete (retracts it), applied in order.
/// </summary>
internal static class WordPressApiParser
{
    public static FeedSnapshot Parse(string text, Uri? baseUrl, PageContext page, string sourceName)
    {
        try
        {
            using var json = JsonDocument.Parse(text, JsonLdParser.Options);
            var root = json.RootElement;
            var list = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entries", out var e) ? e
                : default;
            if (list.ValueKind != JsonValueKind.Array)
            {
                return new FeedSnapshot(null, FeedKind.Unknown, "wordpress-api", []);
            }

            var byId = new Dictionary<string, (Entry Entry, int Order)>(StringComparer.Ordinal);
            var order = 0;
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var type = JsonLdParser.String(item, "type") ?? "new";
                var id = JsonLdParser.String(item, "replaces") is { Length: > 0 } replaces && replaces != "0" ? replaces : JsonLdParser.String(item, "id");
                if (id is null)
                {
                    continue;
                }

                if (type == "delete")
                {
                    byId.Remove(id);
                    continue;
                }

                var entry = ToEntry(item, id, baseUrl, page, sourceName);
                if (type == "update" && byId.TryGetValue(id, out var existing))
                {
                    byId[id] = (entry with { Published = existing.Entry.Published, Updated = entry.Published > existing.Entry.Published ? entry.Published : null }, existing.Order);
                }
                else
                {
                    byId[id] = (entry, order++);
                }
            }

            var entries = byId.Values.Select(v => (v.Entry, v.Order)).ToList();
            return new FeedSnapshot(null, FeedKind.LiveBlog, "wordpress-api", EntryAssembler.NewestFirst(entries));
        }
        catch (JsonException)
        {
            return new FeedSnapshot(null, FeedKind.Unknown, "wordpress-api", []);
        }
    }

    private static Entry ToEntry(JsonElement item, string id, Uri? baseUrl, PageContext page, string sourceName)
    {
        var html = JsonLdParser.String(item, "render") ?? JsonLdParser.String(item, "content") ?? JsonLdParser.String(item, "html");
        var content = HtmlFragment.Convert(html, baseUrl);
        var published = item.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : long.TryParse(JsonLdParser.String(item, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : page.Now;
        var author = item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array
            ? authors.EnumerateArray().Select(a => JsonLdParser.String(a, "name")).FirstOrDefault(n => n is not null)
            : item.TryGetProperty("author", out var single) ? JsonLdParser.String(single, "name") : null;
        return new Entry
        {
            SourceName = sourceName,
            Id = id,
            Published = TimestampParts.Localize(published, page.Zone),
            Text = content.Text,
            Url = HtmlText.Absolute(JsonLdParser.String(item, "share_link"), baseUrl),
            Author = author,
            Links = content.Links,
            Media = content.Media,
        };
    }
}
