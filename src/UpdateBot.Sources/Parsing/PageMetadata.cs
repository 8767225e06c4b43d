using System.Text.Json;
using System.Text.RegularExpressions;
using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>What a page says about itself: its title, type (og:type) and dates, for year and day inference.</summary>
internal sealed partial record PageMetadata(string? Title, string? OpenGraphType, DateTimeOffset? Published, DateTimeOffset? Modified)
{
    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})/(?<m>[a-z]{3}|[0-9]{2})/(?<d>[0-9]{2})/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlDatePattern();

    public PageContext Context(ParseOptions options) => new(options.Now, options.Zone)
    {
        Published = Published,
        Modified = Modified ?? options.LastModified,
    };

    public static PageMetadata Read(HtmlDocument document, TimeZoneInfo zone, PageScan? scan = null)
    {
        // One pass over the head's meta tags instead of a document-wide query per key.
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var head = document.Head;
        if (head is not null)
        {
            foreach (var meta in head.Descendants().Where(static e => e.LocalName == "meta"))
            {
                var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
                var content = meta.GetAttribute("content");
                if (key is not null && !string.IsNullOrWhiteSpace(content))
                {
                    metas.TryAdd(key, content);
                }
            }
        }

        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (metas.TryGetValue(key, out var value))
                {
                    return value;
                }
            }

            return null;
        }

        var title = Meta("og:title", "twitter:title") ?? NullIfEmpty(document.Title);
        var type = Meta("og:type");
        var published = Parse(Meta("article:published_time", "datePublished", "pubdate", "publish-date", "date", "dc.date", "DC.date.issued", "parsely-pub-date", "sailthru.date"), zone);
        var modified = Parse(Meta("article:modified_time", "og:updated_time", "dateModified", "last-modified"), zone);

        if (published is null || modified is null)
        {
            var (ldPublished, ldModified) = FromJsonLd((scan ?? PageScan.Of(document)).JsonLdScripts, zone);
            published ??= ldPublished;
            modified ??= ldModified;
        }

        published ??= Parse(document.Find(static e => e.LocalName == "time" && e.HasAttribute("datetime") &&
            (e.HasAttribute("pubdate") || e.GetAttribute("itemprop") == "datePublished"))?.GetAttribute("datetime"), zone);
        if (published is null && modified is null)
        {
            modified = FromPubdateText(document, zone);
        }

        if (published is null && modified is null && FromUrl(document) is { } day)
        {
            published = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        }

        return new PageMetadata(title, type, published, modified);
    }

    private static DateTimeOffset? Parse(string? value, TimeZoneInfo zone) =>
        value is not null && TimestampText.TryParseIso(value, zone, out var parts) ? parts.Instant : null;

    private static (DateTimeOffset?, DateTimeOffset?) FromJsonLd(List<HtmlElement> scripts, TimeZoneInfo zone)
    {
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, JsonLdParser.Options);
                foreach (var node in JsonLdParser.Nodes(json.RootElement))
                {
                    var published = Parse(JsonLdParser.String(node, "datePublished"), zone);
                    var modified = Parse(JsonLdParser.String(node, "dateModified"), zone);
                    if (published is not null || modified is not null)
                    {
                        return (published, modified);
                    }
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }

        return (null, null);
    }

    /// <summary>A visible "Published: 18:41 GMT+1 Thursday, 09 July 2015" line.</summary>
    private static DateTimeOffset? FromPubdateText(HtmlDocument document, TimeZoneInfo zone)
    {
        foreach (var element in document.All().Where(static e => e.GetAttribute("class") is { } c &&
            (c.Contains("pubdate", StringComparison.Ordinal) || c.Contains("published", StringComparison.Ordinal) ||
             c.Contains("dateline", StringComparison.Ordinal) || c.Contains("timestamp", StringComparison.Ordinal))))
        {
            var text = HtmlText.TextOf(element);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < 20 && !char.IsAsciiDigit(text[colon - 1]))
            {
                text = text[(colon + 1)..];
            }

            text = text.Replace('\n', ' ').Trim();
            if (TimestampText.TryParse(text, zone, out var parts) && TimestampText.InstantOf(parts, zone) is { } instant)
            {
                return instant;
            }
        }

        return null;
    }

    private static DateOnly? FromUrl(HtmlDocument document)
    {
        var candidates = new[]
        {
            document.Find(static e => e.LocalName == "link" && string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase))?.GetAttribute("href"),
            document.Find(static e => e.LocalName == "meta" && e.GetAttribute("property") == "og:url")?.GetAttribute("content"),
            document.Body?.GetAttribute("data-page-id"),
        };
        foreach (var candidate in candidates)
        {
            if (candidate is null || UrlDatePattern().Match("/" + candidate) is not { Success: true } m)
            {
                continue;
            }

            var year = int.Parse(m.Groups["y"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var monthText = m.Groups["m"].Value;
            var month = int.TryParse(monthText, System.Globalization.CultureInfo.InvariantCulture, out var mm)
                ? mm
                : Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], monthText.ToLowerInvariant()) + 1;
            var day = int.Parse(m.Groups["d"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
