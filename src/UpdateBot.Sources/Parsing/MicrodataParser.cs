using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// schema.org LiveBlogPosting in microdata: each [itemprop=liveBlogUpdate] of the posting is an entry. Property values
/// follow the HTML standard's rules (<see cref="MicrodataValue"/>); a property belongs to the nearest item around it, so
/// a nested item's properties are not the update's.
/// </summary>
internal static class MicrodataParser
{
    public static FeedSnapshot? TryParse(PageScan scan, PageContext page, Uri? baseUrl, string sourceName)
    {
        var posting = scan.LiveBlogPosting;
        if (posting is null)
        {
            return null;
        }

        var title = Prop(posting, "headline") is { } postingHeadline ? Text(postingHeadline, baseUrl) : null;
        var updates = Props(posting, "liveBlogUpdate").Where(static e => e.HasAttribute("itemscope")).ToList();
        var published = updates.Select(u => Date(Prop(u, "datePublished"), page, baseUrl) ?? Date(Prop(u, "dateModified"), page, baseUrl)).ToList();
        var sameTime = updates.Count >= 2 && published.Distinct().Count() == 1;
        var documentTitle = DocumentTitle(posting);

        var entries = new List<(Entry, int)>();
        var ids = new List<string>();
        var index = 0;
        for (var u = 0; u < updates.Count; u++)
        {
            var update = updates[u];
            var modified = Date(Prop(update, "dateModified"), page, baseUrl);
            var headline = Prop(update, "headline") is { } headlineElement ? Text(headlineElement, baseUrl) : null;
            headline = headline is null ? null : HeadlineText.StripLeadingTime(headline, page.Zone);
            var titled = headline is not null && HeadlineText.IsPageTitle(headline, title, documentTitle);
            if (titled)
            {
                headline = update.FirstDescendant(static e => e.LocalName is "h2" or "h3" && !e.HasToken("itemprop", "headline")) is { } heading
                    && HtmlText.TextOf(heading) is { Length: > 0 } headingText ? headingText : null;
            }

            // Every update at one time is the page's time, not theirs: a time the update's element shows is.
            if (sameTime && ElementTimes.Published(update, page.Zone, Prop(update, "datePublished")) is { } shown)
            {
                published[u] = shown;
                modified = null;
            }

            if (published[u] is not { } when)
            {
                continue;
            }

            var bodyElement = Prop(update, "articleBody") ?? Prop(update, "text");
            var links = new List<EntryLink>();
            var media = new List<EntryMedia>();
            var text = "";
            if (bodyElement is not null && MicrodataValue.FromAttribute(bodyElement, baseUrl) is { } bodyValue)
            {
                text = JsonLdParser.Clean(bodyValue) ?? "";
            }
            else if (bodyElement is not null)
            {
                var blocks = new HtmlBlockWalker(page.Zone, baseUrl, detectTimestamps: false).Walk(bodyElement);
                text = string.Join("\n\n", blocks.Where(b => b.Text.Length > 0).Select(b => b.Text));
                links.AddRange(blocks.SelectMany(b => b.Links));
                media.AddRange(blocks.SelectMany(b => b.Media));
            }

            // A URL given as text (meta content, a span's text) is resolved as a link's would be.
            var url = Prop(update, "url") is { } urlElement ? NullIfEmpty(MicrodataValue.Url(MicrodataValue.Of(urlElement, baseUrl), baseUrl)) : null;
            url ??= HtmlText.Absolute(update.GetAttribute("itemid"), baseUrl);
            var id = update.GetAttribute("itemid") ?? update.Id ?? url ?? EntryIds.Derive(when, (headline + " " + text).Trim());
            ids.Add(id);
            entries.Add((new Entry
            {
                SourceName = sourceName,
                Id = id,
                Published = when,
                Updated = modified > when ? modified : null,
                Title = string.IsNullOrEmpty(headline) || headline == text ? null : headline,
                Text = text.Length > 0 ? text : headline ?? "",
                Url = url,
                Links = links.DistinctBy(l => l.Url).ToList(),
                Media = media.DistinctBy(m => m.Url).ToList(),
            }, index++));
        }

        if (entries.Count == 0)
        {
            return null;
        }

        var unique = EntryIds.MakeUnique(ids);
        var list = entries.Select((e, i) => (e.Item1 with { Id = unique[i] }, e.Item2)).ToList();
        return new FeedSnapshot(string.IsNullOrEmpty(title) ? null : title, FeedKind.LiveBlog, "microdata", EntryAssembler.NewestFirst(list));
    }

    /// <summary>The item's own properties of that name (not those of an item nested in it), in document order.</summary>
    private static IEnumerable<HtmlElement> Props(HtmlElement scope, string name) =>
        scope.Descendants().Where(e => e.HasToken("itemprop", name) && e.ParentElement?.Closest(static c => c.HasAttribute("itemscope")) == scope);

    /// <summary>The item's first own property of that name.</summary>
    private static HtmlElement? Prop(HtmlElement scope, string name) => Props(scope, name).FirstOrDefault();

    /// <summary>A text property's value: the attribute's value (meta content and the like) cleaned, or the element's text.</summary>
    private static string? Text(HtmlElement element, Uri? baseUrl) =>
        MicrodataValue.FromAttribute(element, baseUrl) is { } value ? JsonLdParser.Clean(value) : NullIfEmpty(HtmlText.TextOf(element));

    /// <summary>A date property's value; failing that, a <c>content</c> or <c>datetime</c> attribute some pages put on other elements.</summary>
    private static DateTimeOffset? Date(HtmlElement? element, PageContext page, Uri? baseUrl)
    {
        if (element is null)
        {
            return null;
        }

        return Iso(MicrodataValue.Of(element, baseUrl), page) ?? Iso(element.GetAttribute("content"), page) ?? Iso(element.GetAttribute("datetime"), page);
    }

    private static DateTimeOffset? Iso(string? value, PageContext page) =>
        value is not null && TimestampText.TryParseIso(value, page.Zone, out var parts) && parts.Instant is { } i
            ? TimestampParts.Localize(i, page.Zone)
            : null;

    /// <summary>The page's <c>title</c>, whitespace collapsed, or null.</summary>
    private static string? DocumentTitle(HtmlElement element)
    {
        var root = element.Closest(static e => e.ParentElement is null) ?? element;
        return root.FirstDescendant(static e => e.LocalName == "title") is { } title ? JsonLdParser.Clean(title.TextContent) : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
