using System.Text;

namespace UpdateBot.Discord.Messages;

/// <summary>
/// Escapes text for Discord markdown and neutralises mentions. Every character Discord may read as markup is
/// backslash-escaped; '@' is followed by a zero-width joiner so "@everyone", "@here" and "&lt;@id&gt;" never ping
/// (allowed_mentions also forbids it: two independent guards).
/// </summary>
internal static class DiscordMarkdown
{
    public const char ZeroWidthJoiner = '\u200D';

    private const string Special = "\\*_~`|[]()<";

    // Markdown only at the start of a line: headings, quotes, lists, subtext.
    private const string LineStartSpecial = "#>-+";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '@')
            {
                builder.Append('@').Append(ZeroWidthJoiner);
            }
            else if (Special.Contains(c, StringComparison.Ordinal)
                || (LineStartSpecial.Contains(c, StringComparison.Ordinal) && AtLineStart(builder)))
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '.' && EndsWithLineStartDigits(builder))
            {
                // "1. text" at the start of a line would become a list item.
                builder.Append("\\.");
            }
            else
            {
                builder.Append(c);
            }

        }

        return builder.ToString();
    }

    /// <summary>Plain-text places (footers, button labels, autocomplete names) render no markdown but must not ping.</summary>
    public static string NeutraliseMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("@", "@" + ZeroWidthJoiner, StringComparison.Ordinal);
    }

    /// <summary>Text inside a code span: markdown escapes do not apply there, so backticks are swapped for a look-alike.</summary>
    public static string CodeSpan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inner = NeutraliseMentions(text.Replace('`', '\u02CB')).Replace("\n", " ", StringComparison.Ordinal);
        return inner.Length == 0 ? "" : "`" + inner + "`";
    }

    /// <summary>An http(s) URL safe inside "(...)" of a markdown link, or null.</summary>
    public static string? SafeUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var text = uri.AbsoluteUri;
        return text.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal);
    }

    private static bool AtLineStart(StringBuilder builder)
    {
        var i = builder.Length - 1;
        while (i >= 0 && builder[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || builder[i] == '\n';
    }

    private static bool EndsWithLineStartDigits(StringBuilder builder)
    {
        var i = builder.Length - 1;
        if (i < 0 || !char.IsAsciiDigit(builder[i]))
        {
            return false;
        }

        while (i >= 0 && char.IsAsciiDigit(builder[i]))
        {
            i--;
        }

        return i < 0 || builder[i] == '\n';
    }
}
