using System.Text;
using System.Xml;
using System.Xml.Linq;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 on a streaming XmlReader. Ill-formed documents are repaired and
/// parsed again; whatever could be read before an unrecoverable error is kept. Never throws.
/// </summary>
internal static class SyndicationParser
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string MediaNs = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace Xml = XNamespace.Xml;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FeedSnapshot Parse(string text, Uri? baseUrl, PageContext page, string sourceName)
    {
        var first = TryRead(text, baseUrl, page, sourceName, out var failed);
        if (!failed)
        {
            return first;
        }

        var second = TryRead(FeedXmlRepair.Repair(text), baseUrl, page, sourceName, out _);
        return second.Entries.Count >= first.Entries.Count ? second : first;
    }

    private static FeedSnapshot TryRead(string text, Uri? baseUrl, PageContext page, string sourceName, out bool failed)
    {
        var state = new FeedState(baseUrl);
        failed = false;
        try
        {
            Read(text, state, page, sourceName);
        }
        catch (XmlException)
        {
            failed = true;
        }

        var format = state.Format ?? "rss";
        var entries = EntryAssembler.NewestFirst(Finish(state.Entries, state.FeedDate, page).Select((e, i) => (e, i)).ToList());
        return new FeedSnapshot(state.Title, state.Format is null && entries.Count == 0 ? FeedKind.Unknown : FeedKind.Feed, format, entries)
        {
            HubUrl = state.Hub,
            SelfUrl = state.Self,
        };
    }

    private static void Read(string text, FeedState state, PageContext page, string sourceName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
        };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var bases = new Stack<(int Depth, Uri? Base)>();
        var inChannel = false;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            while (bases.Count > 0 && bases.Peek().Depth >= reader.Depth)
            {
                bases.Pop();
            }

            var currentBase = bases.Count > 0 ? bases.Peek().Base : state.BaseUrl;
            if (reader.GetAttribute("base", XNamespace.Xml.NamespaceName) is { } xmlBase)
            {
                currentBase = Resolve(xmlBase, currentBase);
                bases.Push((reader.Depth, currentBase));
            }

            var name = reader.LocalName;
            var ns = reader.NamespaceURI;
            switch (name)
            {
                case "rss":
                    state.Format ??= "rss";
                    reader.Read();
                    continue;
                case "RDF":
                    state.Format ??= "rdf";
                    reader.Read();
                    continue;
                case "feed" when reader.Depth == 0:
                    state.Format ??= "atom";
                    inChannel = true;
                    reader.Read();
                    continue;
                case "channel":
                    state.Format ??= "rss";
                    inChannel = true;
                    if (state.Format == "rdf")
                    {
                        // RSS 1.0: the channel is a sibling of the items; read its own fields and move on.
                        ReadChannelFields((XElement)XNode.ReadFrom(reader), state, currentBase, page);
                        continue;
                    }

                    reader.Read();
                    continue;
                case "item" or "entry":
                    var element = (XElement)XNode.ReadFrom(reader);
                    if (ToEntry(element, currentBase, page, sourceName) is { } entry)
                    {
                        state.Entries.Add(entry);
                    }

                    continue;
                default:
                    if (inChannel && reader.Depth <= 2 && name is "title" or "link" or "updated" or "lastBuildDate" or "pubDate" or "date" or "modified")
                    {
                        var field = (XElement)XNode.ReadFrom(reader);
                        ReadChannelField(field, state, currentBase, page);
                        continue;
                    }

                    if (ns.Length == 0 && state.Format is null && reader.Depth == 0)
                    {
                        reader.Read();
                        continue;
                    }

                    reader.Read();
                    continue;
            }
        }
    }

    private static void ReadChannelFields(XElement channel, FeedState state, Uri? baseUrl, PageContext page)
    {
        foreach (var child in channel.Elements())
        {
            ReadChannelField(child, state, baseUrl, page);
        }
    }

    private static void ReadChannelField(XElement field, FeedState state, Uri? baseUrl, PageContext page)
    {
        switch (field.Name.LocalName)
        {
            case "title" when state.Title is null:
                state.Title = TextValue(field);
                break;
            case "link":
                var rel = field.Attribute("rel")?.Value ?? "alternate";
                var href = field.Attribute("href")?.Value ?? field.Value.Trim();
                var url = Resolve(href, BaseOf(field, baseUrl))?.AbsoluteUri;
                if (rel == "hub")
                {
                    state.Hub ??= url;
                }
                else if (rel == "self")
                {
                    state.Self ??= url;
                }

                break;
            case "updated" or "lastBuildDate" or "pubDate" or "date" or "modified":
                state.FeedDate ??= FeedDates.Parse(field.Value, page.Zone);
                break;
            default:
                break;
        }
    }

    private static Entry? ToEntry(XElement item, Uri? baseUrl, PageContext page, string sourceName)
    {
        var itemBase = BaseOf(item, baseUrl);
        string? title = null, link = null, id = null, author = null, content = null, summary = null;
        DateTimeOffset? published = null, updated = null;
        var contentIsText = false;
        var summaryIsText = false;
        var media = new List<EntryMedia>();
        var links = new List<EntryLink>();
        id = item.Attribute(XName.Get("about", RdfNs))?.Value;

        foreach (var child in item.Elements())
        {
            var ns = child.Name.NamespaceName;
            var childBase = BaseOf(child, itemBase);
            switch (child.Name.LocalName)
            {
                case "title" when ns != MediaNs && title is null:
                    title = TextValue(child);
                    break;
                case "link":
                    var rel = child.Attribute("rel")?.Value ?? "alternate";
                    var href = child.Attribute("href")?.Value ?? child.Value.Trim();
                    var target = Resolve(href, childBase)?.AbsoluteUri;
                    if (target is null)
                    {
                        break;
                    }

                    if (rel == "enclosure")
                    {
                        media.Add(new EntryMedia(target, null, KindOf(child.Attribute("type")?.Value)));
                    }
                    else if (rel == "alternate" && link is null)
                    {
                        link = target;
                    }
                    else if (rel is not "self" and not "replies" and not "edit")
                    {
                        links.Add(new EntryLink(child.Attribute("title")?.Value ?? target, target));
                    }

                    break;
                case "guid" or "id" when id is null || child.Name.LocalName == "guid" || child.Name.LocalName == "id":
                    var value = child.Value.Trim();
                    if (value.Length > 0)
                    {
                        id = value;
                        if (child.Name.LocalName == "guid" && link is null && child.Attribute("isPermaLink")?.Value != "false" && Resolve(value, null) is { } permalink)
                        {
                            link ??= permalink.AbsoluteUri;
                        }
                    }

                    break;
                case "pubDate" or "published" or "issued" or "created" or "date" when published is null:
                    published = FeedDates.Parse(child.Value, page.Zone);
                    break;
                case "updated" or "modified":
                    updated ??= FeedDates.Parse(child.Value, page.Zone);
                    break;
                case "encoded" when ns == ContentNs:
                    content = child.Value;
                    break;
                case "content" when ns != MediaNs:
                    (content, contentIsText) = AtomContent(child, childBase);
                    break;
                case "body" or "fullitem":
                    content ??= child.Name.LocalName == "body" ? InnerXml(child) : child.Value;
                    break;
                case "description" or "summary" or "abstract" when ns != MediaNs && summary is null:
                    (summary, summaryIsText) = AtomContent(child, childBase);
                    break;
                case "author" or "creator" when author is null:
                    var name = child.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value ?? (child.HasElements ? null : child.Value);
                    author = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
                    break;
                case "enclosure" when child.Attribute("url")?.Value is { } enclosure && Resolve(enclosure, childBase) is { } encUrl:
                    media.Add(new EntryMedia(encUrl.AbsoluteUri, null, KindOf(child.Attribute("type")?.Value)));
                    break;
                case "content" or "thumbnail" when ns == MediaNs && child.Attribute("url")?.Value is { } mediaUrl && Resolve(mediaUrl, childBase) is { } m:
                    media.Add(new EntryMedia(m.AbsoluteUri, null, child.Attribute("medium")?.Value == "video" ? MediaKind.Video : MediaKind.Image));
                    break;
                case "group" when ns == MediaNs:
                    foreach (var inner in child.Elements().Where(e => e.Name.LocalName is "content" or "thumbnail"))
                    {
                        if (inner.Attribute("url")?.Value is { } u && Resolve(u, childBase) is { } gm)
                        {
                            media.Add(new EntryMedia(gm.AbsoluteUri));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        var body = content ?? summary;
        var isText = content is not null ? contentIsText : summaryIsText;
        var converted = isText ? new HtmlFragment.Content(HtmlFragment.Normalise(body ?? ""), [], []) : HtmlFragment.Convert(body, itemBase);
        if (title is null && body is null && link is null)
        {
            return null;
        }

        return new Entry
        {
            SourceName = sourceName,
            Id = id ?? link ?? "",
            Published = published ?? updated ?? DateTimeOffset.MinValue,
            Updated = published is not null && updated > published ? updated : null,
            Title = title,
            Text = converted.Text.Length > 0 ? converted.Text : title ?? "",
            Url = link,
            Author = author,
            Links = converted.Links.Concat(links).DistinctBy(l => l.Url).ToList(),
            Media = converted.Media.Concat(media).DistinctBy(x => x.Url).ToList(),
        };
    }

    /// <summary>Entries without a date take the feed's date (else "now"); entries without an id get a derived one.</summary>
    private static IEnumerable<Entry> Finish(List<Entry> entries, DateTimeOffset? feedDate, PageContext page)
    {
        var ids = EntryIds.MakeUnique(entries.Select(e => e.Id.Length > 0 ? e.Id : EntryIds.Derive(e.Published == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : e.Published, (e.Title + " " + e.Text).Trim())));
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var published = e.Published == DateTimeOffset.MinValue ? feedDate ?? page.Now : e.Published;
            yield return e with { Id = ids[i], Published = TimestampParts.Localize(published, page.Zone), Updated = e.Updated is { } u ? TimestampParts.Localize(u, page.Zone) : null };
        }
    }

    /// <summary>An Atom text construct: (value, isPlainText). xhtml content is its inner markup; base64 is decoded.</summary>
    private static (string? Value, bool IsText) AtomContent(XElement element, Uri? baseUrl)
    {
        var type = element.Attribute("type")?.Value?.Trim().ToLowerInvariant();
        var mode = element.Attribute("mode")?.Value?.ToLowerInvariant();
        if (element.Attribute("src")?.Value is { } src && element.IsEmpty && Resolve(src, baseUrl) is { } srcUrl)
        {
            return ("<a href=\"" + srcUrl.AbsoluteUri + "\">" + srcUrl.AbsoluteUri + "</a>", false);
        }

        if (IsBase64(element, type, mode))
        {
            return Base64Content(element, type);
        }

        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || (element.HasElements && type is null or "html" or "text/html"))
        {
            var div = element.Elements().FirstOrDefault();
            return (div is not null && div.Name.LocalName == "div" && element.Elements().Count() == 1 ? InnerXml(div) : InnerXml(element), false);
        }

        if (element.Name.NamespaceName == AtomNs || element.Name.NamespaceName.StartsWith("http://purl.org/atom", StringComparison.Ordinal))
        {
            return (element.Value, type is "text" or "text/plain" || (type is null && element.Name.NamespaceName == AtomNs));
        }

        return (element.Value, false);
    }

    /// <summary>
    /// Base64 in an Atom text construct, as feedparser reads it: Atom 0.3's mode="base64", or a type that is a media
    /// type neither text/* nor XML (RFC 4287 4.1.3.3).
    /// </summary>
    private static bool IsBase64(XElement element, string? type, string? mode)
    {
        if (mode == "base64")
        {
            return true;
        }

        var ns = element.Name.NamespaceName;
        return !string.IsNullOrEmpty(type) && (ns == AtomNs || ns.StartsWith("http://purl.org/atom", StringComparison.Ordinal))
            && type is not "text" and not "html" and not "xhtml"
            && !type.StartsWith("text/", StringComparison.Ordinal) && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal);
    }

    /// <summary>
    /// Decoded base64 content: HTML when its type says so, else plain text (Atom 0.3's default type is text/plain).
    /// Text that is not base64 is kept as written; bytes that are not UTF-8 text (an image, say) are dropped.
    /// </summary>
    private static (string? Value, bool IsText) Base64Content(XElement element, string? type)
    {
        var isHtml = type is "html" or "text/html" or "xhtml" or "application/xhtml+xml";
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(element.Value.Trim());
        }
        catch (FormatException)
        {
            return (element.Value, !isHtml);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), !isHtml);
        }
        catch (DecoderFallbackException)
        {
            return (null, true);
        }
    }

    private static string InnerXml(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            builder.Append(node is XElement e ? StripNamespaces(e).ToString(SaveOptions.DisableFormatting) : node.ToString(SaveOptions.DisableFormatting));
        }

        return builder.ToString();
    }

    private static XElement StripNamespaces(XElement element) =>
        new(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(n => n is XElement e ? StripNamespaces(e) : n));

    private static string? TextValue(XElement element)
    {
        var type = element.Attribute("type")?.Value?.Trim().ToLowerInvariant();
        string value;
        if (IsBase64(element, type, element.Attribute("mode")?.Value?.ToLowerInvariant()))
        {
            var (decoded, isText) = Base64Content(element, type);
            value = decoded is null ? "" : isText ? decoded : HtmlFragment.Convert(decoded, null).Text.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        }
        else if (type is "html" or "text/html" or "xhtml" || element.HasElements)
        {
            var (raw, isText) = AtomContent(element, null);
            value = isText ? raw ?? "" : HtmlFragment.Convert(raw, null).Text.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        }
        else
        {
            value = element.Value;
            if (value.Contains('<', StringComparison.Ordinal) && value.Contains('>', StringComparison.Ordinal))
            {
                value = HtmlFragment.Convert(value, null).Text.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
            }
        }

        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static Uri? BaseOf(XElement element, Uri? outer)
    {
        var chain = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute(Xml + "base")?.Value is { } b)
            {
                chain.Add(b);
            }
        }

        var result = outer;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            result = Resolve(chain[i], result) ?? result;
        }

        return result;
    }

    private static Uri? Resolve(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "ftp" or "mailto" or "urn" or "tag")
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, href, out var relative) ? relative : null;
    }

    private static MediaKind KindOf(string? type) =>
        type is null || type.StartsWith("image", StringComparison.OrdinalIgnoreCase) ? MediaKind.Image
        : type.StartsWith("video", StringComparison.OrdinalIgnoreCase) ? MediaKind.Video
        : MediaKind.Embed;

    private sealed class FeedState(Uri? baseUrl)
    {
        public Uri? BaseUrl { get; } = baseUrl;

        public string? Format { get; set; }

        public string? Title { get; set; }

        public string? Hub { get; set; }

        public string? Self { get; set; }

        public DateTimeOffset? FeedDate { get; set; }

        public List<Entry> Entries { get; } = [];
    }
}
