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
        var title = Clean(String(posting, "headline"));
        var read = list.Where(u => u.ValueKind == JsonValueKind.Object).Select(u => Read(u, page, baseUrl)).ToList();
        if (document is not null)
        {
            FromPage(read, document, page, title, baseUrl);
        }

        var entries = new List<(Entry, int)>();
        var ids = new List<string>();
        var index = 0;
        foreach (var update in read)
        {
            if (update.Published is not { } published)
            {
                continue;
            }

            var text = update.Text ?? update.Body ?? update.Headline ?? "";
            var headline = update.Headline;
            var id = update.Id ?? update.Url ?? EntryIds.Derive(published, (headline + " " + text).Trim());
            ids.Add(id);
            entries.Add((new Entry
            {
                SourceName = sourceName,
                Id = id,
                Published = published,
                Updated = update.Modified > published ? update.Modified : null,
                Title = headline is not null && !Opens(headline, text) && !Opens(headline, update.Body) ? headline : null,
                Text = text,
                Url = update.Url,
                Author = update.Author,
                Links = update.Links.DistinctBy(l => l.Url).ToList(),
                Media = update.Media.DistinctBy(m => m.Url).ToList(),
            }, index++));
        }

        var unique = EntryIds.MakeUnique(ids);
        var ordered = entries.Select((e, i) => (e.Item1 with { Id = unique[i] }, e.Item2)).ToList();
        return new FeedSnapshot(title, FeedKind.LiveBlog, "jsonld", EntryAssembler.NewestFirst(ordered));
    }

    private static JsonLdUpdate Read(JsonElement update, PageContext page, Uri? baseUrl)
    {
        var headline = Clean(String(update, "headline"));
        return new JsonLdUpdate
        {
            Id = String(update, "@id"),
            Url = HtmlText.Absolute(String(update, "url"), baseUrl),
            Published = Date(String(update, "datePublished"), page) ?? Date(String(update, "dateModified"), page),
            Modified = Date(String(update, "dateModified"), page),
            Headline = headline is null ? null : HeadlineText.StripLeadingTime(headline, page.Zone),
            Body = Clean(String(update, "articleBody") ?? String(update, "text") ?? String(update, "description")),
            Author = Author(update),
            Media = Images(update, baseUrl),
        };
    }

    /// <summary>
    /// Where the structured data falls short, reads the update's own element in the page: the times when every update
    /// has the same one (the page's; distinct times are kept, as a page may mislabel its own), the heading when the
    /// headline is the page's title, the text when there is none or it was cut.
    /// </summary>
    private static void FromPage(List<JsonLdUpdate> updates, HtmlDocument document, PageContext page, string? postingTitle, Uri? baseUrl)
    {
        var documentTitle = document.Title;
        var titled = updates.Select(u => u.Headline is { } h && HeadlineText.IsPageTitle(h, postingTitle, documentTitle)).ToList();
        var sameTime = updates.Count >= 2 && updates.Select(u => u.Published).Distinct().Count() == 1;
        var cut = updates.Select(u => u.Body is null || BodyContinuation.MayBeCut(u.Body)).ToList();
        if (!sameTime && !titled.Contains(true) && !cut.Contains(true))
        {
            return;
        }

        var elements = UpdateElements.ById(document, updates.Select(u => (u.Id, u.Url)).ToList());
        HtmlElement?[]? byTime = null;
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            var element = elements[i];
            if (titled[i])
            {
                update.Headline = element is null ? null : Heading(element);
            }

            if (element is not null && sameTime && ElementTimes.Published(element, page.Zone) is { } shown)
            {
                update.Published = shown;
                update.Modified = ElementTimes.Updated(element, page.Zone);
            }

            if (update.Body is null && element is not null)
            {
                update.Text = HtmlText.Extract(element, baseUrl, update.Links, update.Media).Replace("\n", "\n\n", StringComparison.Ordinal);
            }
            else if (update.Body is { } body && cut[i])
            {
                if (element is null && !sameTime)
                {
                    byTime ??= UpdateElements.ByTime(document, updates.Select(u => u.Published).ToList(), page.Zone);
                    element = byTime[i];
                }

                if (element is not null)
                {
                    update.Text = BodyContinuation.Complete(body, element);
                }
            }
        }
    }

    /// <summary>Whether the headline is only the text's opening words (the text itself, or cut from it).</summary>
    private static bool Opens(string headline, string? text)
    {
        var opening = headline.EndsWith("...", StringComparison.Ordinal) || headline.EndsWith('…') ? headline.TrimEnd('.', '…').TrimEnd() : headline;
        return text is not null && opening.Length > 0 && text.StartsWith(opening, StringComparison.Ordinal);
    }

    /// <summary>The element's own heading (its first h2 or h3), or null.</summary>
    private static string? Heading(HtmlElement element) =>
        element.FirstDescendant(static e => e.LocalName is "h2" or "h3") is { } heading && HtmlText.TextOf(heading) is { Length: > 0 } text
            ? text
            : null;

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
