using System.Text;
using AngleSharp.Dom;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>Plain text, links and images of an element, with whitespace collapsed as a browser would.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button", "select", "option", "input", "textarea",
    };

    public static string TextOf(INode node)
    {
        var builder = new StringBuilder();
        Append(node, builder);
        return Collapse(builder);
    }

    public static bool IsSkipped(IElement element) => Skipped.Contains(element.LocalName);

    private static void Append(INode node, StringBuilder builder)
    {
        switch (node)
        {
            case IText text when text.ParentElement?.Closest("pre") is not null:
                builder.Append(text.Data);
                break;
            case IText text:
                // Line breaks in the source are only spaces; <br> and block boundaries make real breaks.
                foreach (var c in text.Data)
                {
                    builder.Append(c is '\n' or '\r' ? ' ' : c);
                }

                break;
            case IElement element when Skipped.Contains(element.LocalName):
                break;
            case IElement element when element.LocalName == "br":
                builder.Append('\n');
                break;
            default:
                var isBlock = node is IElement e && HtmlBlockWalker.IsBlock(e);
                if (isBlock && builder.Length > 0)
                {
                    builder.Append('\n');
                }

                for (var child = node.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, builder);
                }

                if (isBlock)
                {
                    builder.Append('\n');
                }

                break;
        }
    }

    /// <summary>Collapses runs of spaces to one, keeps single line breaks, trims each line.</summary>
    private static string Collapse(StringBuilder source)
    {
        var result = new StringBuilder(source.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\n')
            {
                pendingBreak = result.Length > 0;
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c) && c != '\u00a0' || c == '\u200b')
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

        return result.ToString();
    }

    public static void CollectLinksAndMedia(IElement element, Uri? baseUrl, List<EntryLink> links, List<EntryMedia> media)
    {
        foreach (var found in element.QuerySelectorAll("a[href], img, video, iframe").Prepend(element))
        {
            switch (found.LocalName)
            {
                case "a" when found.GetAttribute("href") is { } href && Absolute(href, baseUrl) is { } url:
                    var text = TextOf(found);
                    links.Add(new EntryLink(text.Length > 0 ? text : url, url));
                    break;
                case "img" when ImageSource(found) is { } src && Absolute(src, baseUrl) is { } img:
                    media.Add(new EntryMedia(img, NullIfEmpty(found.GetAttribute("alt"))));
                    break;
                case "video" when (found.GetAttribute("src") ?? found.QuerySelector("source[src]")?.GetAttribute("src")) is { } src && Absolute(src, baseUrl) is { } video:
                    media.Add(new EntryMedia(video, null, MediaKind.Video));
                    break;
                case "iframe" when found.GetAttribute("src") is { } src && Absolute(src, baseUrl) is { } frame && IsEmbedHost(frame):
                    media.Add(new EntryMedia(frame, NullIfEmpty(found.GetAttribute("title")), MediaKind.Embed));
                    break;
                default:
                    break;
            }
        }
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

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        if (baseUrl is not null && baseUrl.Scheme is "http" or "https" && Uri.TryCreate(baseUrl, href, out var relative) && relative.Scheme is "http" or "https")
        {
            return relative.AbsoluteUri;
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
