using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>The machine-readable times an update's own element shows: its first <c>time[datetime]</c>, and an "updated" one.</summary>
internal static class ElementTimes
{
    /// <summary>
    /// The instant the element's first machine-readable time gives (a <c>time</c> with a <c>datetime</c>, or a
    /// <c>datePublished</c> property), skipping <paramref name="except"/> and a time marked as the last update; or null.
    /// </summary>
    public static DateTimeOffset? Published(HtmlElement element, TimeZoneInfo zone, HtmlElement? except = null)
    {
        foreach (var candidate in element.Descendants())
        {
            if (candidate != except && Instant(candidate, zone) is { } instant && !IsUpdatedStamp(candidate))
            {
                return instant;
            }
        }

        return null;
    }

    /// <summary>The time the element marks as its last update ("Last updated …" in the time's title or text), or null.</summary>
    public static DateTimeOffset? Updated(HtmlElement element, TimeZoneInfo zone)
    {
        foreach (var candidate in element.Descendants())
        {
            if (IsUpdatedStamp(candidate) && Instant(candidate, zone) is { } instant)
            {
                return instant;
            }
        }

        return null;
    }

    /// <summary>The instant of a <c>time[datetime]</c> or a microdata date property, or null.</summary>
    public static DateTimeOffset? Instant(HtmlElement candidate, TimeZoneInfo zone)
    {
        string? value = null;
        if (candidate.LocalName == "time")
        {
            value = candidate.GetAttribute("datetime");
        }
        else if (candidate.HasToken("itemprop", "datePublished"))
        {
            value = candidate.GetAttribute("content") ?? candidate.GetAttribute("datetime");
        }

        return value is not null && TimestampText.TryParseIso(value, zone, out var parts) && parts.Instant is { } instant
            ? TimestampParts.Localize(instant, zone)
            : null;
    }

    private static bool IsUpdatedStamp(HtmlElement candidate) =>
        candidate.LocalName == "time" &&
        ((candidate.GetAttribute("title")?.Contains("updated", StringComparison.OrdinalIgnoreCase) ?? false) ||
         candidate.HasToken("itemprop", "dateModified"));
}
