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
    /// Whether the source was read as a live blog with entries last time. A timestamp-headed page is then taken at its
    /// word, as when <see cref="Format"/> says <c>liveblog-html</c>: one time on it is that live blog's one remaining
    /// entry, and the signs of an article (its text elsewhere, headlines of other pages, posts days apart) are not
    /// looked for, so a watched live blog does not turn into an article and back as its entries come and go. Otherwise
    /// (first sight, or <c>parse</c>) one time heads an article, and those signs make the page an article with teasers.
    /// </summary>
    public bool KnownLiveBlog { get; init; }
}
