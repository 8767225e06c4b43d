namespace UpdateBot.Core.Entries;

/// <summary>What one read of a source saw: its entries, newest first, and what the page is.</summary>
public sealed record FeedSnapshot(
    string? Title,
    FeedKind Kind,
    string Format,
    IReadOnlyList<Entry> Entries)
{
    /// <summary>A hub URL advertised by the feed (WebSub), when there is one.</summary>
    public string? HubUrl { get; init; }

    /// <summary>The feed's own canonical (self) URL, when it names one.</summary>
    public string? SelfUrl { get; init; }
}
