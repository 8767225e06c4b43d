using UpdateBot.Core.Entries;
using UpdateBot.Sources.Html;
using UpdateBot.Sources.Parsing;

namespace UpdateBot.Sources;

/// <summary>
/// Parses one document of any supported format into a <see cref="FeedSnapshot"/> (entries newest first).
/// The format is detected unless <see cref="ParseOptions.Format"/> names one. Never throws on bad input: a document
/// with nothing recognisable gives an empty snapshot of kind <see cref="FeedKind.Unknown"/>.
/// </summary>
public static class FeedParser
{
    /// <summary>The format names accepted by <see cref="ParseOptions.Format"/>.</summary>
    public static IReadOnlyList<string> Formats { get; } =
        ["auto", "liveblog-html", "liveblog-text", "jsonld", "microdata", "wordpress", "wordpress-api", "rss", "atom", "rdf", "jsonfeed"];

    public static FeedSnapshot Parse(ReadOnlySpan<byte> body, string? contentType, Uri? baseUrl, ParseOptions options) =>
        Parse(TextDecoding.Decode(body, contentType), contentType, baseUrl, options);

    public static FeedSnapshot Parse(string text, string? contentType, Uri? baseUrl, ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var sourceName = options.SourceName ?? baseUrl?.Host ?? "source";
        var format = string.IsNullOrWhiteSpace(options.Format) ? "auto" : options.Format.Trim().ToLowerInvariant();
        if (format == "auto")
        {
            format = FormatDetector.Detect(text, contentType);
        }

        var context = new PageContext(options.Now, options.Zone) { Modified = options.LastModified };
        return format switch
        {
            "liveblog-text" => TextLiveBlogParser.Parse(text, context, sourceName),
            "rss" or "atom" or "rdf" or "feed" => SyndicationParser.Parse(text, baseUrl, context, sourceName),
            "jsonfeed" => JsonFeedParser.Parse(text, baseUrl, context, sourceName),
            "wordpress-api" => WordPressApiParser.Parse(text, baseUrl, context, sourceName),
            "jsonld" when FormatDetector.LooksLikeJson(text) =>
                JsonLdParser.TryParseJson(text, context, baseUrl, sourceName, null) ?? Empty("jsonld"),
            _ => ParseHtml(text, format, baseUrl, options, sourceName),
        };
    }

    private static FeedSnapshot ParseHtml(string text, string format, Uri? baseUrl, ParseOptions options, string sourceName)
    {
        var document = HtmlDocument.Parse(text);
        var auto = format is "html" or "auto";

        // One pass over the page: the timestamp-headed reading of the body, and on the way what every format probe
        // and the metadata reader look for. (A page in another format wastes the reading, the common case gains.)
        var root = HtmlLiveBlogParser.Root(document);
        List<HtmlBlock>? blocks = null;
        var scan = PageScan.Of(document, root, s => blocks = HtmlLiveBlogParser.Walker(options.Zone, baseUrl).Walk(root, s));
        var metadata = PageMetadata.Read(document, options.Zone, scan);
        var page = metadata.Context(options);
        if (auto || format == "jsonld")
        {
            if (JsonLdParser.TryParse(document, scan, page, baseUrl, sourceName) is { } jsonLd)
            {
                return jsonLd with { Title = jsonLd.Title ?? metadata.Title };
            }
        }

        if (auto || format == "microdata")
        {
            if (MicrodataParser.TryParse(scan, page, baseUrl, sourceName) is { } microdata)
            {
                return microdata with { Title = microdata.Title ?? metadata.Title };
            }
        }

        if (auto || format == "wordpress")
        {
            if (WordPressHtmlParser.TryParse(scan, page, baseUrl, sourceName) is { } wordpress)
            {
                return wordpress with { Title = wordpress.Title ?? metadata.Title };
            }
        }

        var knownLiveBlog = options.KnownLiveBlog || format == "liveblog-html";
        return HtmlLiveBlogParser.Parse(document, metadata, page, baseUrl, sourceName, scan, blocks, knownLiveBlog);
    }

    private static FeedSnapshot Empty(string format) => new(null, FeedKind.Unknown, format, []);
}
