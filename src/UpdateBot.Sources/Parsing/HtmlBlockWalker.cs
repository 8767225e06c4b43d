using System.Globalization;
using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Walks a page once, in reading order, and cuts it into blocks: a block element without block descendants is a
/// paragraph, and so is each run of inline content between block children. A paragraph whose text is only a
/// timestamp — or a short line carrying a machine-readable time (time[datetime], data-timestamp, an ISO title) —
/// is a timestamp heading. Chrome elements met on the way are noted on each block, not decided here.
/// </summary>
internal sealed class HtmlBlockWalker(TimeZoneInfo zone, Uri? baseUrl, bool detectTimestamps = true, Func<HtmlElement, bool>? isChrome = null)
{
    private const int MaxBylineLength = 60;
    private const int MaxMachineHeadingLength = 100;

    private static readonly string[] EpochAttributes = ["data-timestamp", "data-post-time", "data-time", "data-epoch", "data-utime"];

    private enum Kind
    {
        Ignored,
        Inline,
        Block,
    }

    public static bool IsBlock(string name) => (ElementCategories.Of(name) & ElementCategory.Block) != 0;

    // One text buffer and one pair of link/media lists serve every block of the walk; a block gets its own lists
    // only when it has links or media.
    private readonly TextCollapser text = new();
    private readonly List<EntryLink> links = [];
    private readonly List<EntryMedia> media = [];

    private PageScan? scan;

    public List<HtmlBlock> Walk(HtmlElement root)
    {
        var blocks = new List<HtmlBlock>();
        Visit(root, blocks, null);
        return blocks;
    }

    /// <summary>Walks <paramref name="root"/> and notes every element in it (skipped ones too) for the page scan.</summary>
    public List<HtmlBlock> Walk(HtmlElement root, PageScan pageScan)
    {
        scan = pageScan;
        try
        {
            return Walk(root);
        }
        finally
        {
            scan = null;
        }
    }

    private Kind Visit(HtmlElement element, List<HtmlBlock> blocks, ChromeChain? chrome)
    {
        scan?.Note(element);
        if (HtmlText.IsSkipped(element))
        {
            scan?.VisitSubtree(element);
            return Kind.Ignored;
        }

        if (isChrome is not null && isChrome(element))
        {
            chrome = new ChromeChain(element, chrome);
        }

        var hasBlockChild = false;

        // The current run of inline content: the children from runFrom up to the current one, placed at blocks[runAt].
        HtmlNode? runFrom = null;
        var runAt = 0;
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is HtmlElement childElement)
            {
                var kind = Visit(childElement, blocks, chrome);
                if (kind == Kind.Block)
                {
                    hasBlockChild = true;
                    if (runFrom is not null)
                    {
                        FlushRun(element, runFrom, child, blocks, runAt, chrome);
                    }

                    runFrom = null;
                    continue;
                }

                if (kind == Kind.Ignored)
                {
                    continue;
                }
            }

            if (runFrom is null)
            {
                runFrom = child;
                runAt = blocks.Count;
            }
        }

        if (hasBlockChild)
        {
            if (runFrom is not null)
            {
                FlushRun(element, runFrom, null, blocks, blocks.Count, chrome);
            }

            return Kind.Block;
        }

        if ((element.Category & ElementCategory.Block) == 0)
        {
            return Kind.Inline;
        }

        AddLeaf(element, blocks, chrome);
        return Kind.Block;
    }

    /// <summary>Makes a block of the inline children from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    private void FlushRun(HtmlElement parent, HtmlNode from, HtmlNode? to, List<HtmlBlock> blocks, int index, ChromeChain? chrome)
    {
        // Ignored children in the run add no text.
        for (var node = from; node is not null && node != to; node = node.NextSibling)
        {
            HtmlText.Append(node, text, baseUrl, links, media, pre: false);
        }

        var content = text.TakeSlice();
        if (content.Length == 0 && media.Count == 0)
        {
            links.Clear();
            return;
        }

        var block = Classify(parent, content, chrome, leaf: false);
        blocks.Insert(Math.Min(index, blocks.Count), block);
    }

    private void AddLeaf(HtmlElement element, List<HtmlBlock> blocks, ChromeChain? chrome)
    {
        if (detectTimestamps && LeadingBoldTime(element) is { } lead)
        {
            // "<p><strong>16.06 </strong>The plane made a steep climb…</p>": the time heads an entry, the rest is its text.
            blocks.Add(new HtmlBlock(element, lead.Text) { Timestamp = lead.Parts, Chrome = chrome });
            if (lead.After.Length > 0)
            {
                // "<strong>06.25 Jonathan Pearlman </strong>in Palangkan Bun has…": the words after the time open the text.
                text.Append(lead.After, pre: false);
                text.Append(" ", pre: false);
            }

            for (var node = lead.Bold.NextSibling; node is not null; node = node.NextSibling)
            {
                HtmlText.Append(node, text, baseUrl, links, media, pre: false);
            }

            var rest = text.TakeSlice();
            if (rest.Length > 0 || media.Count > 0)
            {
                var (restLinks, restMedia) = TakeLinksAndMedia();
                blocks.Add(new HtmlBlock(element, rest) { Chrome = chrome, Links = restLinks, Media = restMedia });
            }
            else
            {
                links.Clear();
            }

            return;
        }

        HtmlText.Append(element, text, baseUrl, links, media, pre: false);
        var content = text.TakeSlice();
        if (content.Length == 0 && media.Count == 0 && !(detectTimestamps && HasMachineTime(element)))
        {
            links.Clear();
            return;
        }

        blocks.Add(Classify(element, content, chrome, leaf: true));
    }

    /// <summary>The links and media gathered for the block being made, handed over (the shared lists start over).</summary>
    private (IReadOnlyList<EntryLink> Links, IReadOnlyList<EntryMedia> Media) TakeLinksAndMedia()
    {
        IReadOnlyList<EntryLink> l = links.Count == 0 ? [] : links.ToArray();
        IReadOnlyList<EntryMedia> m = media.Count == 0 ? [] : media.ToArray();
        links.Clear();
        media.Clear();
        return (l, m);
    }

    private HtmlBlock Classify(HtmlElement element, ReadOnlyMemory<char> slice, ChromeChain? chrome, bool leaf)
    {
        var isHeading = (element.Category & ElementCategory.Heading) != 0;
        if (!detectTimestamps || slice.Length > (isHeading ? TimestampText.MaxHeadlineLength : MaxMachineHeadingLength))
        {
            var (paragraphLinks, paragraphMedia) = TakeLinksAndMedia();
            return new HtmlBlock(element, slice) { IsHeading = isHeading, Chrome = chrome, Links = paragraphLinks, Media = paragraphMedia };
        }

        // A short line may be a heading: it is looked at as a string.
        var content = text.Share(slice.Span);
        var machine = leaf ? MachineTime(element) : null;
        if (content.Length <= TimestampText.MaxLength && TimestampText.TryParse(content, zone, out var parts))
        {
            DropLinksAndMedia();
            return new HtmlBlock(element, content) { Timestamp = Refine(parts, machine), Chrome = chrome };
        }

        if (machine?.Instant is not null && content.Length <= MaxMachineHeadingLength)
        {
            // A short line with a machine-readable time: "7m ago", "20:22 Jane Doe", "00:17 (IST) Feb 26".
            var rest = RemoveTimeText(element, content);
            if (rest.Length <= MaxBylineLength)
            {
                DropLinksAndMedia();
                return new HtmlBlock(element, content) { Timestamp = machine, Byline = rest.Length > 0 && !LooksRelative(rest) ? rest : null, Chrome = chrome };
            }
        }

        if (machine is null && TimestampText.TryParseDate(content, out var date))
        {
            return Paragraph(element, content, isHeading, chrome, date);
        }

        if (isHeading && TimestampText.TryParseLeading(content, zone, out var leading, out var headline))
        {
            // A heading that is a time and a headline: "11.04 Uhr: Talks resume".
            DropLinksAndMedia();
            return new HtmlBlock(element, content) { Timestamp = Refine(leading, machine), Headline = headline, Chrome = chrome };
        }

        return Paragraph(element, content, isHeading, chrome);
    }

    /// <summary>
    /// A paragraph that opens with a time in bold and goes on with text: the bold element, its text and the time.
    /// A paragraph that is only the bold time is left to the ordinary path.
    /// </summary>
    private (HtmlElement Bold, string Text, TimestampParts Parts, string After)? LeadingBoldTime(HtmlElement element)
    {
        HtmlElement? bold = null;
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is HtmlTextNode textNode && textNode.Span.IsWhiteSpace())
            {
                continue;
            }

            bold = node as HtmlElement;
            break;
        }

        if (bold is not { LocalName: "strong" or "b" } || bold.NextSibling is null)
        {
            return null;
        }

        var time = HtmlText.TextOf(bold).TrimEnd(' ', ':', '-', '–', '—', '|', '.', ',');
        var rest = "";
        if (time.Length is 0 or > TimestampText.MaxLength || !TimestampText.TryParse(time, zone, out var parts))
        {
            // A bare time and then words in the same bold run: "06.25 Jonathan Pearlman".
            var space = time.IndexOf(' ', StringComparison.Ordinal);
            if (space is < 4 or > 8 || !TimestampText.TryParse(time[..space], zone, out parts))
            {
                return null;
            }

            rest = time[(space + 1)..].Trim();
            if (!IsName(rest))
            {
                // "8.30am ET (12.30pm GMT)": a schedule line inside an entry, not a heading.
                return null;
            }

            time = time[..space];
        }

        for (var node = bold.NextSibling; node is not null; node = node.NextSibling)
        {
            if (node is not HtmlTextNode t || !t.Span.IsWhiteSpace())
            {
                return (bold, time, parts, rest);
            }
        }

        return null;
    }

    /// <summary>A reporter's name after a time: a few capitalised words of letters ("Jonathan Pearlman").</summary>
    private static bool IsName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4 && text.Length <= 40 &&
            words.All(w => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLetter(c) || c is '-' or '\''));
    }

    private HtmlBlock Paragraph(HtmlElement element, string content, bool isHeading, ChromeChain? chrome, TimestampParts? date = null)
    {
        var (blockLinks, blockMedia) = TakeLinksAndMedia();
        return new HtmlBlock(element, content) { IsHeading = isHeading, Chrome = chrome, Links = blockLinks, Media = blockMedia, Date = date };
    }

    private void DropLinksAndMedia()
    {
        links.Clear();
        media.Clear();
    }

    private static TimestampParts Refine(TimestampParts parts, TimestampParts? machine)
    {
        if (machine is null)
        {
            return parts;
        }

        if (machine.Instant is not null)
        {
            return machine;
        }

        // A date-only machine value gives the date of a heading that names only the time.
        return parts.HasDate ? parts : parts with { Day = machine.Day, Month = machine.Month, Year = machine.Year };
    }

    private static string RemoveTimeText(HtmlElement element, string text)
    {
        foreach (var time in element.Descendants().Where(static e => e.LocalName == "time"))
        {
            var t = HtmlText.TextOf(time);
            if (t.Length > 0)
            {
                text = text.Replace(t, "", StringComparison.Ordinal);
            }
        }

        var trimmed = text.Trim(' ', '\n', '|', '-', '–', '—', '·', '•', ',');
        var words = trimmed.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(w => !TimestampText.TryParse(w, TimeZoneInfo.Utc, out _) && !w.Equals("am", StringComparison.OrdinalIgnoreCase) && !w.Equals("pm", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool LooksRelative(string text) =>
        text.EndsWith("ago", StringComparison.OrdinalIgnoreCase) || text.Equals("just now", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("updated", StringComparison.OrdinalIgnoreCase);

    private bool HasMachineTime(HtmlElement element) => MachineTime(element)?.Instant is not null;

    /// <summary>A machine-readable time on the element or a descendant: datetime, an epoch data attribute, an ISO title.</summary>
    private TimestampParts? MachineTime(HtmlElement element)
    {
        if (FromAttributes(element) is { } own)
        {
            return own;
        }

        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is HtmlElement child && MachineTime(child) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private TimestampParts? FromAttributes(HtmlElement element)
    {
        if (element.Attributes.Length == 0)
        {
            return null;
        }

        if (element.GetAttribute("datetime") is { } datetime)
        {
            return FromIso(datetime);
        }

        foreach (var name in EpochAttributes)
        {
            if (element.GetAttribute(name) is { } epoch && FromEpoch(epoch) is { } parts)
            {
                return parts;
            }
        }

        var iso = element.GetAttribute("title") ?? (element.LocalName == "meta" ? element.GetAttribute("content") : null);
        return iso is { Length: >= 16 and <= 40 } && char.IsAsciiDigit(iso[0]) && iso[4] == '-' ? FromIso(iso) : null;
    }

    private TimestampParts? FromIso(string value)
    {
        value = value.Trim();
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new TimestampParts { Day = date.Day, Month = date.Month, Year = date.Year };
        }

        return value.Length >= 16 && TimestampText.TryParseIso(value, zone, out var parts) ? parts : null;
    }

    private static TimestampParts? FromEpoch(string value)
    {
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var instant = value.Trim().Length switch
        {
            10 => DateTimeOffset.FromUnixTimeSeconds(number),
            13 => DateTimeOffset.FromUnixTimeMilliseconds(number),
            _ => (DateTimeOffset?)null,
        };
        return instant is { } i ? TimestampParts.At(i) : null;
    }
}
