using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Html;

namespace UpdateBot.Sources.Html;

/// <summary>
/// Decodes character references (<c>&amp;amp;</c>, <c>&amp;#8217;</c>, <c>&amp;#x2019;</c>) as the HTML standard's
/// tokenizer does, longest known name first, legacy names without a semicolon included. The table of named
/// references is the standard's, as AngleSharp ships it.
/// </summary>
internal static class CharacterReferences
{
    private const int MaxNameLength = 32;

    /// <summary>The longest name the standard's table lists without a semicolon ("Aacute", "frac34", "middot").</summary>
    private const int MaxLegacyLength = 6;

    private const int MaxCached = 4096;

    private static int cachedCount;

    // The standard maps these C1 code points of a numeric reference to the Windows-1252 characters (HTML, 13.2.5.80).
    private static readonly string C1 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CacheLookup = Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Decodes the reference at <paramref name="at"/> (an <c>&amp;</c>) into <paramref name="output"/> and returns the
    /// index after it; where there is no reference, appends the <c>&amp;</c> alone and returns <paramref name="at"/> + 1.
    /// </summary>
    public static int Decode(string source, int at, int end, StringBuilder output, bool inAttribute)
    {
        var next = at + 1;
        if (next < end && source[next] == '#')
        {
            return DecodeNumeric(source, at, end, output);
        }

        var nameEnd = next;
        while (nameEnd < end && nameEnd - next < MaxNameLength && char.IsAsciiLetterOrDigit(source[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == next)
        {
            output.Append('&');
            return next;
        }

        if (nameEnd < end && source[nameEnd] == ';' && Named(source.AsSpan(next, nameEnd - next + 1)) is { } full)
        {
            output.Append(full);
            return nameEnd + 1;
        }

        // Legacy names ("&amp", "&copy", "&not") also stand without a semicolon: the longest one that is a prefix.
        for (var length = Math.Min(nameEnd - next, MaxLegacyLength); length >= 2; length--)
        {
            if (Named(source.AsSpan(next, length)) is not { } legacy)
            {
                continue;
            }

            var after = next + length;
            if (inAttribute && after < end && (source[after] == '=' || char.IsAsciiLetterOrDigit(source[after])))
            {
                // In an attribute, "&copy=1" in a URL's query stays as written.
                break;
            }

            output.Append(legacy);
            return after;
        }

        output.Append('&');
        return next;
    }

    private static string? Named(ReadOnlySpan<char> name)
    {
        if (CacheLookup.TryGetValue(name, out var cached))
        {
            return cached.Length == 0 ? null : cached;
        }

        var key = name.ToString();
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(key);
        // Bounded, so a page of made-up names cannot grow it; counted apart, as the dictionary's count takes every lock.
        if (Volatile.Read(ref cachedCount) < MaxCached && Cache.TryAdd(key, symbol ?? ""))
        {
            Interlocked.Increment(ref cachedCount);
        }

        return string.IsNullOrEmpty(symbol) ? null : symbol;
    }

    private static int DecodeNumeric(string source, int at, int end, StringBuilder output)
    {
        var i = at + 2;
        var hex = i < end && source[i] is 'x' or 'X';
        if (hex)
        {
            i++;
        }

        var digitsStart = i;
        long value = 0;
        while (i < end && (hex ? char.IsAsciiHexDigit(source[i]) : char.IsAsciiDigit(source[i])))
        {
            if (value <= 0x10FFFF)
            {
                value = (value * (hex ? 16 : 10)) + (hex ? HexValue(source[i]) : source[i] - '0');
            }

            i++;
        }

        if (i == digitsStart)
        {
            // "&#" or "&#x" with no digits: not a reference.
            output.Append('&');
            return at + 1;
        }

        if (i < end && source[i] == ';')
        {
            i++;
        }

        AppendCodePoint(value, output);
        return i;
    }

    private static void AppendCodePoint(long value, StringBuilder output)
    {
        if (value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            output.Append('\uFFFD');
        }
        else if (value is >= 0x80 and <= 0x9F)
        {
            output.Append(C1[(int)value - 0x80]);
        }
        else if (value > 0xFFFF)
        {
            output.Append(char.ConvertFromUtf32((int)value));
        }
        else
        {
            output.Append((char)value);
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
