using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Stable entry ids: the source's own id where it has one, else one derived from the timestamp and the normalised
/// opening words (letters and digits only, lower case), so whitespace and markup changes keep the id.
/// </summary>
internal static class EntryIds
{
    private const int OpeningWords = 8;

    public static string Derive(DateTimeOffset published, string text)
    {
        var key = published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + "|" + Opening(text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "t" + published.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    public static string Opening(string text)
    {
        var builder = new StringBuilder();
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    if (words == OpeningWords)
                    {
                        break;
                    }

                    if (words > 0)
                    {
                        builder.Append(' ');
                    }

                    words++;
                    inWord = true;
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '\'' and not '\u2019' and not '\u00ad')
            {
                inWord = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Gives duplicates (same id) distinct ids in document order: "id", "id~2", "id~3".</summary>
    public static IReadOnlyList<string> MakeUnique(IEnumerable<string> ids)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var id in ids)
        {
            var count = seen.TryGetValue(id, out var n) ? n + 1 : 1;
            seen[id] = count;
            result.Add(count == 1 ? id : id + "~" + count.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }
}
