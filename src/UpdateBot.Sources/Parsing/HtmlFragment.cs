using System.Net;
using System.Text;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Plain text (paragraphs), links and images of an HTML fragment such as a feed item's content. A small
/// forgiving scanner, not a DOM: feed items are many and short, and building a document for each is costly.
/// </summary>
internal static class HtmlFragment
{
    public sealed record Content(string Text, IReadOnlyList<EntryLink> Links, IReadOnlyList<EntryMedia> Media);

    public static Content Convert(string? html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return new Content("", [], []);
        }

        if (html.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            // No markup: entities may still need decoding; blank lines stay paragraph breaks.
            var decoded = html.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(html) : html;
            return new Content(Normalise(decoded), [], []);
        }

        var scanner = new Scanner(html, baseUrl);
        scanner.Run();
        return new Content(Normalise(scanner.Text.ToString()), scanner.Links.DistinctBy(l => l.Url).ToList(), scanner.Media.DistinctBy(m => m.Url).ToList());
    }

    /// <summary>Plain text: collapse spaces within lines, keep blank lines as paragraph breaks.</summary>
    public static string Normalise(string text)
    {
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join('\n', p.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0)))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private sealed class Scanner(string html, Uri? baseUrl)
    {
        private readonly Stack<(int Start, string Href)> openLinks = new();
        private int position;

        public StringBuilder Text { get; } = new(html.Length);

        public List<EntryLink> Links { get; } = [];

        public List<EntryMedia> Media { get; } = [];

        public void Run()
        {
            while (position < html.Length)
            {
                var lt = html.IndexOf('<', position);
                if (lt < 0)
                {
                    AppendText(html.AsSpan(position));
                    return;
                }

                AppendText(html.AsSpan(position, lt - position));
                position = lt;
                ReadMarkup();
            }
        }

        private void AppendText(ReadOnlySpan<char> raw)
        {
            if (raw.IsEmpty)
            {
                return;
            }

            var start = Text.Length;
            foreach (var c in raw)
            {
                Text.Append(c is '\n' or '\r' or '\t' ? ' ' : c);
            }

            if (raw.Contains('&'))
            {
                var decoded = WebUtility.HtmlDecode(Text.ToString(start, Text.Length - start));
                Text.Length = start;
                Text.Append(decoded);
            }
        }

        private void ReadMarkup()
        {
            if (Starts("<!--"))
            {
                Skip("-->");
                return;
            }

            if (Starts("<![CDATA["))
            {
                var cdataEnd = html.IndexOf("]]>", position, StringComparison.Ordinal);
                var stop = cdataEnd < 0 ? html.Length : cdataEnd;
                AppendText(html.AsSpan(position + 9, stop - position - 9));
                position = cdataEnd < 0 ? html.Length : cdataEnd + 3;
                return;
            }

            if (Starts("<!") || Starts("<?"))
            {
                Skip(">");
                return;
            }

            var i = position + 1;
            var closing = i < html.Length && html[i] == '/';
            if (closing)
            {
                i++;
            }

            var nameStart = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is ':' or '-'))
            {
                i++;
            }

            if (i == nameStart)
            {
                // A lone '<' is text.
                Text.Append('<');
                position++;
                return;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            var colon = name.LastIndexOf(':');
            if (colon >= 0)
            {
                name = name[(colon + 1)..];
            }

            var end = FindTagEnd(i);
            var attributes = html.AsSpan(i, Math.Max(0, end - i));
            position = Math.Min(html.Length, end + 1);
            if (closing)
            {
                Close(name);
            }
            else
            {
                Open(name, attributes);
            }
        }

        private void Open(string name, ReadOnlySpan<char> attributes)
        {
            switch (name)
            {
                case "script" or "style" or "template" or "noscript" or "svg" or "object":
                    var close = html.IndexOf("</" + name, position, StringComparison.OrdinalIgnoreCase);
                    position = close < 0 ? html.Length : close;
                    return;
                case "br":
                    Text.Append('\n');
                    return;
                case "img":
                    var src = Attribute(attributes, "src");
                    if (string.IsNullOrWhiteSpace(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                    {
                        src = Attribute(attributes, "data-src");
                    }

                    if (HtmlText.Absolute(src, baseUrl) is { } image)
                    {
                        var alt = Attribute(attributes, "alt");
                        Media.Add(new EntryMedia(image, string.IsNullOrWhiteSpace(alt) ? null : WebUtility.HtmlDecode(alt).Trim()));
                    }

                    return;
                case "a":
                    openLinks.Push((Text.Length, Attribute(attributes, "href") ?? ""));
                    return;
                default:
                    if (HtmlBlockWalker.IsBlock(name))
                    {
                        Text.Append("\n\n");
                    }

                    return;
            }
        }

        private void Close(string name)
        {
            if (name == "a" && openLinks.Count > 0)
            {
                var (start, href) = openLinks.Pop();
                if (HtmlText.Absolute(WebUtility.HtmlDecode(href), baseUrl) is { } url)
                {
                    var text = Normalise(Text.ToString(start, Text.Length - start)).Replace('\n', ' ');
                    Links.Add(new EntryLink(text.Length > 0 ? text : url, url));
                }

                return;
            }

            if (HtmlBlockWalker.IsBlock(name))
            {
                Text.Append("\n\n");
            }
        }

        private int FindTagEnd(int from)
        {
            var quote = '\0';
            for (var i = from; i < html.Length; i++)
            {
                var c = html[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    return i;
                }
            }

            return html.Length;
        }

        private static string? Attribute(ReadOnlySpan<char> attributes, string name)
        {
            var i = 0;
            while (i < attributes.Length)
            {
                while (i < attributes.Length && (char.IsWhiteSpace(attributes[i]) || attributes[i] == '/'))
                {
                    i++;
                }

                var nameStart = i;
                while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]) && attributes[i] is not '=' and not '>' and not '/')
                {
                    i++;
                }

                var attributeName = attributes[nameStart..i];
                while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
                {
                    i++;
                }

                string? value = null;
                if (i < attributes.Length && attributes[i] == '=')
                {
                    i++;
                    while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
                    {
                        i++;
                    }

                    if (i < attributes.Length && attributes[i] is '"' or '\'')
                    {
                        var quote = attributes[i++];
                        var valueStart = i;
                        while (i < attributes.Length && attributes[i] != quote)
                        {
                            i++;
                        }

                        value = attributes[valueStart..i].ToString();
                        i++;
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]))
                        {
                            i++;
                        }

                        value = attributes[valueStart..i].ToString();
                    }
                }

                if (attributeName.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return value is null ? "" : WebUtility.HtmlDecode(value);
                }

                if (i == nameStart)
                {
                    i++;
                }
            }

            return null;
        }

        private bool Starts(string prefix) => html.AsSpan(position).StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        private void Skip(string terminator)
        {
            var end = html.IndexOf(terminator, position, StringComparison.Ordinal);
            position = end < 0 ? html.Length : end + terminator.Length;
        }
    }
}
