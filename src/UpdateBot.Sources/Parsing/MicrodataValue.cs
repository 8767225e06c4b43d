using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// The value of a microdata property, by the HTML standard's rules: <c>meta</c> gives its <c>content</c>;
/// <c>a</c>, <c>area</c>, <c>link</c> their <c>href</c>; <c>img</c>, <c>audio</c>, <c>video</c>, <c>source</c>,
/// <c>iframe</c>, <c>embed</c>, <c>track</c> their <c>src</c>; <c>object</c> its <c>data</c> (URLs resolved against the
/// page); <c>data</c> and <c>meter</c> their <c>value</c>; <c>time</c> its <c>datetime</c> or else its text; any other
/// element its text content.
/// </summary>
internal static class MicrodataValue
{
    /// <summary>
    /// The value when an attribute gives it (null when the element's text is its value): a URL made absolute for the
    /// URL-valued elements ("" when it cannot be), the attribute's text for the others.
    /// </summary>
    public static string? FromAttribute(HtmlElement element, Uri? baseUrl) =>
        element.LocalName switch
        {
            "meta" => element.GetAttribute("content") ?? "",
            "a" or "area" or "link" => Url(element.GetAttribute("href"), baseUrl),
            "img" or "audio" or "video" or "source" or "iframe" or "embed" or "track" => Url(element.GetAttribute("src"), baseUrl),
            "object" => Url(element.GetAttribute("data"), baseUrl),
            "data" or "meter" => element.GetAttribute("value") ?? "",
            "time" => element.GetAttribute("datetime"),
            _ => null,
        };

    /// <summary>The property's value as text: the attribute's value, or else the element's text content.</summary>
    public static string Of(HtmlElement element, Uri? baseUrl) => FromAttribute(element, baseUrl) ?? element.TextContent;

    /// <summary>A URL made absolute against the page (fragments kept), or "" when it cannot be.</summary>
    public static string Url(string? value, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var trimmed = value.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        return baseUrl is not null && baseUrl.IsAbsoluteUri && Uri.TryCreate(baseUrl, trimmed, out var relative) && relative.Scheme is "http" or "https"
            ? relative.AbsoluteUri
            : "";
    }
}
