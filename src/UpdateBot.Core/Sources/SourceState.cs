using UpdateBot.Core.Entries;

namespace UpdateBot.Core.Sources;

/// <summary>What the bot remembers about fetching a source: validators for conditional GET, and its health.</summary>
public sealed record SourceState
{
    public required string SourceName { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Hash of the last body parsed: an unchanged body is not parsed again.</summary>
    public string? BodyHash { get; init; }

    /// <summary>False until the first successful read recorded the existing entries.</summary>
    public bool Initialized { get; init; }

    public DateTimeOffset? LastAttempt { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    public DateTimeOffset? LastChange { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    public long EntriesSeen { get; init; }

    public string? Title { get; init; }

    /// <summary>What the source was read as last time (null in states saved before this was kept).</summary>
    public FeedKind? Kind { get; init; }
}
