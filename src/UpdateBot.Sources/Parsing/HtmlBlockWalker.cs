using System.Globalization;
using AngleSharp.Dom;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Walks a page in reading order and cuts it into blocks: leaf blocks become paragraphs; any element whose text is
/// only a timestamp (or a short line carrying a machine-readable time: time[datetime], data-timestamp, an ISO title)
/// becomes a timestamp heading.
/// </summary>
internal sealed class HtmlBlockWalker(TimeZoneInfo zone, Uri? baseUrl, bool detectTimestamps = true)
{
    private const int MaxBylineLength = 60;

    private static readonly HashSet<string> BlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "summary",
        "body", "center",
    };

    private static readonly string[] EpochAttributes = ["data-timestamp", "data-post-time", "data-time", "data-epoch", "data-utime"];

    public static bool IsBlock(IElement element) => BlockNames.Contains(element.LocalName);

    public List<HtmlBlock> Walk(IElement root)
    {
        var blocks = new List<HtmlBlock>();
        Visit(root, blocks);
        return blocks;
    }

    private void Visit(IElement element, List<HtmlBlock> blocks)
    {
        if (HtmlText.IsSkipped(element))
        {
            return;
        }

        if (detectTimestamps && TryHeading(element) is { } heading)
        {
            blocks.Add(heading);
            return;
        }

        if (!HasBlockChild(element))
        {
            AddParagraph(element, blocks);
            return;
        }

        // Mixed content: runs of inline children between block children are paragraphs of their own.
        var run = new List<INode>();
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IElement e && (IsBlock(e) || HasBlockChild(e)))
            {
                FlushRun(element, run, blocks);
                Visit(e, blocks);
            }
            else
            {
                run.Add(child);
            }
        }

        FlushRun(element, run, blocks);
    }

    private void FlushRun(IElement parent, List<INode> run, List<HtmlBlock> blocks)
    {
        if (run.Count == 0)
        {
            return;
        }

        var text = string.Concat(run.Select(HtmlText.TextOf).Select(t => t + " ")).Trim();
        var media = run.OfType<IElement>().ToList();
        if (text.Length > 0 || media.Count > 0)
        {
            var block = new HtmlBlock(parent, CollapseSpaces(text));
            foreach (var e in media)
            {
                HtmlText.CollectLinksAndMedia(e, baseUrl, block.Links, block.Media);
            }

            if (block.Text.Length > 0 || block.Media.Count > 0)
            {
                if (detectTimestamps && TimestampText.TryParse(block.Text, zone, out var parts))
                {
                    blocks.Add(new HtmlBlock(parent, block.Text) { Timestamp = parts });
                }
                else
                {
                    blocks.Add(block);
                }
            }
        }

        run.Clear();
    }

    private static string CollapseSpaces(string text) => string.Join(' ', text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private void AddParagraph(IElement element, List<HtmlBlock> blocks)
    {
        var text = HtmlText.TextOf(element);
        var block = new HtmlBlock(element, text) { IsHeading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" };
        HtmlText.CollectLinksAndMedia(element, baseUrl, block.Links, block.Media);
        if (text.Length > 0 || block.Media.Count > 0)
        {
            blocks.Add(block);
        }
    }

    private static bool HasBlockChild(IElement element)
    {
        for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (IsBlock(child) || HasBlockChild(child))
            {
                return true;
            }
        }

        return false;
    }

    private HtmlBlock? TryHeading(IElement element)
    {
        var length = element.TextContent.Length;
        if (length > 400)
        {
            return null;
        }

        var text = HtmlText.TextOf(element);
        var machine = MachineTime(element);
        if (text.Length <= TimestampText.MaxLength && TimestampText.TryParse(text, zone, out var parts))
        {
            return new HtmlBlock(element, text) { Timestamp = Refine(parts, machine) };
        }

        if (machine?.Instant is null || HasBlockChild(element))
        {
            return null;
        }

        // A short line with a machine-readable time: "7m ago", "20:22 Jane Doe", "00:17 (IST) Feb 26".
        var rest = RemoveTimeText(element, text);
        if (rest.Length > MaxBylineLength)
        {
            return null;
        }

        return new HtmlBlock(element, text) { Timestamp = machine, Byline = rest.Length > 0 && !LooksRelative(rest) ? rest : null };
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
        foreach (var time in element.QuerySelectorAll("time"))
        {
            var t = HtmlText.TextOf(time);
            if (t.Length > 0)
            {
                text = text.Replace(t, "", StringComparison.Ordinal);
            }
        }

        var trimmed = text.Trim(' ', '\n', '|', '-', '–', '—', '·', '•', ',');
        var words = trimmed.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(w => !TimestampText.TryParse(w, TimeZoneInfo.Utc, out _)));
    }

    private static bool LooksRelative(string text) =>
        text.EndsWith("ago", StringComparison.OrdinalIgnoreCase) || text.Equals("just now", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("updated", StringComparison.OrdinalIgnoreCase);

    /// <summary>A machine-readable time on the element or a descendant: datetime, an epoch data attribute, an ISO title.</summary>
    private TimestampParts? MachineTime(IElement element)
    {
        if (FromAttributes(element) is { } own)
        {
            return own;
        }

        foreach (var e in element.QuerySelectorAll("time[datetime], [data-timestamp], [data-post-time], [data-time], [data-epoch], [data-utime], [title], meta[content]"))
        {
            if (FromAttributes(e) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private TimestampParts? FromAttributes(IElement element)
    {
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
        return iso is { Length: >= 16 } && char.IsAsciiDigit(iso[0]) && iso.Length <= 40 && iso[4] == '-' ? FromIso(iso) : null;
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
