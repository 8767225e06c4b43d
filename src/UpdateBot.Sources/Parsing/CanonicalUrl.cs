namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Recognises links that are already written exactly as <see cref="Uri.AbsoluteUri"/> would write them (lower-case
/// http(s) scheme and host, no port, user or escapes, no dot segments, only characters Uri leaves alone), so the
/// common case needs no Uri object. Anything unusual goes the long way; tests check both ways agree.
/// </summary>
internal static class CanonicalUrl
{
    [ThreadStatic]
    private static Uri? lastBase;

    [ThreadStatic]
    private static string? lastPrefix;

    public static bool IsCanonicalAbsolute(string href)
    {
        int hostStart;
        if (href.StartsWith("https://", StringComparison.Ordinal))
        {
            hostStart = 8;
        }
        else if (href.StartsWith("http://", StringComparison.Ordinal))
        {
            hostStart = 7;
        }
        else
        {
            return false;
        }

        var slash = href.IndexOf('/', hostStart);
        return slash > hostStart && IsPlainHost(href.AsSpan(hostStart, slash - hostStart)) && IsCanonicalTail(href.AsSpan(slash));
    }

    /// <summary>"/path?query" that resolves against any http(s) base to its scheme and authority followed by itself.</summary>
    public static bool IsCanonicalRootPath(string href) =>
        href.Length > 0 && href[0] == '/' && (href.Length == 1 || href[1] != '/') && IsCanonicalTail(href);

    /// <summary>"https://host" of a plain http(s) base (no user info, ASCII host), or null.</summary>
    public static string? Prefix(Uri? baseUrl)
    {
        if (baseUrl is null)
        {
            return null;
        }

        if (ReferenceEquals(baseUrl, lastBase))
        {
            return lastPrefix;
        }

        string? prefix = null;
        if (baseUrl.IsAbsoluteUri && baseUrl.Scheme is "http" or "https" && baseUrl.UserInfo.Length == 0 && IsPlainHost(baseUrl.Host) && baseUrl.IsDefaultPort)
        {
            prefix = baseUrl.Scheme + "://" + baseUrl.Host;
        }

        lastBase = baseUrl;
        lastPrefix = prefix;
        return prefix;
    }

    /// <summary>A lower-case DNS name whose last label starts with a letter (so never an IP address in any notation).</summary>
    private static bool IsPlainHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || !char.IsAsciiLetterLower(host[^1]) && !char.IsAsciiDigit(host[^1]) || !char.IsAsciiLetterLower(host[0]) && !char.IsAsciiDigit(host[0]))
        {
            return false;
        }

        var labelStart = 0;
        for (var i = 0; i < host.Length; i++)
        {
            var c = host[i];
            if (c == '.')
            {
                if (i == labelStart)
                {
                    return false;
                }

                labelStart = i + 1;
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return char.IsAsciiLetterLower(host[labelStart]);
    }

    private static bool IsCanonicalTail(ReadOnlySpan<char> tail)
    {
        for (var i = 0; i < tail.Length; i++)
        {
            var c = tail[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            switch (c)
            {
                case '-' or '_' or '~' or '=' or '&' or '+' or ',' or ';' or '@' or '!' or '$' or '*':
                    continue;
                case '/':
                    // No "//" and no dot segments ("/.", "/..") which Uri would rewrite.
                    if (i + 1 < tail.Length && tail[i + 1] is '/' or '.')
                    {
                        return false;
                    }

                    continue;
                case '.' or '?' or ':':
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }
}
