using System.Globalization;
using System.Text;

namespace UpdateBot.Events.Places;

/// <summary>Folds names for look-up: lower case, accents dropped, apostrophes removed, other punctuation as one space.</summary>
internal static class NameFolding
{
    public static string Fold(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
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
                    Append(sb, char.ToLowerInvariant(c), ref pendingSpace);
                }
                else
                {
                    pendingSpace = sb.Length > 0;
                }

                continue;
            }

            AppendNonAscii(sb, c, ref pendingSpace);
        }

        return sb.ToString();
    }

    public static ulong Hash(string folded)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in folded)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static void AppendNonAscii(StringBuilder sb, char c, ref bool pendingSpace)
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
                Append(sb, s, ref pendingSpace);
            }

            return;
        }

        if (!char.IsLetterOrDigit(c))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = sb.Length > 0;
            }

            return;
        }

        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                Append(sb, char.ToLowerInvariant(d), ref pendingSpace);
            }
        }
    }

    private static void Append(StringBuilder sb, char c, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            sb.Append(' ');
            pendingSpace = false;
        }

        sb.Append(c);
    }
}
