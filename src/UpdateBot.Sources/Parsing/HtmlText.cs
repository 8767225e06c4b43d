using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>Plain text, links and images of an element in one pass, with whitespace collapsed as a browser would.</summary>
internal static class HtmlText
{
    public static bool IsSkipped(HtmlElement element) => (element.Category & ElementCategory.NotText) != 0;

    public static string TextOf(HtmlNode node) => TextOf(node, new TextCollapser());

    /// <summary>The text of a node, written through <paramref name="text"/> (which must be empty; it is left empty).</summary>
    public static string TextOf(HtmlNode node, TextCollapser text)
    {
        Append(node, text, null, null, null, pre: false);
        return text.Take();
    }

    /// <summary>The text of some nodes, collecting links and media on the way.</summary>
    public static string Extract(IEnumerable<HtmlNode> nodes, Uri? baseUrl, List<EntryLink> links, List<EntryMedia> media)
    {
        var text = new TextCollapser();
        foreach (var node in nodes)
        {
            Append(node, text, baseUrl, links, media, pre: false);
        }

        return text.Take();
    }

    public static string Extract(HtmlNode node, Uri? baseUrl, List<EntryLink> links, List<EntryMedia> media) =>
        Extract(node, new TextCollapser(), baseUrl, links, media);

    /// <summary>As <see cref="Extract(HtmlNode, Uri?, List{EntryLink}, List{EntryMedia})"/>, through a reused buffer (left empty).</summary>
    public static string Extract(HtmlNode node, TextCollapser text, Uri? baseUrl, List<EntryLink> links, List<EntryMedia> media)
    {
        Append(node, text, baseUrl, links, media, pre: false);
        return text.Take();
    }

    /// <summary>Writes one node's text into <paramref name="text"/>, collecting links and media on the way.</summary>
    public static void Append(HtmlNode node, TextCollapser text, Uri? baseUrl, List<EntryLink>? links, List<EntryMedia>? media, bool pre)
    {
        if (node is HtmlTextNode textNode)
        {
            // Line breaks in the source are only spaces; <br> and block boundaries make real breaks.
            text.Append(textNode.Span, pre);
            return;
        }

        if (node is not HtmlElement element)
        {
            return;
        }

        var name = element.LocalName;
        if (IsSkipped(element))
        {
            return;
        }

        switch (name)
        {
            case "br":
                text.Break();
                return;
            case "img" when media is not null:
                if (ImageSource(element) is { } src && Absolute(src, baseUrl) is { } img)
                {
                    media.Add(new EntryMedia(img, NullIfEmpty(element.GetAttribute("alt"))));
                }

                return;
            case "video" when media is not null:
                if ((element.GetAttribute("src") ?? element.FirstDescendant(static s => s.LocalName == "source" && s.HasAttribute("src"))?.GetAttribute("src")) is { } vsrc && Absolute(vsrc, baseUrl) is { } video)
                {
                    media.Add(new EntryMedia(video, null, MediaKind.Video));
                }

                return;
            case "iframe" when media is not null:
                if (element.GetAttribute("src") is { } fsrc && Absolute(fsrc, baseUrl) is { } frame && IsEmbedHost(frame))
                {
                    media.Add(new EntryMedia(frame, NullIfEmpty(element.GetAttribute("title")), MediaKind.Embed));
                }

                return;
            default:
                break;
        }

        var isBlock = (element.Category & ElementCategory.Block) != 0;
        if (isBlock)
        {
            text.Break();
        }

        var url = links is not null && name == "a" ? text.Resolve(element.GetAttribute("href"), baseUrl) : null;
        if (url is not null)
        {
            text.Mark();
        }

        var childPre = pre || name == "pre";
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            Append(child, text, baseUrl, links, media, childPre);
        }

        if (url is not null)
        {
            var linkText = text.EndMark();
            links!.Add(new EntryLink(linkText.Length > 0 ? linkText : url, url));
        }

        if (isBlock)
        {
            text.Break();
        }
    }

    private static string? ImageSource(HtmlElement img)
    {
        var src = img.GetAttribute("src");
        if (string.IsNullOrWhiteSpace(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            src = img.GetAttribute("data-src") ?? img.GetAttribute("data-lazy-src") ?? img.GetAttribute("srcset")?.Split(',')[0].Trim().Split(' ')[0];
        }

        return string.IsNullOrWhiteSpace(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? null : src;
    }

    private static bool IsEmbedHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) &&
        (u.Host.Contains("youtube", StringComparison.OrdinalIgnoreCase) || u.Host.Contains("vimeo", StringComparison.OrdinalIgnoreCase) ||
         u.Host.Contains("twitter", StringComparison.OrdinalIgnoreCase) || u.Host.EndsWith("x.com", StringComparison.OrdinalIgnoreCase) ||
         u.Host.Contains("instagram", StringComparison.OrdinalIgnoreCase) || u.Host.Contains("facebook", StringComparison.OrdinalIgnoreCase));

    /// <summary>An absolute http(s) URL, or null for in-page anchors, javascript: and the like.</summary>
    public static string? Absolute(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.StartsWith('#'))
        {
            return null;
        }

        // Most links on a page are already in the form System.Uri would give them: skip building a Uri for those.
        if (CanonicalUrl.IsCanonicalAbsolute(href))
        {
            return href;
        }

        if (CanonicalUrl.Prefix(baseUrl) is { } prefix && CanonicalUrl.IsCanonicalRootPath(href))
        {
            return string.Concat(prefix, href);
        }

        return AbsoluteByUri(href, baseUrl);
    }

    /// <summary>The general case of <see cref="Absolute"/>, through <see cref="Uri"/> (href already trimmed).</summary>
    internal static string? AbsoluteByUri(string href, Uri? baseUrl)
    {
        if (href.StartsWith('#'))
        {
            return null;
        }

        if (href.StartsWith("//", StringComparison.Ordinal))
        {
            href = (baseUrl?.Scheme ?? "https") + ":" + href;
        }

        if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(href, UriKind.Absolute, out var absolute) ? absolute.AbsoluteUri : null;
        }

        if (href.Contains(':', StringComparison.Ordinal) && !href.StartsWith('/') && Uri.TryCreate(href, UriKind.Absolute, out _))
        {
            // mailto:, javascript:, data: and other schemes are not links for a chat.
            return null;
        }

        if (baseUrl is not null && baseUrl.Scheme is "http" or "https" && Uri.TryCreate(baseUrl, href, out var relative) && relative.Scheme is "http" or "https")
        {
            return relative.AbsoluteUri;
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
