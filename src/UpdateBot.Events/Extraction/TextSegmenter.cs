using System.Text.RegularExpressions;

namespace UpdateBot.Events.Extraction;

/// <summary>Splits entry text into sentences (with their paragraph) and sentences into clauses that each name one event.</summary>
internal static partial class TextSegmenter
{
    public static IReadOnlyList<(int Paragraph, string Sentence)> Sentences(string text)
    {
        var result = new List<(int, string)>();
        var paragraph = 0;
        foreach (var para in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var line in para.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var cleaned = ListMarker().Replace(line, "");
                foreach (var sentence in SentenceBreak().Split(cleaned))
                {
                    var s = sentence.Trim();
                    if (s.Length > 0)
                    {
                        result.Add((paragraph, s));
                    }
                }
            }

            paragraph++;
        }

        return result;
    }

    /// <summary>
    /// Splits a sentence at clause boundaries (";", "and there", ", and", "while", "but", "plus") — but only where both
    /// sides name an event, so "from 11am to 3pm in Leeds and Bradford" stays whole.
    /// </summary>
    public static IReadOnlyList<string> Clauses(string sentence)
    {
        var parts = new List<string> { sentence };
        foreach (Match boundary in ClauseBreak().Matches(sentence).Reverse())
        {
            var first = parts[0];
            var at = boundary.Index;
            if (at >= first.Length)
            {
                continue;
            }

            var left = first[..at];
            var right = first[(at + boundary.Length)..];
            if (EventKinds.Find(left).Any() && EventKinds.Find(right).Any())
            {
                parts[0] = left;
                parts.Insert(1, right);
            }
        }

        return parts;
    }

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]|[-•*–])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<=[.!?…])[""”’)]?\s+(?=[""“‘(\[]?[\p{Lu}\d#@])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@";\s*|,?\s+and\s+there\s+|,\s+and\s+(?:then\s+)?|\s+while\s+|,?\s+but\s+|,?\s+plus\s+|,?\s+followed\s+by\s+|,?\s+and\s+(?:also\s+)?(?=(?:a|an|the|our)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
