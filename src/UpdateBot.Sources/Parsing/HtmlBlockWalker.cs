using System.Globalization;
using AngleSharp.Dom;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Walks a page once, in reading order, and cuts it into blocks: a block element without block descendants is a
/// paragraph, and so is each run of inline content between block children. A paragraph whose text is only a
/// timestamp — or a short line carrying a machine-readable time (time[datetime], data-timestamp, an ISO title) —
/// is a timestamp heading. Chrome elements met on the way are noted on each block, not decided here.
/// </summary>
internal sealed class HtmlBlockWalker(TimeZoneInfo zone, Uri? baseUrl, bool detectTimestamps = true, Func<IElement, bool>? isChrome = null)
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

    public static bool IsBlock(string name) => name switch
    {
        "address" or "article" or "aside" or "blockquote" or "dd" or "details" or "dialog" or "div" or "dl" or "dt"
            or "fieldset" or "figcaption" or "figure" or "footer" or "form" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
            or "header" or "hr" or "li" or "main" or "nav" or "ol" or "p" or "pre" or "section" or "table" or "tbody"
            or "thead" or "tfoot" or "tr" or "td" or "th" or "ul" or "summary" or "body" or "center" => true,
        _ => false,
    };

    public List<HtmlBlock> Walk(IElement root)
    {
        var blocks = new List<HtmlBlock>();
        Visit(root, blocks, null);
        return blocks;
    }

    private Kind Visit(IElement element, List<HtmlBlock> blocks, ChromeChain? chrome)
    {
        if (HtmlText.IsSkipped(element))
        {
            return Kind.Ignored;
        }

        if (isChrome is not null && isChrome(element))
        {
            chrome = new ChromeChain(element, chrome);
        }

        var hasBlockChild = false;
        var runStart = -1;
        List<INode>? run = null;
        // Index the child list: AngleSharp's NextSibling scans the parent's children, quadratic on long pages.
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IElement childElement)
            {
                var insertAt = blocks.Count;
                var kind = Visit(childElement, blocks, chrome);
                if (kind == Kind.Block)
                {
                    hasBlockChild = true;
                    if (run is { Count: > 0 })
                    {
                        FlushRun(element, run, blocks, runStart < 0 ? insertAt : runStart, chrome);
                    }

                    runStart = -1;
                    continue;
                }

                if (kind == Kind.Ignored)
                {
                    continue;
                }
            }
            else if (child is not IText)
            {
                continue;
            }

            run ??= [];
            if (run.Count == 0)
            {
                runStart = blocks.Count;
            }

            run.Add(child);
        }

        if (hasBlockChild)
        {
            if (run is { Count: > 0 })
            {
                FlushRun(element, run, blocks, blocks.Count, chrome);
            }

            return Kind.Block;
        }

        if (!IsBlock(element.LocalName))
        {
            return Kind.Inline;
        }

        AddLeaf(element, blocks, chrome);
        return Kind.Block;
    }

    private void FlushRun(IElement parent, List<INode> run, List<HtmlBlock> blocks, int index, ChromeChain? chrome)
    {
        var links = new List<EntryLink>();
        var media = new List<EntryMedia>();
        var text = HtmlText.Extract(run, baseUrl, links, media);
        run.Clear();
        if (text.Length == 0 && media.Count == 0)
        {
            return;
        }

        var block = Classify(parent, text, links, media, chrome, leaf: false);
        blocks.Insert(Math.Min(index, blocks.Count), block);
    }

    private void AddLeaf(IElement element, List<HtmlBlock> blocks, ChromeChain? chrome)
    {
        var links = new List<EntryLink>();
        var media = new List<EntryMedia>();
        var text = HtmlText.Extract(element, baseUrl, links, media);
        if (text.Length == 0 && media.Count == 0 && !(detectTimestamps && HasMachineTime(element)))
        {
            return;
        }

        blocks.Add(Classify(element, text, links, media, chrome, leaf: true));
    }

    private HtmlBlock Classify(IElement element, string text, List<EntryLink> links, List<EntryMedia> media, ChromeChain? chrome, bool leaf)
    {
        var isHeading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
        if (!detectTimestamps || text.Length > MaxMachineHeadingLength)
        {
            return new HtmlBlock(element, text) { IsHeading = isHeading, Chrome = chrome, Links = links, Media = media };
        }

        var machine = leaf ? MachineTime(element) : null;
        if (text.Length <= TimestampText.MaxLength && TimestampText.TryParse(text, zone, out var parts))
        {
            return new HtmlBlock(element, text) { Timestamp = Refine(parts, machine), Chrome = chrome };
        }

        if (machine?.Instant is not null)
        {
            // A short line with a machine-readable time: "7m ago", "20:22 Jane Doe", "00:17 (IST) Feb 26".
            var rest = RemoveTimeText(element, text);
            if (rest.Length <= MaxBylineLength)
            {
                return new HtmlBlock(element, text) { Timestamp = machine, Byline = rest.Length > 0 && !LooksRelative(rest) ? rest : null, Chrome = chrome };
            }
        }

        return new HtmlBlock(element, text) { IsHeading = isHeading, Chrome = chrome, Links = links, Media = media };
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

    private static string RemoveTimeText(IElement element, string text)
    {
        foreach (var time in element.GetElementsByTagName("time"))
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

    private bool HasMachineTime(IElement element) => MachineTime(element)?.Instant is not null;

    /// <summary>A machine-readable time on the element or a descendant: datetime, an epoch data attribute, an ISO title.</summary>
    private TimestampParts? MachineTime(IElement element)
    {
        if (FromAttributes(element) is { } own)
        {
            return own;
        }

        var children = element.Children;
        for (var i = 0; i < children.Length; i++)
        {
            if (MachineTime(children[i]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private TimestampParts? FromAttributes(IElement element)
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
