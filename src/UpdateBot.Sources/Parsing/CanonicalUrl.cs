using System.Buffers;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// A fast path for the commonest link in feed content: an absolute http(s) URL already written exactly as
/// <see cref="Uri.AbsoluteUri"/> would write it (lower-case host, no port, no dot segments, nothing to escape or
/// unescape). Such a URL is returned as it is; anything else goes through <see cref="HtmlText.Absolute"/>.
/// </summary>
internal static class CanonicalUrl
{
    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    // Unreserved characters and the delimiters Uri leaves alone; no '%' (escapes may be normalised), no quote or space.
    private static readonly SearchValues<char> RestChars = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/?#@!$&()*+,;=:");

    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    public static string? Absolute(string? href, Uri? baseUrl) => IsCanonical(href) ? href : HtmlText.Absolute(href, baseUrl);

    public static bool IsCanonical(string? href)
    {
        if (href is null)
        {
            return false;
        }

        var span = href.AsSpan();
        int schemeLength;
        if (span.StartsWith("https://", StringComparison.Ordinal))
        {
            schemeLength = 8;
        }
        else if (span.StartsWith("http://", StringComparison.Ordinal))
        {
            schemeLength = 7;
        }
        else
        {
            return false;
        }

        var rest = span[schemeLength..];
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var host = rest[..slash];
        var path = rest[slash..];
        return host.IndexOfAnyExcept(HostChars) < 0
            && host[0] is not '.' and not '-' && host[^1] is not '.' and not '-' && !host.Contains("..", StringComparison.Ordinal)
            && path.IndexOfAnyExcept(RestChars) < 0
            && !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal)
            && path.IndexOf('#') == path.LastIndexOf('#')
            && IsDomainName(host);
    }

    /// <summary>A name whose last label is letters only (so never an IP address Uri would rewrite).</summary>
    private static bool IsDomainName(ReadOnlySpan<char> host)
    {
        var last = host[(host.LastIndexOf('.') + 1)..];
        return last.Length >= 2 && last.IndexOfAnyExcept(Letters) < 0;
    }
}
