using UpdateBot.Core.Entries;

namespace UpdateBot.Sources;

/// <summary>The outcome of one read of a source.</summary>
public abstract record SourceReadResult
{
    private SourceReadResult()
    {
    }

    /// <summary>How long the server asked us to wait before the next read (Cache-Control max-age), if it said.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>How long the server asked us to back off (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Nothing changed: a 304, or a body with the same hash as last time (not parsed again).</summary>
    public sealed record Unchanged(string? ETag, string? LastModified) : SourceReadResult;

    /// <summary>A new body, parsed.</summary>
    public sealed record Snapshot(FeedSnapshot Feed, string? ETag, string? LastModified, string BodyHash) : SourceReadResult;

    /// <summary>The read failed; <paramref name="Error"/> is one clear line.</summary>
    public sealed record Failed(string Error) : SourceReadResult;
}
