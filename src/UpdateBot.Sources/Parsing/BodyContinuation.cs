using System.Text;
using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Some pages cut the text they give an update in structured data ("… a fragile middle-order, full of Indian rooki")
/// while the update's element in the page holds all of it. This finds the cut text in the element and gives the
/// element's text from there on.
/// </summary>
internal static class BodyContinuation
{
    /// <summary>Shortest cut text looked for: anything shorter may well occur by chance.</summary>
    private const int MinLength = 24;

    /// <summary>Most text the element may have before the cut text starts (its time, byline).</summary>
    private const int MaxLead = 200;

    /// <summary>
    /// The element's full text when <paramref name="body"/> looks cut (it ends with an ellipsis, or without the
    /// punctuation a sentence ends with) and the element's text, from where the body starts, goes on past it; else null.
    /// </summary>
    public static string? Complete(string body, HtmlElement element)
    {
        if (!MayBeCut(body))
        {
            return null;
        }

        var core = WithoutEllipsis(body.TrimEnd());

        var text = HtmlText.TextOf(element);
        var (flat, map) = Flatten(text);
        var (needle, _) = Flatten(core);
        var at = flat.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0 || at > MaxLead || flat.Length - at <= needle.Length + 1)
        {
            return null;
        }

        // The text shown twice (a heading and a card of the same words) is no cut text going on.
        if (flat.IndexOf(needle, at + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        return text[map[at]..].Trim().Replace("\n", "\n\n", StringComparison.Ordinal);
    }

    /// <summary>Whether a text may have been cut: long enough to look for, and ending in an ellipsis or without ending a sentence.</summary>
    public static bool MayBeCut(string body)
    {
        var trimmed = body.TrimEnd();
        var core = WithoutEllipsis(trimmed);
        return core.Length >= MinLength && (core.Length < trimmed.Length || !EndsSentence(core));
    }

    private static string WithoutEllipsis(string text) =>
        text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…') ? text.TrimEnd('.', '…').TrimEnd() : text;

    private static bool EndsSentence(string text) =>
        text[^1] is '.' or '!' or '?' or '"' or '”' or '’' or '\'' or '»' or ')' or '。' or '！' or '？';

    /// <summary>The text with every run of spaces, breaks and invisible spaces made one space and trimmed, and where each character came from.</summary>
    private static (string Flat, int[] Map) Flatten(string text)
    {
        var flat = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '\u200b' or '\u200c' or '\u200d' or '\ufeff')
            {
                space = flat.Length > 0;
                continue;
            }

            if (space)
            {
                flat.Append(' ');
                map.Add(i);
                space = false;
            }

            flat.Append(c);
            map.Add(i);
        }

        return (flat.ToString(), map.ToArray());
    }
}
