using System.Text;

namespace UpdateBot.Telegram.Rendering;

/// <summary>Escaping for Telegram's HTML parse mode: text never becomes markup.</summary>
internal static class TelegramHtml
{
    /// <summary>Escapes &amp;, &lt; and &gt;: the three characters Telegram requires escaped in text.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Escapes a value for a double-quoted attribute (href): quotes as well.</summary>
    public static string EscapeAttribute(string value) => Escape(value).Replace("\"", "&quot;", StringComparison.Ordinal);

    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
