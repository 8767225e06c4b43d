namespace UpdateBot.Sources;

/// <summary>
/// How to read one document: "now" (for year inference), the zone times without an offset are in, the format
/// ("auto" detects it) and the source name entries are labelled with.
/// </summary>
public sealed record ParseOptions(DateTimeOffset Now, TimeZoneInfo Zone, string Format = "auto", string? SourceName = null)
{
    /// <summary>The HTTP Last-Modified of the document, when known: a hint for the year of undated entries.</summary>
    public DateTimeOffset? LastModified { get; init; }
}
