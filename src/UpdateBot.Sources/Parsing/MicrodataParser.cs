using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>schema.org LiveBlogPosting in microdata: each [itemprop=liveBlogUpdate] is an entry.</summary>
internal static class MicrodataParser
{
    public static FeedSnapshot? TryParse(PageScan scan, PageContext page, Uri? baseUrl, string sourceName)
    {
        var posting = scan.LiveBlogPosting;
        if (posting is null)
        {
            return null;
        }

        var entries = new List<(Entry, int)>();
        var ids = new List<string>();
        var index = 0;
        foreach (var update in posting.Descendants().Where(static e => e.HasToken("itemprop", "liveBlogUpdate")))
        {
            var published = Date(Prop(update, "datePublished"), page) ?? Date(Prop(update, "dateModified"), page);
            if (published is null)
            {
                continue;
            }

            var modified = Date(Prop(update, "dateModified"), page);
            var headline = Prop(update, "headline")?.Let(HtmlText.TextOf);
            var bodyElement = Prop(update, "articleBody") ?? Prop(update, "text");
            var links = new List<EntryLink>();
            var media = new List<EntryMedia>();
            var text = "";
            if (bodyElement is not null)
            {
                var blocks = new HtmlBlockWalker(page.Zone, baseUrl, detectTimestamps: false).Walk(bodyElement);
                text = string.Join("\n\n", blocks.Where(b => b.Text.Length > 0).Select(b => b.Text));
                links.AddRange(blocks.SelectMany(b => b.Links));
                media.AddRange(blocks.SelectMany(b => b.Media));
            }

            var url = HtmlText.Absolute(Prop(update, "url")?.Let(e => e.GetAttribute("href") ?? e.GetAttribute("content")) ?? update.GetAttribute("itemid"), baseUrl);
            var id = update.GetAttribute("itemid") ?? update.Id ?? url ?? EntryIds.Derive(published.Value, (headline + " " + text).Trim());
            ids.Add(id);
            entries.Add((new Entry
            {
                SourceName = sourceName,
                Id = id,
                Published = published.Value,
                Updated = modified > published ? modified : null,
                Title = string.IsNullOrEmpty(headline) ? null : headline,
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
        var title = posting.FirstDescendant(static e => e.GetAttribute("itemprop") == "headline")?.Let(HtmlText.TextOf);
        return new FeedSnapshot(title, FeedKind.LiveBlog, "microdata", EntryAssembler.NewestFirst(list));
    }

    /// <summary>The update's own property (not one of a nested item's).</summary>
    private static HtmlElement? Prop(HtmlElement scope, string name) =>
        scope.Descendants().FirstOrDefault(e => e.HasToken("itemprop", name) && e.ParentElement?.Closest(static c => c.HasAttribute("itemscope")) == scope);

    private static DateTimeOffset? Date(HtmlElement? element, PageContext page)
    {
        var value = element?.GetAttribute("datetime") ?? element?.GetAttribute("content") ?? element?.TextContent;
        return value is not null && TimestampText.TryParseIso(value, page.Zone, out var parts) && parts.Instant is { } i
            ? TimestampParts.Localize(i, page.Zone)
            : null;
    }
}
