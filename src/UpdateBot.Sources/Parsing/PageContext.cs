namespace UpdateBot.Sources.Parsing;

/// <summary>What a parser knows about the page around its entries: dates from metadata, "now" and the zone.</summary>
internal sealed record PageContext(DateTimeOffset Now, TimeZoneInfo Zone)
{
    /// <summary>When the page says it was first published (article:published_time, datePublished, a pubdate line).</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the page says it was last changed (article:modified_time, dateModified, Last-Modified header).</summary>
    public DateTimeOffset? Modified { get; init; }
}
