using System.Globalization;
using System.Text;

namespace UpdateBot.Events.Places;

/// <summary>Folds names for look-up: lower case, accents dropped, apostrophes removed, other punctuation as one space.</summary>
internal static class NameFolding
{
    private const int MaxStack = 512;

    public static string Fold(ReadOnlySpan<char> name)
    {
        var buffer = name.Length * 3 <= MaxStack ? stackalloc char[MaxStack] : new char[name.Length * 3];
        return new string(buffer[..FoldInto(name, buffer)]);
    }

    /// <summary>The hash of the folded form of <paramref name="name"/>, without allocating it.</summary>
    public static ulong FoldedHash(ReadOnlySpan<char> name)
    {
        var buffer = name.Length * 3 <= MaxStack ? stackalloc char[MaxStack] : new char[name.Length * 3];
        return Hash(buffer[..FoldInto(name, buffer)]);
    }

    public static ulong Hash(ReadOnlySpan<char> folded)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in folded)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static int FoldInto(ReadOnlySpan<char> name, Span<char> dest)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (c is '\'' or '’' or '`' or 'ʻ' or 'ʼ')
            {
                continue;
            }

            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    Append(dest, ref length, char.ToLowerInvariant(c), ref pendingSpace);
                }
                else
                {
                    pendingSpace = length > 0;
                }

                continue;
            }

            AppendNonAscii(dest, ref length, c, ref pendingSpace);
        }

        return length;
    }

    private static void AppendNonAscii(Span<char> dest, ref int length, char c, ref bool pendingSpace)
    {
        var special = char.ToLowerInvariant(c) switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => null,
        };
        if (special is not null)
        {
            foreach (var s in special)
            {
                Append(dest, ref length, s, ref pendingSpace);
            }

            return;
        }

        if (!char.IsLetterOrDigit(c))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = length > 0;
            }

            return;
        }

        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark && length < dest.Length - 1)
            {
                Append(dest, ref length, char.ToLowerInvariant(d), ref pendingSpace);
            }
        }
    }

    private static void Append(Span<char> dest, ref int length, char c, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            dest[length++] = ' ';
            pendingSpace = false;
        }

        dest[length++] = c;
    }
}
