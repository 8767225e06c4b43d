using System.Text.Json;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>JSON Feed 1.0/1.1 (jsonfeed.org).</summary>
internal static class JsonFeedParser
{
    public static FeedSnapshot Parse(string text, Uri? baseUrl, PageContext page, string sourceName)
    {
        try
        {
            using var json = JsonDocument.Parse(text, JsonLdParser.Options);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new FeedSnapshot(null, FeedKind.Unknown, "jsonfeed", []);
            }

            var feedBase = HtmlText.Absolute(JsonLdParser.String(root, "home_page_url"), baseUrl) is { } home ? new Uri(home) : baseUrl;
            var entries = new List<(Entry, int)>();
            var ids = new List<string>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    var entry = ToEntry(item, feedBase, page, sourceName);
                    ids.Add(entry.Id);
                    entries.Add((entry, index++));
                }
            }

            var unique = EntryIds.MakeUnique(ids);
            var list = entries.Select((e, i) => (e.Item1 with { Id = unique[i] }, e.Item2)).ToList();
            var hub = root.TryGetProperty("hubs", out var hubs) && hubs.ValueKind == JsonValueKind.Array
                ? hubs.EnumerateArray().Select(h => JsonLdParser.String(h, "url")).FirstOrDefault(u => u is not null)
                : null;
            return new FeedSnapshot(JsonLdParser.String(root, "title"), FeedKind.Feed, "jsonfeed", EntryAssembler.NewestFirst(list))
            {
                HubUrl = hub,
                SelfUrl = JsonLdParser.String(root, "feed_url"),
            };
        }
        catch (JsonException)
        {
            return new FeedSnapshot(null, FeedKind.Unknown, "jsonfeed", []);
        }
    }

    private static Entry ToEntry(JsonElement item, Uri? baseUrl, PageContext page, string sourceName)
    {
        var html = JsonLdParser.String(item, "content_html");
        var content = html is not null
            ? HtmlFragment.Convert(html, baseUrl)
            : new HtmlFragment.Content(HtmlFragment.Normalise(JsonLdParser.String(item, "content_text") ?? JsonLdParser.String(item, "summary") ?? ""), [], []);
        var published = FeedDates.Parse(JsonLdParser.String(item, "date_published"), page.Zone);
        var modified = FeedDates.Parse(JsonLdParser.String(item, "date_modified"), page.Zone);
        var title = JsonLdParser.String(item, "title");
        var url = HtmlText.Absolute(JsonLdParser.String(item, "url"), baseUrl);
        var media = content.Media.ToList();
        foreach (var key in new[] { "image", "banner_image" })
        {
            if (HtmlText.Absolute(JsonLdParser.String(item, key), baseUrl) is { } image)
            {
                media.Add(new EntryMedia(image));
            }
        }

        if (item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (HtmlText.Absolute(JsonLdParser.String(attachment, "url"), baseUrl) is { } a)
                {
                    var type = JsonLdParser.String(attachment, "mime_type") ?? "";
                    media.Add(new EntryMedia(a, JsonLdParser.String(attachment, "title"), type.StartsWith("video", StringComparison.Ordinal) ? MediaKind.Video : type.StartsWith("image", StringComparison.Ordinal) ? MediaKind.Image : MediaKind.Embed));
                }
            }
        }

        var author = item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array
            ? authors.EnumerateArray().Select(a => JsonLdParser.String(a, "name")).FirstOrDefault(n => n is not null)
            : item.TryGetProperty("author", out var single) ? JsonLdParser.String(single, "name") : null;
        var when = published ?? modified ?? page.Now;
        var text = content.Text.Length > 0 ? content.Text : title ?? "";
        return new Entry
        {
            SourceName = sourceName,
            Id = JsonLdParser.String(item, "id") ?? url ?? EntryIds.Derive(when, (title + " " + text).Trim()),
            Published = TimestampParts.Localize(when, page.Zone),
            Updated = published is not null && modified > published ? TimestampParts.Localize(modified.Value, page.Zone) : null,
            Title = title,
            Text = text,
            Url = url ?? HtmlText.Absolute(JsonLdParser.String(item, "external_url"), baseUrl),
            Author = author,
            Links = content.Links,
            Media = media.DistinctBy(m => m.Url).ToList(),
        };
    }
}
