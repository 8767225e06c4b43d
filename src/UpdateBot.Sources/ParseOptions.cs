namespace UpdateBot.Sources;

/// <summary>
/// How to read one document: "now" (for year inference), the zone times without an offset are in, the format
/// ("auto" detects it) and the source name entries are labelled with.
/// </summary>
public sealed record ParseOptions(DateTimeOffset Now, TimeZoneInfo Zone, string Format = "auto", string? SourceName = null)
{
    /// <summary>The HTTP Last-Modified of the document, when known: a hint for the year of undated entries.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>
    /// Whether the source was read as a live blog with entries last time. A timestamp-headed page with one time on it
    /// is then that live blog's one remaining entry; otherwise (first sight, or <c>parse</c>) it is an article with a
    /// dateline, unless <see cref="Format"/> says <c>liveblog-html</c>.
    /// </summary>
    public bool KnownLiveBlog { get; init; }
}
