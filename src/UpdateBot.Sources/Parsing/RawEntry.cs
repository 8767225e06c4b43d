using UpdateBot.Core.Entries;

namespace UpdateBot.Sources.Parsing;

/// <summary>An entry being assembled from a timestamp-headed page, before its time is resolved.</summary>
internal sealed class RawEntry(TimestampParts timestamp)
{
    public TimestampParts Timestamp { get; set; } = timestamp;

    public string? OwnId { get; set; }

    public string? Title { get; set; }

    /// <summary>Where the entry's headline, or the link wrapped around its time, leads (a card of another story).</summary>
    public string? TitleUrl { get; set; }

    public string? Url { get; set; }

    public string? Author { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public EntryKind Kind { get; set; } = EntryKind.Entry;

    /// <summary>The entry's paragraphs (slices of the page's text, joined once when the entry is made).</summary>
    public List<ReadOnlyMemory<char>> Paragraphs { get; } = [];

    public List<EntryLink> Links { get; } = [];

    public List<EntryMedia> Media { get; } = [];
}
