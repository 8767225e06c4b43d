using System.Globalization;
using UpdateBot.Sources.Html;
using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>WordPress liveblog plugin markup: div#liveblog-entry-{id}[data-timestamp] with .liveblog-entry-text.</summary>
internal static class WordPressHtmlParser
{
    public static FeedSnapshot? TryParse(PageScan scan, PageContext page, Uri? baseUrl, string sourceName)
    {
        var containers = scan.WordPressEntries;
        if (containers.Count == 0)
        {
            return null;
        }

        var entries = new List<(Entry, int)>();
        var index = 0;
        foreach (var container in containers)
        {
            if (!long.TryParse(container.GetAttribute("data-timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                continue;
            }

            var id = container.Id!["liveblog-entry-".Length..];
            var body = container.FirstDescendant(static e => e.HasClass("liveblog-entry-text") || e.HasClass("liveblog-entry-content")) ?? container;
            var blocks = new HtmlBlockWalker(page.Zone, baseUrl, detectTimestamps: false).Walk(body);
            var author = container.FirstDescendant(static e => e.HasClass("liveblog-author-name"));
            var metaBlocks = body == container ? container.Descendants().Where(static e => e.HasClass("liveblog-meta") || e.LocalName == "header").ToHashSet() : [];
            var kept = blocks.Where(b => !metaBlocks.Any(m => m == b.Element || m.Contains(b.Element))).ToList();
            var published = TimestampParts.Localize(DateTimeOffset.FromUnixTimeSeconds(seconds), page.Zone);
            entries.Add((new Entry
            {
                SourceName = sourceName,
                Id = id,
                Published = published,
                Text = string.Join("\n\n", kept.Where(b => b.Text.Length > 0).Select(b => b.Text)),
                Url = baseUrl is null ? null : new Uri(baseUrl, "#liveblog-entry-" + id).AbsoluteUri,
                Author = author is null ? null : HtmlText.TextOf(author),
                Links = kept.SelectMany(b => b.Links).DistinctBy(l => l.Url).ToList(),
                Media = kept.SelectMany(b => b.Media).DistinctBy(m => m.Url).ToList(),
            }, index++));
        }

        return entries.Count == 0 ? null : new FeedSnapshot(null, FeedKind.LiveBlog, "wordpress", EntryAssembler.NewestFirst(entries));
    }
}
