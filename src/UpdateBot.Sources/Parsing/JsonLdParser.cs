using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>schema.org LiveBlogPosting in JSON-LD: its liveBlogUpdate[] are the entries.</summary>
internal static partial class JsonLdParser
{
    public static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 128,
    };

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    /// <summary>Finds a LiveBlogPosting with updates in the page's JSON-LD scripts, or null.</summary>
    public static FeedSnapshot? TryParse(HtmlDocument document, PageScan scan, PageContext page, Uri? baseUrl, string sourceName)
    {
        foreach (var script in scan.JsonLdScripts)
        {
            if (TryParseJson(script.TextContent, page, baseUrl, sourceName, document) is { Entries.Count: > 0 } snapshot)
            {
                return snapshot;
            }
        }

        return null;
    }

    public static FeedSnapshot? TryParseJson(string json, PageContext page, Uri? baseUrl, string sourceName, HtmlDocument? document)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, Options);
            foreach (var node in Nodes(parsed.RootElement))
            {
                if (HasType(node, "LiveBlogPosting") && node.TryGetProperty("liveBlogUpdate", out var updates))
                {
                    return FromPosting(node, updates, page, baseUrl, sourceName, document);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static FeedSnapshot FromPosting(JsonElement posting, JsonElement updates, PageContext page, Uri? baseUrl, string sourceName, HtmlDocument? document)
    {
        var list = updates.ValueKind == JsonValueKind.Array ? updates.EnumerateArray().ToList() : [updates];
        var entries = new List<(Entry, int)>();
        var ids = new List<string>();
        var index = 0;
        foreach (var update in list.Where(u => u.ValueKind == JsonValueKind.Object))
        {
            var published = Date(String(update, "datePublished"), page) ?? Date(String(update, "dateModified"), page);
            if (published is null)
            {
                continue;
            }

            var modified = Date(String(update, "dateModified"), page);
            var url = HtmlText.Absolute(String(update, "url"), baseUrl);
            var headline = Clean(String(update, "headline"));
            var body = Clean(String(update, "articleBody") ?? String(update, "text") ?? String(update, "description"));
            var links = new List<EntryLink>();
            var media = Images(update, baseUrl);
            if (body is null && document is not null && url is not null && new Uri(url).Fragment is { Length: > 1 } fragment)
            {
                var element = document.GetElementById(Uri.UnescapeDataString(fragment[1..]));
                if (element is not null)
                {
                    body = HtmlText.Extract(element, baseUrl, links, media).Replace("\n", "\n\n", StringComparison.Ordinal);
                }
            }

            var text = body ?? headline ?? "";
            var id = String(update, "@id") ?? url ?? EntryIds.Derive(published.Value, (headline + " " + text).Trim());
            ids.Add(id);
            entries.Add((new Entry
            {
                SourceName = sourceName,
                Id = id,
                Published = published.Value,
                Updated = modified > published ? modified : null,
                Title = headline is not null && headline != text ? headline : null,
                Text = text,
                Url = url,
                Author = Author(update),
                Links = links.DistinctBy(l => l.Url).ToList(),
                Media = media.DistinctBy(m => m.Url).ToList(),
            }, index++));
        }

        var unique = EntryIds.MakeUnique(ids);
        var ordered = entries.Select((e, i) => (e.Item1 with { Id = unique[i] }, e.Item2)).ToList();
        return new FeedSnapshot(Clean(String(posting, "headline")), FeedKind.LiveBlog, "jsonld", EntryAssembler.NewestFirst(ordered));
    }

    public static IEnumerable<JsonElement> Nodes(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                foreach (var node in Nodes(item))
                {
                    yield return node;
                }
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
            if (root.TryGetProperty("@graph", out var graph))
            {
                foreach (var node in Nodes(graph))
                {
                    yield return node;
                }
            }

            if (root.TryGetProperty("mainEntity", out var main))
            {
                foreach (var node in Nodes(main))
                {
                    yield return node;
                }
            }
        }
    }

    public static bool HasType(JsonElement node, string type)
    {
        if (!node.TryGetProperty("@type", out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => string.Equals(value.GetString(), type, StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Array => value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), type, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    public static string? String(JsonElement node, string name)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null),
            JsonValueKind.Object => String(value, "@id") ?? String(value, "url"),
            _ => null,
        };
    }

    private static DateTimeOffset? Date(string? value, PageContext page) =>
        value is not null && TimestampText.TryParseIso(value, page.Zone, out var parts) && parts.Instant is { } instant
            ? TimestampParts.Localize(instant, page.Zone)
            : null;

    private static string? Author(JsonElement update)
    {
        if (!update.TryGetProperty("author", out var author))
        {
            return null;
        }

        var first = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().FirstOrDefault() : author;
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object => String(first, "name"),
            _ => null,
        };
    }

    private static List<EntryMedia> Images(JsonElement update, Uri? baseUrl)
    {
        var result = new List<EntryMedia>();
        if (!update.TryGetProperty("image", out var image))
        {
            return result;
        }

        var items = image.ValueKind == JsonValueKind.Array ? image.EnumerateArray().ToList() : [image];
        foreach (var item in items)
        {
            var src = item.ValueKind == JsonValueKind.String ? item.GetString() : String(item, "contentUrl") ?? String(item, "url");
            if (HtmlText.Absolute(src, baseUrl) is { } url)
            {
                result.Add(new EntryMedia(url, Clean(String(item, "caption"))));
            }
        }

        return result;
    }

    /// <summary>Plain text of a JSON-LD string value, which sometimes carries markup and entities.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Contains('<', StringComparison.Ordinal) ? TagPattern().Replace(value, " ") : value;
        text = WebUtility.HtmlDecode(text);
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
