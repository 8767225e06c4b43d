namespace UpdateBot.Sources.Parsing;

/// <summary>Guesses a document's format from its Content-Type and its first characters.</summary>
internal static class FormatDetector
{
    public static string Detect(string text, string? contentType)
    {
        var head = Head(text);
        var type = contentType?.ToLowerInvariant() ?? "";
        if (LooksLikeJson(text))
        {
            if (head.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) || type.Contains("feed+json", StringComparison.Ordinal))
            {
                return "jsonfeed";
            }

            return head.Contains("LiveBlogPosting", StringComparison.OrdinalIgnoreCase) || head.Contains("\"@context\"", StringComparison.Ordinal)
                ? "jsonld"
                : "wordpress-api";
        }

        if (head.StartsWith('<'))
        {
            var probe = head.Length > 4096 ? head[..4096] : head;
            if (probe.Contains("<rss", StringComparison.OrdinalIgnoreCase) || probe.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase) ||
                probe.Contains("<feed", StringComparison.OrdinalIgnoreCase) || probe.Contains("purl.org/rss/1.0", StringComparison.OrdinalIgnoreCase) ||
                probe.Contains("<channel", StringComparison.OrdinalIgnoreCase))
            {
                if (!probe.Contains("<html", StringComparison.OrdinalIgnoreCase) || probe.IndexOf("<html", StringComparison.OrdinalIgnoreCase) > FirstFeedTag(probe))
                {
                    return "rss";
                }
            }

            return "html";
        }

        if (type.Contains("xml", StringComparison.Ordinal) && (type.Contains("rss", StringComparison.Ordinal) || type.Contains("atom", StringComparison.Ordinal)))
        {
            return "rss";
        }

        return type.Contains("html", StringComparison.Ordinal) ? "html" : "liveblog-text";
    }

    public static bool LooksLikeJson(string text)
    {
        var head = Head(text);
        return head.StartsWith('{') || head.StartsWith('[');
    }

    private static int FirstFeedTag(string probe)
    {
        var positions = new[] { "<rss", "<rdf:RDF", "<feed", "<channel" }
            .Select(t => probe.IndexOf(t, StringComparison.OrdinalIgnoreCase))
            .Where(i => i >= 0);
        return positions.DefaultIfEmpty(int.MaxValue).Min();
    }

    private static string Head(string text)
    {
        var span = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        return span[..Math.Min(span.Length, 8192)].ToString();
    }
}
