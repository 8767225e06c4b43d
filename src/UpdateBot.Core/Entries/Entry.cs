namespace UpdateBot.Core.Entries;

/// <summary>
/// One timestamped entry of a live blog or feed, or a moderator's breaking entry.
/// <see cref="Text"/> is plain text; paragraphs are separated by a blank line ("\n\n").
/// Links and media found in the body are kept beside it for the chat adapters.
/// </summary>
public sealed record Entry
{
    /// <summary>Name of the source the entry belongs to (the configured source name, or "breaking").</summary>
    public required string SourceName { get; init; }

    /// <summary>Stable id within the source: the source's own id, or one derived from time and opening text.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public string? Title { get; init; }

    public required string Text { get; init; }

    /// <summary>Absolute link to the entry itself, when the source gives one.</summary>
    public string? Url { get; init; }

    public EntryKind Kind { get; init; } = EntryKind.Entry;

    public string? Author { get; init; }

    public IReadOnlyList<EntryLink> Links { get; init; } = [];

    public IReadOnlyList<EntryMedia> Media { get; init; } = [];

    /// <summary>A hash of what readers see (title, text, links, media): a change means a new version.</summary>
    public string ContentHash => EntryFingerprint.Of(this);

    /// <summary>The paragraphs of <see cref="Text"/>.</summary>
    public IEnumerable<string> Paragraphs =>
        Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
