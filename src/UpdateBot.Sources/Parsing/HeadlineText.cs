using System.Text.RegularExpressions;

namespace UpdateBot.Sources.Parsing;

/// <summary>Tidies the headline structured data gives an update: a time it leads with, and the page's own title.</summary>
internal static partial class HeadlineText
{
    // "19:02(IST) Toss won", "7.45pm (BST) Polls close", "19:02 Toss won": a clock time, an optional zone in brackets,
    // then the headline. A time written with a dot needs am/pm or the zone ("3.45 million" is no time).
    [GeneratedRegex(
        @"^\s*(?<time>[0-9]{1,2}(?::[0-9]{2}(?![0-9])(?:\s*[ap]\.?m\.?)?(?:\s*\(\s*[a-z]{2,5}\s*\))?|\.[0-9]{2}(?:\s*[ap]\.?m\.?(?:\s*\(\s*[a-z]{2,5}\s*\))?|\s*\(\s*[a-z]{2,5}\s*\))))\s+(?<rest>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex LeadingTimePattern();

    /// <summary>The headline without a leading time of day ("19:02(IST) ", "11.04 Uhr: ", "2.05pm – "), or as it is.</summary>
    public static string StripLeadingTime(string headline, TimeZoneInfo zone)
    {
        var trimmed = headline.AsSpan().TrimStart();
        if (trimmed.IsEmpty || !char.IsAsciiDigit(trimmed[0]))
        {
            return headline;
        }

        if (TimestampText.TryParseLeading(headline, zone, out _, out var rest) && rest.Length > 0)
        {
            return rest;
        }

        var match = LeadingTimePattern().Match(headline);
        return match.Success && TimestampText.TryParse(match.Groups["time"].Value, zone, out _)
            ? match.Groups["rest"].Value.Trim()
            : headline;
    }

    /// <summary>
    /// Whether <paramref name="headline"/> is only the page's title (the live blog's own headline, or the page's
    /// <c>title</c>, perhaps with the site's name after it), which some pages put on every update.
    /// </summary>
    public static bool IsPageTitle(string headline, string? postingHeadline, string? documentTitle)
    {
        if (string.Equals(headline, postingHeadline, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.IsNullOrEmpty(documentTitle) || !documentTitle.StartsWith(headline, StringComparison.Ordinal))
        {
            return false;
        }

        var after = documentTitle.AsSpan(headline.Length).TrimStart();
        return after.IsEmpty || after[0] is '|' or '-' or '–' or '—' or '·' or '•' or ':';
    }
}
