using System.Text;
using System.Text.RegularExpressions;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Plain text of a live blog: a line that is only a timestamp starts an entry, which runs to the next one;
/// blank lines separate paragraphs; text before the first heading is the introduction; trailing chrome is cut.
/// </summary>
internal static partial class TextLiveBlogParser
{
    [GeneratedRegex(@"https?://[^\s<>""')\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    public static FeedSnapshot Parse(string text, PageContext page, string sourceName)
    {
        var raw = new List<RawEntry>();
        RawEntry? current = null;
        var paragraph = new StringBuilder();

        void EndParagraph()
        {
            if (current is not null && paragraph.Length > 0)
            {
                current.Paragraphs.Add(paragraph.ToString().AsMemory());
            }

            paragraph.Clear();
        }

        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim().Replace('\u00a0', ' ');
            if (line.Length == 0)
            {
                EndParagraph();
                continue;
            }

            if (TimestampText.TryParse(line, page.Zone, out var parts))
            {
                EndParagraph();
                current = new RawEntry(parts);
                raw.Add(current);
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append('\n');
            }

            paragraph.Append(line);
            foreach (Match url in UrlPattern().Matches(line))
            {
                var target = url.Value.TrimEnd('.', ',', ';', ':');
                current.Links.Add(new EntryLink(target, target));
            }
        }

        EndParagraph();
        if (raw.Count > 0)
        {
            ChromeText.TrimTrailing(raw[^1].Paragraphs);
            var kept = raw[^1].Paragraphs;
            raw[^1].Links.RemoveAll(l => !kept.Any(p => p.Span.Contains(l.Url, StringComparison.Ordinal)));
        }

        var entries = EntryAssembler.Assemble(raw, page, sourceName);
        return new FeedSnapshot(null, entries.Count > 0 ? FeedKind.LiveBlog : FeedKind.Unknown, "liveblog-text", entries);
    }
}
