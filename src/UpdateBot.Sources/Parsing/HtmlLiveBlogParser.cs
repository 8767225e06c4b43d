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

        var raw = EntrySegments.Segment(blocks, counts, scope, root, baseUrl, page.Zone);

        if (raw.Count > 0)
        {
            ChromeText.TrimTrailing(raw[^1].Paragraphs);
        }

        // A time with nothing under it (a byline's date, a kick-off time) is not an entry.
        raw.RemoveAll(r => r.Title is null && r.Media.Count == 0 && r.Paragraphs.TrueForAll(p => p.Length == 0));
        EntrySegments.DropEchoes(raw);

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
        if (baseUrl is not null && entry.Links.All(l => ArticleSigns.IsThisPage(l.Url, baseUrl)))
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
}
