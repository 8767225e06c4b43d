namespace UpdateBot.StandIns.Feeds;

/// <summary>What the stand-in feed site answers on one path.</summary>
public sealed record FeedResponse
{
    public int Status { get; init; } = 200;

    public byte[] Body { get; init; } = [];

    public string ContentType { get; init; } = "text/html; charset=utf-8";

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public string? CacheControl { get; init; }

    public string? RetryAfter { get; init; }

    public FeedBehaviour Behaviour { get; init; } = FeedBehaviour.Normal;

    /// <summary>Size of the body for <see cref="FeedBehaviour.Huge"/> and <see cref="FeedBehaviour.GzipBomb"/>.</summary>
    public long HugeBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Served gzip-compressed (Content-Encoding: gzip) when the client accepts it.</summary>
    public bool Gzip { get; init; }

    public static FeedResponse Text(string body, string contentType = "text/html; charset=utf-8") =>
        new() { Body = System.Text.Encoding.UTF8.GetBytes(body), ContentType = contentType };
}
