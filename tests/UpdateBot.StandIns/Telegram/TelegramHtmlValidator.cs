using System.Globalization;
using System.Text;

namespace UpdateBot.StandIns.Telegram;

/// <summary>
/// Parses Telegram HTML the way the Bot API does for the rules that matter to a bot: only the supported tags,
/// balanced; only &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities; every other &lt; &gt; &amp; must be escaped.
/// Returns the visible text, or the "can't parse entities" error text Telegram would give.
/// </summary>
public static class TelegramHtmlValidator
{
    private static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
        "span", "tg-spoiler", "blockquote", "tg-emoji", "tg-time",
    };

    public static bool TryParse(string html, out string visible, out string? error)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        visible = "";
        error = null;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0)
                {
                    error = $"Can't find end of tag at byte offset {ByteOffset(html, i)}";
                    return false;
                }

                var tag = html[(i + 1)..close];
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim();
                    if (open.Count == 0 || !string.Equals(open.Peek(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        error = open.Count == 0
                            ? $"Unexpected end tag at byte offset {ByteOffset(html, i)}"
                            : $"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected \"</{open.Peek()}>\", found \"</{name}>\"";
                        return false;
                    }

                    open.Pop();
                }
                else
                {
                    var space = tag.IndexOfAny([' ', '\t', '\n']);
                    var name = space < 0 ? tag : tag[..space];
                    if (name.Length == 0 || !Tags.Contains(name))
                    {
                        error = $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}";
                        return false;
                    }

                    if (string.Equals(name, "a", StringComparison.OrdinalIgnoreCase) && !tag.Contains("href=", StringComparison.OrdinalIgnoreCase))
                    {
                        error = $"Tag \"a\" must have attribute \"href\" at byte offset {ByteOffset(html, i)}";
                        return false;
                    }

                    if (space >= 0 && !AttributesValid(tag[space..]))
                    {
                        error = $"Can't parse attributes of tag \"{name}\" at byte offset {ByteOffset(html, i)}";
                        return false;
                    }

                    open.Push(name);
                }

                i = close + 1;
            }
            else if (c == '&')
            {
                var semicolon = html.IndexOf(';', i);
                var entity = semicolon < 0 || semicolon - i > 10 ? null : html[(i + 1)..semicolon];
                var decoded = entity is null ? null : Decode(entity);
                if (decoded is null)
                {
                    error = $"Can't find end of the entity starting at byte offset {ByteOffset(html, i)}";
                    return false;
                }

                text.Append(decoded);
                i = semicolon + 1;
            }
            else if (c == '>')
            {
                error = $"Character '>' is reserved and must be escaped at byte offset {ByteOffset(html, i)}";
                return false;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        if (open.Count > 0)
        {
            error = $"Can't find end tag corresponding to start tag \"{open.Peek()}\"";
            return false;
        }

        visible = text.ToString();
        return true;
    }

    private static bool AttributesValid(string attributes)
    {
        // Quotes must be balanced and no raw '<' may appear inside an attribute.
        var quotes = attributes.Count(ch => ch == '"');
        return quotes % 2 == 0 && !attributes.Contains('<', StringComparison.Ordinal);
    }

    private static string? Decode(string entity) => entity switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        _ when entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) && hex is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) =>
            char.ConvertFromUtf32(hex),
        _ when entity.StartsWith('#')
            && int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && dec is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) =>
            char.ConvertFromUtf32(dec),
        _ => null,
    };

    private static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
}
