using System.Buffers;
using System.Globalization;
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
        return new Content(scanner.Text.ToString(), Distinct(scanner.Links, l => l.Url), Distinct(scanner.Media, m => m.Url));
    }

    /// <summary>Plain text: collapse spaces within lines, keep blank lines as paragraph breaks.</summary>
    public static string Normalise(string text) => ParagraphText.Normalise(text);

    private static List<T> Distinct<T>(List<T> items, Func<T, string> key) =>
        items.Count <= 1 ? items : items.DistinctBy(key, StringComparer.Ordinal).ToList();

    private sealed class Scanner(string html, Uri? baseUrl)
    {
        /// <summary>Lower-case names of common tags, so reading a tag allocates no string.</summary>
        private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = new Dictionary<string, string>(
            ((string[])["a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "center", "cite", "code", "dd", "del", "details",
                "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4",
                "h5", "h6", "header", "hr", "i", "iframe", "img", "ins", "kbd", "li", "main", "mark", "nav", "noscript", "object", "ol", "p",
                "picture", "pre", "q", "s", "section", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg",
                "table", "tbody", "td", "template", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "video", "script"])
            .ToDictionary(n => n, n => n, StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();

        private static readonly SearchValues<char> ReferenceChars = SearchValues.Create("#0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

        private readonly Stack<(int Start, string Href)> openLinks = new();
        private int position;

        public ParagraphText Text { get; } = new(html.Length / 2);

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

        /// <summary>Character data: line breaks and tabs are spaces; character references are decoded.</summary>
        private void AppendText(ReadOnlySpan<char> raw)
        {
            while (!raw.IsEmpty)
            {
                var amp = raw.IndexOf('&');
                Text.Append(amp < 0 ? raw : raw[..amp], htmlSpace: true);

                if (amp < 0)
                {
                    return;
                }

                raw = raw[amp..];
                raw = raw[AppendReference(raw)..];
            }
        }

        /// <summary>Decodes the character reference at the start of <paramref name="raw"/> (which starts with '&amp;'); returns the characters used.</summary>
        private int AppendReference(ReadOnlySpan<char> raw)
        {
            var semicolon = raw[..Math.Min(raw.Length, 34)].IndexOf(';');
            if (semicolon < 2 || raw[1..semicolon].ContainsAnyExcept(ReferenceChars))
            {
                Text.Append('&');
                return 1;
            }

            var name = raw[1..semicolon];
            var length = semicolon + 1;
            if (name[0] == '#')
            {
                var hex = name.Length > 1 && name[1] is 'x' or 'X';
                if (int.TryParse(name[(hex ? 2 : 1)..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                    && Rune.TryCreate(code, out var rune) && code != 0)
                {
                    Span<char> chars = stackalloc char[2];
                    Text.Append(chars[..rune.EncodeToUtf16(chars)]);
                    return length;
                }
            }

            switch (name)
            {
                case "amp":
                    Text.Append('&');
                    return length;
                case "lt":
                    Text.Append('<');
                    return length;
                case "gt":
                    Text.Append('>');
                    return length;
                case "quot":
                    Text.Append('"');
                    return length;
                case "apos":
                    Text.Append('\'');
                    return length;
                case "nbsp":
                    Text.Append('\u00a0');
                    return length;
                default:
                    // Anything else as WebUtility decodes it (an unknown name stays as written).
                    Text.Append(WebUtility.HtmlDecode(raw[..length].ToString()));
                    return length;
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

            var name = TagName(html.AsSpan(nameStart, i - nameStart));
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

        /// <summary>The lower-case local name (after any prefix) of a tag.</summary>
        private static string TagName(ReadOnlySpan<char> raw)
        {
            var colon = raw.LastIndexOf(':');
            if (colon >= 0)
            {
                raw = raw[(colon + 1)..];
            }

            if (raw.Length <= 16)
            {
                Span<char> lower = stackalloc char[raw.Length];
                raw.ToLowerInvariant(lower);
                if (KnownNames.TryGetValue(lower, out var known))
                {
                    return known;
                }
            }

            return raw.ToString().ToLowerInvariant();
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
                    Text.Line();
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
                        Text.Paragraph();
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
                    var text = Text.Substring(start).Trim().Replace('\n', ' ');
                    Links.Add(new EntryLink(text.Length > 0 ? text : url, url));
                }

                return;
            }

            if (HtmlBlockWalker.IsBlock(name))
            {
                Text.Paragraph();
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
