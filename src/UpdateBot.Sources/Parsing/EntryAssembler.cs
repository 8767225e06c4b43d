using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>Resolves the times of raw entries, gives them ids and orders them newest first.</summary>
internal static class EntryAssembler
{
    public static IReadOnlyList<Entry> Assemble(IReadOnlyList<RawEntry> raw, PageContext page, string sourceName)
    {
        var times = DateResolver.Resolve(raw.Select(r => r.Timestamp).ToList(), page).Select(t => TimestampParts.Localize(t, page.Zone)).ToArray();
        var texts = raw.Select(r => string.Join("\n\n", r.Paragraphs.Where(p => p.Length > 0))).ToList();
        var ids = EntryIds.MakeUnique(raw.Select((r, i) => r.OwnId ?? EntryIds.Derive(times[i], (r.Title + " " + texts[i]).Trim())));
        var entries = new List<(Entry Entry, int Index)>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            entries.Add((new Entry
            {
                SourceName = sourceName,
                Id = ids[i],
                Published = times[i],
                Updated = r.Updated is { } u && u > times[i] ? TimestampParts.Localize(u, page.Zone) : null,
                Title = r.Title,
                Text = texts[i],
                Url = r.Url,
                Kind = r.Kind,
                Author = r.Author,
                Links = r.Links.DistinctBy(l => l.Url).ToList(),
                Media = r.Media.DistinctBy(m => m.Url).ToList(),
            }, i));
        }

        return NewestFirst(entries);
    }

    /// <summary>Newest first; entries with the same time keep the page's reading order (newest-first pages) or its reverse.</summary>
    public static IReadOnlyList<Entry> NewestFirst(IReadOnlyList<(Entry Entry, int Index)> entries)
    {
        var ascending = 0;
        var descending = 0;
        for (var i = 1; i < entries.Count; i++)
        {
            var c = entries[i].Entry.Published.CompareTo(entries[i - 1].Entry.Published);
            ascending += c > 0 ? 1 : 0;
            descending += c < 0 ? 1 : 0;
        }

        var oldestFirst = ascending > descending;
        return entries
            .OrderByDescending(e => e.Entry.Published)
            .ThenBy(e => oldestFirst ? -e.Index : e.Index)
            .Select(e => e.Entry)
            .ToList();
    }
}
