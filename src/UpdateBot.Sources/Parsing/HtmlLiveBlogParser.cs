using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Timestamp-headed HTML: any block whose text is a timestamp starts an entry that runs to the next one. Only the
/// part of the page that holds the headings counts (their common ancestor), chrome inside it is skipped, and a page
/// whose "entries" are only links to other pages is reported as an article with teasers.
/// </summary>
internal static class HtmlLiveBlogParser
{
    /// <summary>The blocks of a page, as <see cref="Parse"/> reads them.</summary>
    public static HtmlBlockWalker Walker(TimeZoneInfo zone, Uri? baseUrl) => new(zone, baseUrl, isChrome: ChromeFilter.IsChrome);

    /// <summary>The part of the page the entries are looked for in.</summary>
    public static HtmlElement Root(HtmlDocument document) => document.Body ?? document.DocumentElement;

    public static FeedSnapshot Parse(
        HtmlDocument document,
        PageMetadata metadata,
        PageContext page,
        Uri? baseUrl,
        string sourceName,
        PageScan? scan = null,
        List<HtmlBlock>? walked = null,
        bool knownLiveBlog = false)
    {
        var root = Root(document);
        var blocks = walked ?? Walker(page.Zone, baseUrl).Walk(root);
        var headings = TimeHeadings.Select(blocks, root);

        // Chrome that holds most of the headings is the live blog itself (a "widget" class, say), not chrome.
        var chromeCounts = new Dictionary<HtmlElement, int>();
        foreach (var heading in headings)
        {
            for (var c = heading.Chrome; c is not null; c = c.Parent)
            {
                chromeCounts[c.Element] = chromeCounts.GetValueOrDefault(c.Element) + 1;
            }
        }

        bool IsChrome(HtmlBlock block)
        {
            for (var c = block.Chrome; c is not null; c = c.Parent)
            {
                if (headings.Count < 2 || chromeCounts.GetValueOrDefault(c.Element) * 2 <= headings.Count)
                {
                    return true;
                }
            }

            return false;
        }

        blocks.RemoveAll(IsChrome);
        TimeHeadings.DemoteOddEnds(blocks);
        var kept = new List<HtmlElement>();
        foreach (var block in blocks)
        {
            if (block.Timestamp is not null)
            {
                kept.Add(block.Element);
            }
        }

        var counts = CountHeadings(kept);
        var mainTextElsewhere = false;
        var scope = root;
        if (kept.Count > 0)
        {
            scope = CommonAncestor(kept, root);
            mainTextElsewhere = MainTextOutside(blocks, scope);
            blocks.RemoveAll(b => !Within(b.Element, scope));
        }

        // Each time's item: the outermost element around it that holds no other time (a card, a post). What an item
        // holds belongs to its entry, even what comes before the time (a card's headline above its date); what lies
        // between items belongs to the entry before it.
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
                        AddTo(current, b, page.Zone);
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
                AddTo(target, block, page.Zone);
            }
        }

        if (raw.Count > 0)
        {
            ChromeText.TrimTrailing(raw[^1].Paragraphs);
        }

        // A time with nothing under it (a byline's date, a kick-off time) is not an entry.
        raw.RemoveAll(r => r.Title is null && r.Media.Count == 0 && r.Paragraphs.TrueForAll(p => p.Length == 0));
        DropEchoes(raw);

        if (!knownLiveBlog && ArticleSigns.OneArticleBody(raw))
        {
            // An article's text cut up by its byline's and its "updated" times: no entries at all.
            raw.Clear();
        }

        // Teasers: every entry only a link to another page. Signs of an article: its text lies elsewhere, or the
        // entries are mostly headlines of other pages, or mostly without words. Either way the page is an article and
        // the entries teasers.
        var teasers = raw.Count > 0 && raw.All(r => IsTeaser(r, baseUrl));
        var signs = raw.Count > 0 && !knownLiveBlog && (mainTextElsewhere || ArticleSigns.MostlyLinks(raw) || ArticleSigns.MostlyLinkedHeadlines(raw, baseUrl) || ArticleSigns.MostlyWordless(raw));
        var kind = teasers || signs ? FeedKind.Article : FeedKind.LiveBlog;
        if (kind == FeedKind.Article)
        {
            foreach (var r in raw)
            {
                r.Kind = EntryKind.Teaser;
                r.Url ??= r.Links.Count > 0 ? r.Links[0].Url : null;
                r.OwnId ??= r.Url;
            }
        }

        var entries = EntryAssembler.Assemble(raw, page, sourceName);
        if (!teasers && !knownLiveBlog)
        {
            if (!HasSeveralTimes(entries))
            {
                // One time on the page (a dateline, perhaps shown twice) heads an article, not entries of its paragraphs.
                entries = [];
            }
            else if (kind == FeedKind.LiveBlog && ArticleSigns.DaysApart(entries))
            {
                // Posts days apart: an archive, a comment thread or a forum below an article.
                kind = FeedKind.Article;
                entries = entries.Select(e => e with { Kind = EntryKind.Teaser }).ToList();
            }
        }

        if (entries.Count == 0)
        {
            kind = metadata.OpenGraphType is "article" || (scan ?? PageScan.Of(document)).Paragraphs > 3 ? FeedKind.Article : FeedKind.Unknown;
        }

        return new FeedSnapshot(metadata.Title, kind, "liveblog-html", entries);
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
    /// A one-line entry whose line is another entry's headline, at the same time, is that entry's echo in a strip of
    /// key events or a summary, not an entry of its own.
    /// </summary>
    private static void DropEchoes(List<RawEntry> raw)
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

    /// <summary>Whether the page's own text lies outside <paramref name="scope"/>, the part that holds the timestamps.</summary>
    private static bool MainTextOutside(List<HtmlBlock> blocks, HtmlElement scope)
    {
        long inside = 0, outside = 0;
        var longOutside = 0;
        foreach (var block in blocks)
        {
            var length = block.Content.Length;
            if (Within(block.Element, scope))
            {
                inside += length;
            }
            else
            {
                outside += length;
                longOutside += length >= ArticleSigns.LongParagraph ? 1 : 0;
            }
        }

        return ArticleSigns.MainTextElsewhere(inside, outside, longOutside);
    }

    private static bool HasSeveralTimes(IReadOnlyList<Entry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Published != entries[0].Published)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An entry that is nothing but a link to another page (with its words or as a headline) is a teaser, not a live-blog entry.</summary>
    private static bool IsTeaser(RawEntry entry, Uri? baseUrl)
    {
        if (entry.Links.Count == 0 || entry.Paragraphs.Count > 2 || entry.Media.Count > 1)
        {
            return false;
        }

        var text = string.Join(" ", entry.Paragraphs.Select(p => p.ToString())).Trim();
        var linkText = string.Join(" ", entry.Links.Select(l => l.Text).Distinct()).Trim();
        var samePage = baseUrl is not null && entry.Links.All(l => Uri.TryCreate(l.Url, UriKind.Absolute, out var u) && u.AbsolutePath == baseUrl.AbsolutePath && u.Host == baseUrl.Host);
        if (samePage)
        {
            return false;
        }

        // A linked headline alone (a list of the site's latest stories, each with its time) is a teaser too.
        return text.Length > 0 ? text == linkText || text == entry.Title : entry.Title is { Length: > 0 } title && title.Trim() == linkText;
    }

    /// <summary>For every element, how many headings it holds (itself included).</summary>
    private static Dictionary<HtmlElement, int> CountHeadings(List<HtmlElement> headings)
    {
        var counts = new Dictionary<HtmlElement, int>();
        foreach (var heading in headings)
        {
            for (var e = heading; e is not null; e = e.ParentElement)
            {
                counts[e] = counts.GetValueOrDefault(e) + 1;
            }
        }

        return counts;
    }

    private static HtmlElement CommonAncestor(List<HtmlElement> elements, HtmlElement root)
    {
        var chain = new List<HtmlElement>();
        for (var e = elements[0].ParentElement; e is not null; e = e.ParentElement)
        {
            chain.Add(e);
            if (e == root)
            {
                break;
            }
        }

        var index = 0;
        foreach (var element in elements.Skip(1))
        {
            while (index < chain.Count - 1 && !Within(element, chain[index]))
            {
                index++;
            }
        }

        return chain.Count > 0 ? chain[index] : root;
    }

    private static bool Within(HtmlElement element, HtmlElement ancestor)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e == ancestor)
            {
                return true;
            }
        }

        return false;
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
