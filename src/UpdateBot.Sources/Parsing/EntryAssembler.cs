using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>Resolves the times of raw entries, gives them ids and orders them newest first.</summary>
internal static class EntryAssembler
{
    public static IReadOnlyList<Entry> Assemble(IReadOnlyList<RawEntry> raw, PageContext page, string sourceName)
    {
        var times = DateResolver.Resolve(raw.Select(r => r.Timestamp).ToList(), page).Select(t => TimestampParts.Localize(t, page.Zone)).ToArray();
        var texts = raw.Select(r => JoinParagraphs(r.Paragraphs)).ToList();
        var ids = EntryIds.MakeUnique(raw.Select((r, i) => r.OwnId ?? EntryIds.Derive(times[i], r.Title, texts[i])));
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
                Links = DistinctByUrl(r.Links, static l => l.Url),
                Media = DistinctByUrl(r.Media, static m => m.Url),
            }, i));
        }

        return NewestFirst(entries);
    }

    /// <summary>The items with the first of each URL kept, in order; the list itself when it has no repeats.</summary>
    private static List<T> DistinctByUrl<T>(List<T> items, Func<T, string> url)
    {
        if (items.Count <= 1)
        {
            return items;
        }

        if (items.Count <= 16)
        {
            // A few links: compare pairwise rather than build a set.
            List<T>? kept = null;
            for (var i = 0; i < items.Count; i++)
            {
                var repeat = false;
                for (var j = 0; j < i && !repeat; j++)
                {
                    repeat = url(items[j]) == url(items[i]);
                }

                if (repeat)
                {
                    kept ??= items.GetRange(0, i);
                }
                else
                {
                    kept?.Add(items[i]);
                }
            }

            return kept ?? items;
        }

        return items.DistinctBy(url, StringComparer.Ordinal).ToList();
    }

    /// <summary>The non-empty paragraphs with a blank line between each, copied once.</summary>
    private static string JoinParagraphs(List<ReadOnlyMemory<char>> paragraphs)
    {
        var length = 0;
        var count = 0;
        foreach (var p in paragraphs)
        {
            if (p.Length > 0)
            {
                length += p.Length + (count++ > 0 ? 2 : 0);
            }
        }

        if (count <= 1)
        {
            return count == 0 ? "" : paragraphs.First(p => p.Length > 0).ToString();
        }

        return string.Create(length, paragraphs, static (span, list) =>
        {
            var at = 0;
            foreach (var p in list)
            {
                if (p.Length == 0)
                {
                    continue;
                }

                if (at > 0)
                {
                    span[at++] = '\n';
                    span[at++] = '\n';
                }

                p.Span.CopyTo(span[at..]);
                at += p.Length;
            }
        });
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
