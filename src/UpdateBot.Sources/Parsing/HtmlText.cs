using System.Text;
using AngleSharp.Dom;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>Plain text, links and images of an element in one pass, with whitespace collapsed as a browser would.</summary>
internal static class HtmlText
{
    public static bool IsSkipped(IElement element) => element.LocalName switch
    {
        "script" or "style" or "noscript" or "template" or "svg" or "head" or "title" or "meta" or "link" or "button"
            or "select" or "option" or "input" or "textarea" or "object" => true,
        _ => false,
    };

    public static string TextOf(INode node)
    {
        var builder = new StringBuilder();
        Append(node, builder, null, null, null, pre: false);
        return Collapse(builder);
    }

    /// <summary>The text of some nodes, collecting links and media on the way.</summary>
    public static string Extract(IEnumerable<INode> nodes, Uri? baseUrl, List<EntryLink> links, List<EntryMedia> media)
    {
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, builder, baseUrl, links, media, pre: false);
        }

        return Collapse(builder);
    }

    public static string Extract(INode node, Uri? baseUrl, List<EntryLink> links, List<EntryMedia> media)
    {
        var builder = new StringBuilder();
        Append(node, builder, baseUrl, links, media, pre: false);
        return Collapse(builder);
    }

    private static void Append(INode node, StringBuilder builder, Uri? baseUrl, List<EntryLink>? links, List<EntryMedia>? media, bool pre)
    {
        if (node is IText text)
        {
            if (pre)
            {
                builder.Append(text.Data);
                return;
            }

            // Line breaks in the source are only spaces; <br> and block boundaries make real breaks.
            foreach (var c in text.Data)
            {
                builder.Append(c is '\n' or '\r' ? ' ' : c);
            }

            return;
        }

        if (node is not IElement element)
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
                builder.Append('\n');
                return;
            case "img" when media is not null:
                if (ImageSource(element) is { } src && Absolute(src, baseUrl) is { } img)
                {
                    media.Add(new EntryMedia(img, NullIfEmpty(element.GetAttribute("alt"))));
                }

                return;
            case "video" when media is not null:
                if ((element.GetAttribute("src") ?? element.QuerySelector("source[src]")?.GetAttribute("src")) is { } vsrc && Absolute(vsrc, baseUrl) is { } video)
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

        var isBlock = HtmlBlockWalker.IsBlock(name);
        if (isBlock && builder.Length > 0)
        {
            builder.Append('\n');
        }

        var start = builder.Length;
        var childPre = pre || name == "pre";
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            Append(children[i], builder, baseUrl, links, media, childPre);
        }

        if (links is not null && name == "a" && Absolute(element.GetAttribute("href"), baseUrl) is { } url)
        {
            var linkText = Collapse(new StringBuilder(builder.ToString(start, builder.Length - start)));
            links.Add(new EntryLink(linkText.Length > 0 ? linkText : url, url));
        }

        if (isBlock)
        {
            builder.Append('\n');
        }
    }

    /// <summary>Collapses runs of spaces to one, keeps single line breaks, trims each line.</summary>
    private static string Collapse(StringBuilder source)
    {
        var result = new StringBuilder(source.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var chunk in source.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c == '\n')
                {
                    pendingBreak = result.Length > 0;
                    pendingSpace = false;
                }
                else if ((char.IsWhiteSpace(c) && c != '\u00a0') || c == '\u200b')
                {
                    pendingSpace = result.Length > 0;
                }
                else
                {
                    if (pendingBreak)
                    {
                        result.Append('\n');
                    }
                    else if (pendingSpace)
                    {
                        result.Append(' ');
                    }

                    pendingBreak = false;
                    pendingSpace = false;
                    result.Append(c == '\u00a0' ? ' ' : c);
                }
            }
        }

        return result.ToString();
    }

    private static string? ImageSource(IElement img)
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
