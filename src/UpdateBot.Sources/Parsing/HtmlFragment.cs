using System.Net;
using AngleSharp.Html.Parser;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>Plain text (paragraphs), links and images of an HTML fragment such as a feed item's content.</summary>
internal static class HtmlFragment
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

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

        var document = new HtmlParser(ParserOptions).ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var blocks = new HtmlBlockWalker(TimeZoneInfo.Utc, baseUrl, detectTimestamps: false).Walk(document.Body!);
        var links = new List<EntryLink>();
        var media = new List<EntryMedia>();
        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            if (block.Text.Length > 0)
            {
                paragraphs.Add(block.Text);
            }

            links.AddRange(block.Links);
            media.AddRange(block.Media);
        }

        return new Content(string.Join("\n\n", paragraphs), links.DistinctBy(l => l.Url).ToList(), media.DistinctBy(m => m.Url).ToList());
    }

    /// <summary>Plain text: collapse spaces within lines, keep blank lines as paragraph breaks.</summary>
    public static string Normalise(string text)
    {
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join('\n', p.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0)))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}
