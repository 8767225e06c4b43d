namespace UpdateBot.Core.Sources;

/// <summary>A live blog or feed the bot watches, as configured (UpdateBot:Sources:N).</summary>
public sealed record SourceDefinition
{
    public required string Name { get; init; }

    /// <summary>An http(s) URL, or a local file path (read from disk; used by the CLI and tests).</summary>
    public required string Url { get; init; }

    /// <summary>"auto" (default), "liveblog-html", "liveblog-text", "jsonld", "wordpress", "rss", "atom", "jsonfeed".</summary>
    public string Format { get; init; } = "auto";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest quiet hours may stretch the interval to; default 5 × <see cref="PollInterval"/>.</summary>
    public TimeSpan? MaxPollInterval { get; init; }

    /// <summary>On first sight, how many of the newest existing entries are posted (default none).</summary>
    public int Backlog { get; init; }

    /// <summary>IANA zone the source's times are in when it gives no offset; null means the bot's zone.</summary>
    public string? TimeZone { get; init; }
}
