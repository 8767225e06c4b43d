using System.Text.RegularExpressions;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Recognises the lines page chrome leaves at the end of a page's text (share prompts, category lists, pop-ups,
/// cookie notices): everything from the first such line on is not part of the last entry.
/// </summary>
internal static partial class ChromeText
{
    [GeneratedRegex(
        @"^\s*(?:share (?:this|on|via)\b|share:?$|categories:|category:|tags?:|filed under\b|posted in\b|related (?:articles|posts|stories|content)\b|read more\b|more from\b|follow us\b|sign up\b|subscribe\b|newsletter\b|we use cookies\b|this (?:site|website) uses cookies\b|accept (?:all )?cookies\b|cookie (?:policy|settings)\b|leave a (?:comment|reply)\b|\d+ comments?$|comments?$|print this\b|email this\b|tweet this\b|advertisement$|looking for the\b|we've moved\b|we have moved\b|skip to (?:main )?content\b|back to top\b|copyright\b|©)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeLine();

    public static bool IsChrome(string line)
    {
        if (line.Length > 120)
        {
            return false;
        }

        try
        {
            return ChromeLine().IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Cuts the paragraphs of a page's last entry at its first chrome paragraph.</summary>
    public static void TrimTrailing(List<ReadOnlyMemory<char>> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i].ToString();
            var firstLine = paragraph.Split('\n', 2)[0];
            if (IsChrome(firstLine))
            {
                paragraphs.RemoveRange(i, paragraphs.Count - i);
                return;
            }

            var lines = paragraph.Split('\n');
            var cut = Array.FindIndex(lines, IsChrome);
            if (cut > 0)
            {
                paragraphs[i] = string.Join('\n', lines[..cut]).AsMemory();
                paragraphs.RemoveRange(i + 1, paragraphs.Count - i - 1);
                return;
            }
        }
    }
}
