using System.Text;
using System.Text.Encodings.Web;
using System.Xml;
using UpdateBot.Core.Entries;

namespace UpdateBot.Web.Feeds;

/// <summary>Titles and bodies of feed items, from an entry's plain text, links and media.</summary>
internal static class FeedText
{
    private const int TitleLength = 90;

    /// <summary>The entry's title, else its opening words; breaking entries are marked.</summary>
    public static string Title(Entry entry)
    {
        var title = string.IsNullOrWhiteSpace(entry.Title) ? Opening(entry.Text) : entry.Title.Trim();
        return entry.Kind == EntryKind.Breaking ? "Breaking: " + title : title;
    }

    /// <summary>HTML for readers: one paragraph per paragraph of text, then links and images; all text escaped.</summary>
    public static string Html(Entry entry)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        foreach (var paragraph in entry.Paragraphs)
        {
            html.Append("<p>").Append(encoder.Encode(paragraph).Replace("&#xA;", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (entry.Links.Count > 0)
        {
            html.Append("<ul>");
            foreach (var link in entry.Links.Where(l => IsHttp(l.Url)))
            {
                html.Append("<li><a href=\"").Append(encoder.Encode(link.Url)).Append("\">")
                    .Append(encoder.Encode(string.IsNullOrWhiteSpace(link.Text) ? link.Url : link.Text)).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        foreach (var media in entry.Media.Where(m => m.Kind == MediaKind.Image && IsHttp(m.Url)))
        {
            html.Append("<p><img src=\"").Append(encoder.Encode(media.Url)).Append("\" alt=\"")
                .Append(encoder.Encode(media.Caption ?? "")).Append("\"></p>");
        }

        return html.ToString();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates); everything else stays.</summary>
    public static string XmlSafe(string value)
    {
        if (XmlConvert.VerifyXmlChars(value) is null)
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Opening(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= TitleLength)
        {
            return flat.Length == 0 ? "(untitled)" : flat;
        }

        var cut = flat.LastIndexOf(' ', TitleLength);
        return flat[..(cut > TitleLength / 2 ? cut : TitleLength)] + "…";
    }
}
