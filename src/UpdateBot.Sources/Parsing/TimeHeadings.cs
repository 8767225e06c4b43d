using System.Buffers;
using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>Which timestamped blocks of a page head entries, and which are the page's own times or not times at all.</summary>
internal static class TimeHeadings
{
    /// <summary>
    /// The blocks whose times head entries. A time in the page's publication line is the page's; so are bare "2:40"s
    /// on a page that also has "0:00": offsets (a video's chapters, a diary by elapsed time), not times of day.
    /// Blocks whose time is not an entry's lose it and stay as text.
    /// </summary>
    public static List<HtmlBlock> Select(List<HtmlBlock> blocks, HtmlElement root)
    {
        var headings = new List<HtmlBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Timestamp is null)
            {
                continue;
            }

            if (NamedAs(b.Element, root, 4, PageDateWords) || NamedAs(b.Element, root, 3, DurationWords))
            {
                blocks[i] = b.WithoutTimestamp();
                continue;
            }

            headings.Add(b);
        }

        if (headings.Exists(h => IsZeroOffset(h.Content.Span)))
        {
            // "0:00", "0:13": a video's chapters or a diary by elapsed time. Its bare "2:40"s are offsets too, not times.
            var offsets = headings.Where(h => IsBareClock(h.Content.Span)).ToHashSet();
            headings.RemoveAll(offsets.Contains);
            for (var i = 0; i < blocks.Count; i++)
            {
                if (offsets.Contains(blocks[i]))
                {
                    blocks[i] = blocks[i].WithoutTimestamp();
                }
            }
        }

        return headings;
    }

    /// <summary>
    /// A first or last time unlike all the others, which are all alike (a byline's time above a ticker whose entries
    /// are "11.04 Uhr: headline" headings; an "updated" stamp below them), is the page's, not an entry's.
    /// </summary>
    public static void DemoteOddEnds(List<HtmlBlock> blocks)
    {
        var stamped = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Timestamp is not null)
            {
                stamped.Add(i);
            }
        }

        if (stamped.Count < 4)
        {
            return;
        }

        var middle = stamped.Skip(1).Take(stamped.Count - 2).Select(i => Shape(blocks[i])).Distinct().ToList();
        if (middle.Count != 1)
        {
            return;
        }

        var odd = new[] { stamped[0], stamped[^1] }.Where(i => Shape(blocks[i]) != middle[0]).ToList();
        foreach (var i in odd)
        {
            blocks[i] = blocks[i].WithoutTimestamp();
        }
    }

    /// <summary>How a time heading is written: its element, its class, whether it carries a headline or a machine time.</summary>
    private static (string Name, string? Class, bool Headline, bool Machine) Shape(HtmlBlock block) =>
        (block.Element.LocalName, block.Element.GetAttribute("class"), block.Headline is not null, block.Timestamp?.Instant is not null);

    /// <summary>"0:13", "0:00:42": an offset from zero, as no clock is written (a clock says "00:13" or "12:13am").</summary>
    private static bool IsZeroOffset(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        return t.Length is 4 or 7 && t[0] == '0' && t[1] == ':' && IsBareClock(text);
    }

    /// <summary>"2:40", "16:03", "1:02:33": digits and colons only, no date, no am/pm, no zone.</summary>
    private static bool IsBareClock(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        if (t.Length is < 4 or > 8)
        {
            return false;
        }

        foreach (var c in t)
        {
            if (!char.IsAsciiDigit(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    private static readonly SearchValues<string> DurationWords =
        SearchValues.Create(["duration", "runtime", "mejs-", "video-length", "timecode"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PageDateWords =
        SearchValues.Create(["pubdate", "published", "dateline", "publish-date", "article-date", "datepublished"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the element or one of its nearest ancestors is named (class, id, itemprop, data-testid) with one of the
    /// words: the page's own publication line ("Published: 10:24 GMT+1 Tuesday, 28 June 2016"), or a media player's or
    /// track list's length ("00:51", "3:25"), which are not entries' times.
    /// </summary>
    private static bool NamedAs(HtmlElement element, HtmlElement root, int levels, SearchValues<string> words)
    {
        var depth = 0;
        for (var e = element; e is not null && e != root && depth < levels; e = e.ParentElement, depth++)
        {
            foreach (var attribute in e.Attributes)
            {
                if (attribute.Name is "class" or "id" or "itemprop" or "data-testid" && attribute.Value.AsSpan().ContainsAny(words))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
