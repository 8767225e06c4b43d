using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>How a timestamp-headed page's blocks become entries: one per time, with what its item holds.</summary>
internal static class EntrySegments
{
    /// <summary>
    /// Cuts the blocks into entries, one per time. Each time's item is the outermost element around it that holds no
    /// other time (a card, a post): what an item holds belongs to its entry, even what comes before the time (a card's
    /// headline above its date); what lies between items belongs to the entry before it. Day headings date the times
    /// under them.
    /// </summary>
    public static List<RawEntry> Segment(
        List<HtmlBlock> blocks, Dictionary<HtmlElement, int> counts, HtmlElement scope, HtmlElement root, Uri? baseUrl, TimeZoneInfo zone)
    {
        var items = new Dictionary<HtmlElement, int>();
        var ordinal = 0;
        foreach (var block in blocks)
        {
            if (block.Timestamp is not null)
            {
                items.TryAdd(Item(block.Element, counts, scope), ordinal++);
            }
        }

        var raw = new List<RawEntry>(ordinal);
        var early = new Dictionary<int, List<HtmlBlock>>();
        RawEntry? current = null;
        TimestampParts? day = null;
        foreach (var block in blocks)
        {
            if (block.Date is { } date && (block.IsHeading || (current is not null && CanTakeDate(current))))
            {
                if (block.IsHeading)
                {
                    // A day heading ("Tuesday 28 June") dates the times under it that name no day.
                    day = date;
                }
                else
                {
                    // The date beside a time ("04:46 PM" then "Jul 18, 2025") is that time's.
                    current!.Timestamp = WithDate(current.Timestamp, date);
                }

                continue;
            }

            if (block.Timestamp is { } parts)
            {
                if (day is not null && !parts.HasDate && parts.Instant is null)
                {
                    parts = WithDate(parts, day);
                }

                current = new RawEntry(parts)
                {
                    OwnId = OwnId(block.Element, counts, root),
                    Author = block.Byline,
                    Title = block.Headline,
                    TitleUrl = EnclosingLink(block.Element, scope, baseUrl),
                };
                raw.Add(current);
                if (early.Remove(raw.Count - 1, out var before))
                {
                    foreach (var b in before)
                    {
                        AddTo(current, b, zone);
                    }
                }

                continue;
            }

            var owner = OwnerItem(block.Element, items, scope);
            if (owner >= raw.Count)
            {
                // Inside an item whose time is still to come: kept for its entry.
                if (!early.TryGetValue(owner, out var list))
                {
                    early[owner] = list = [];
                }

                list.Add(block);
                continue;
            }

            var target = owner >= 0 ? raw[owner] : current;
            if (target is not null)
            {
                AddTo(target, block, zone);
            }
        }

        return raw;
    }

    /// <summary>Adds a block of text to an entry: its "updated" stamp, its headline, or a paragraph.</summary>
    private static void AddTo(RawEntry entry, HtmlBlock block, TimeZoneInfo zone)
    {
        if (TimestampText.TryParseUpdated(block.Content.Span, zone, out var updated))
        {
            entry.Updated = TimestampText.InstantOf(updated, zone) ?? entry.Updated;
        }
        else if (block.IsHeading && entry.Title is null && entry.Paragraphs.Count == 0)
        {
            entry.Title = block.Text;
            entry.TitleUrl ??= block.Links.Count > 0 ? block.Links[0].Url : null;
        }
        else if (block.Content.Length > 0)
        {
            if (entry.Paragraphs.Count == 0 && entry.Title is null && block.Links.Count > 0 && block.Content.Span.SequenceEqual(block.Links[0].Text))
            {
                // A first line that is all one link ("<div class=title><a href=…>headline</a></div>") heads like a headline.
                entry.TitleUrl ??= block.Links[0].Url;
            }

            entry.Paragraphs.Add(block.Content);
        }

        entry.Links.AddRange(block.Links);
        entry.Media.AddRange(block.Media);
    }

    /// <summary>
    /// More entries than this at one time are not an entry and its echo; looking for echoes among them would cost
    /// a hostile page's square.
    /// </summary>
    private const int MaxEchoGroup = 8;

    /// <summary>
    /// A one-line entry whose line is another entry's headline, at the same time, is that entry's echo in a strip of
    /// key events or a summary, not an entry of its own.
    /// </summary>
    public static void DropEchoes(List<RawEntry> raw)
    {
        if (raw.Count < 2)
        {
            return;
        }

        // Most pages have no one-line entry that could be an echo: nothing to index then.
        if (!raw.Exists(IsEchoLike))
        {
            return;
        }

        // Only entries that have a headline or more than one paragraph can be echoed.
        Dictionary<(DateTimeOffset?, int, int, int?, int?), List<RawEntry>>? byTime = null;
        foreach (var entry in raw)
        {
            if (entry.Title is not null || entry.Paragraphs.Count > 1)
            {
                byTime ??= [];
                var key = Key(entry.Timestamp);
                if (!byTime.TryGetValue(key, out var list))
                {
                    byTime[key] = list = [];
                }

                list.Add(entry);
            }
        }

        if (byTime is null)
        {
            return;
        }

        raw.RemoveAll(echo =>
            IsEchoLike(echo) &&
            byTime.TryGetValue(Key(echo.Timestamp), out var same) &&
            same.Count <= MaxEchoGroup &&
            same.Exists(other => !ReferenceEquals(other, echo) && Echoes(other, echo.Paragraphs[0].Span)));

        static (DateTimeOffset?, int, int, int?, int?) Key(TimestampParts t) => (t.Instant, t.Hour, t.Minute, t.Day, t.Month);

        static bool IsEchoLike(RawEntry entry) =>
            entry.Title is null && entry.Paragraphs.Count == 1 && entry.Paragraphs[0].Length is > 0 and <= 160;
    }

    private static bool Echoes(RawEntry entry, ReadOnlySpan<char> line) =>
        (entry.Title is { } title && title.AsSpan().Contains(line, StringComparison.Ordinal)) ||
        (entry.Paragraphs.Count > 1 && entry.Paragraphs[0].Span.Contains(line, StringComparison.Ordinal));

    /// <summary>Whether an entry just begun still lacks its date (nothing under its time yet).</summary>
    private static bool CanTakeDate(RawEntry entry) =>
        !entry.Timestamp.HasDate && entry.Timestamp.Instant is null && entry.Title is null && entry.Paragraphs.Count == 0;

    private static TimestampParts WithDate(TimestampParts time, TimestampParts date) =>
        time with { Day = date.Day, Month = date.Month, Year = date.Year ?? time.Year, Weekday = date.Weekday ?? time.Weekday };

    /// <summary>The target of a link wrapped around a time (a whole card that is one link), if any.</summary>
    private static string? EnclosingLink(HtmlElement heading, HtmlElement scope, Uri? baseUrl)
    {
        for (var e = heading.ParentElement; e is not null && e != scope; e = e.ParentElement)
        {
            if (e.LocalName == "a" && e.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith('#'))
            {
                return baseUrl is not null && Uri.TryCreate(baseUrl, href, out var absolute) ? absolute.AbsoluteUri : href;
            }
        }

        return null;
    }

    /// <summary>The outermost element around a time, below <paramref name="scope"/>, that holds no other time.</summary>
    private static HtmlElement Item(HtmlElement heading, Dictionary<HtmlElement, int> counts, HtmlElement scope)
    {
        var item = heading;
        for (var e = heading.ParentElement; e is not null && e != scope && counts.GetValueOrDefault(e) <= 1; e = e.ParentElement)
        {
            item = e;
        }

        return item;
    }

    /// <summary>The ordinal of the item a block lies in, or -1 when it lies between items.</summary>
    private static int OwnerItem(HtmlElement element, Dictionary<HtmlElement, int> items, HtmlElement scope)
    {
        for (var e = element; e is not null && e != scope; e = e.ParentElement)
        {
            if (items.TryGetValue(e, out var ordinal))
            {
                return ordinal;
            }
        }

        return -1;
    }


    /// <summary>The id of the entry's own container: the outermost ancestor holding only this heading.</summary>
    private static string? OwnId(HtmlElement heading, Dictionary<HtmlElement, int> counts, HtmlElement root)
    {
        string? id = null;
        for (var e = heading; e is not null && e != root && counts.GetValueOrDefault(e) <= 1; e = e.ParentElement)
        {
            if (e.Id is { Length: > 0 } own)
            {
                id = own;
            }
        }

        return id;
    }
}
