using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Signs that timestamped blocks found on a page are not a live blog but something beside or below an article: a
/// sidebar of the site's latest stories, a list of other pages, a comment thread, an archive. Each sign is one that
/// real live blogs do not show; a page that shows one is read as an article whose timestamped items are teasers.
/// Only auto-detection asks: a page given as a live blog, or read as one before, is taken at its word.
/// </summary>
internal static class ArticleSigns
{
    /// <summary>A paragraph at least this long is article text, not a caption, label or teaser line.</summary>
    public const int LongParagraph = 150;

    /// <summary>
    /// The page's own text lies outside the timestamped items: more than twice their text, in at least three long
    /// paragraphs. A live blog's entries are its main text; an intro and key events around them are short.
    /// </summary>
    public static bool MainTextElsewhere(long insideChars, long outsideChars, int longParagraphsOutside) =>
        outsideChars > 2 * insideChars && longParagraphsOutside >= 3;

    /// <summary>
    /// Most items (three in four, of three or more) are mostly link text: headlines of other pages, not posts.
    /// </summary>
    public static bool MostlyLinks(IReadOnlyList<RawEntry> entries)
    {
        if (entries.Count < 3)
        {
            return false;
        }

        var linkish = 0;
        foreach (var entry in entries)
        {
            var text = entry.Title?.Length ?? 0;
            foreach (var paragraph in entry.Paragraphs)
            {
                text += paragraph.Length;
            }

            var linked = 0;
            foreach (var link in entry.Links)
            {
                linked += link.Text.Length;
            }

            if (text > 0 && linked * 2 >= text)
            {
                linkish++;
            }
        }

        return linkish * 4 >= entries.Count * 3;
    }

    /// <summary>
    /// Most items (three in four, of three or more) are headed by a headline that links to another page: cards of other
    /// stories with their excerpts. A live blog's headlines head its own entries.
    /// </summary>
    public static bool MostlyLinkedHeadlines(IReadOnlyList<RawEntry> entries, Uri? baseUrl)
    {
        if (entries.Count < 3)
        {
            return false;
        }

        var linked = 0;
        foreach (var entry in entries)
        {
            if (entry.TitleUrl is { } url && !SamePage(url, baseUrl))
            {
                linked++;
            }
        }

        return linked * 4 >= entries.Count * 3;
    }

    /// <summary>A link to this page, or to a place in a page (an entry's permalink, "…/live#block-12"), is not elsewhere.</summary>
    private static bool SamePage(string url, Uri? baseUrl) => url.Contains('#', StringComparison.Ordinal) || IsThisPage(url, baseUrl);

    /// <summary>Whether an absolute link leads to the page itself (same host and path).</summary>
    public static bool IsThisPage(string url, Uri? baseUrl) =>
        baseUrl is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host == baseUrl.Host && u.AbsolutePath == baseUrl.AbsolutePath;

    /// <summary>
    /// Two in five items (of two or more) have no words under their time, at most a headline and a picture: the
    /// headlines of a list, not posts. A live blog's entries say something.
    /// </summary>
    public static bool MostlyWordless(IReadOnlyList<RawEntry> entries)
    {
        if (entries.Count < 2)
        {
            return false;
        }

        var wordless = 0;
        foreach (var entry in entries)
        {
            if (entry.Paragraphs.TrueForAll(p => p.Length == 0))
            {
                wordless++;
            }
        }

        return wordless * 5 >= entries.Count * 2;
    }

    /// <summary>Words under one item that make it a whole article rather than a live-blog entry.</summary>
    public const int ArticleLength = 3000;

    /// <summary>
    /// A few items (three at most), one of them a whole article's length holding most of the words: an article whose
    /// byline and "updated" times split its text, not a live blog.
    /// </summary>
    public static bool OneArticleBody(IReadOnlyList<RawEntry> entries)
    {
        if (entries.Count is < 1 or > 3)
        {
            return false;
        }

        long total = 0, longest = 0;
        foreach (var entry in entries)
        {
            long length = 0;
            foreach (var paragraph in entry.Paragraphs)
            {
                length += paragraph.Length;
            }

            total += length;
            longest = Math.Max(longest, length);
        }

        return longest >= ArticleLength && longest * 10 >= total * 7;
    }

    /// <summary>
    /// The items are typically more than a day apart (the median gap between neighbours in time): an archive, a
    /// comment thread or a forum, not a live blog, whose entries come minutes or hours apart.
    /// </summary>
    public static bool DaysApart(IReadOnlyList<Entry> entries)
    {
        if (entries.Count < 2)
        {
            return false;
        }

        var times = new DateTimeOffset[entries.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = entries[i].Published;
        }

        Array.Sort(times);
        var gaps = new TimeSpan[times.Length - 1];
        for (var i = 1; i < times.Length; i++)
        {
            gaps[i - 1] = times[i] - times[i - 1];
        }

        Array.Sort(gaps);
        var median = gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (gaps[(gaps.Length / 2) - 1] + gaps[gaps.Length / 2]) / 2;
        return median > TimeSpan.FromDays(1);
    }
}
