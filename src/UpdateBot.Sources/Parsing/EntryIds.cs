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
    private const int WordCount = 8;

    public static string Derive(DateTimeOffset published, string text)
    {
        var key = published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + "|" + Opening(text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "t" + published.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    /// <summary>As <see cref="Derive(DateTimeOffset, string)"/> of the title and text joined by a space, without joining them.</summary>
    public static string Derive(DateTimeOffset published, string? title, string text)
    {
        // Opening words only depend on letters and digits, so the join's space and any trimming change nothing.
        var key = published.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + "|" + Opening(title, text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "t" + published.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    public static string Opening(string text) => Opening(null, text);

    private static string Opening(string? title, string text)
    {
        var opening = new OpeningWords();
        if (title is not null)
        {
            _ = opening.Feed(title) && opening.Feed(" ") && opening.Feed(text);
        }
        else
        {
            opening.Feed(text);
        }

        return opening.Builder.ToString();
    }

    /// <summary>The first words, lower case, letters and digits only; fed in pieces as if they were one text.</summary>
    private sealed class OpeningWords
    {
        private int words;
        private bool inWord;

        public StringBuilder Builder { get; } = new();

        /// <summary>False once enough words are in.</summary>
        public bool Feed(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (!inWord)
                    {
                        if (words == WordCount)
                        {
                            return false;
                        }

                        if (words > 0)
                        {
                            Builder.Append(' ');
                        }

                        words++;
                        inWord = true;
                    }

                    Builder.Append(char.ToLowerInvariant(c));
                }
                else if (c is not '\'' and not '\u2019' and not '\u00ad')
                {
                    inWord = false;
                }
            }

            return true;
        }
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
