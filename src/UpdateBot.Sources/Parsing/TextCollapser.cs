using System.Buffers;
using System.Text;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Builds text with whitespace collapsed as a browser shows it, while it is written: runs of spaces become one,
/// line breaks (from &lt;br&gt;, block edges, &lt;pre&gt;) are kept singly, nothing leads or trails, a no-break space
/// is a plain space and a zero-width space is a space. One buffer serves many blocks (<see cref="Take"/>), so a
/// page's text is copied once. Marks give the collapsed text of a part (a link's words) without a second pass.
/// </summary>
internal sealed class TextCollapser
{
    /// <summary>Characters the copy loop must look at; everything else is copied in bulk.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(SpecialChars());

    private readonly StringBuilder result = new(1024);
    private readonly List<(int Start, bool Separated)> marks = [];
    private bool pendingSpace;
    private bool pendingBreak;

    public bool IsEmpty => result.Length == 0;

    /// <summary>A line break: block edges and &lt;br&gt;.</summary>
    public void Break()
    {
        pendingBreak = result.Length > 0;
        pendingSpace = false;
    }

    /// <summary>Text as it stands in the page: source line breaks are spaces unless <paramref name="pre"/>.</summary>
    public void Append(ReadOnlySpan<char> text, bool pre)
    {
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny(Special);
            var run = i < 0 ? text : text[..i];
            if (!run.IsEmpty)
            {
                EmitPending();
                result.Append(run);
            }

            if (i < 0)
            {
                return;
            }

            var c = text[i];
            if (c == '\u00a0')
            {
                EmitPending();
                result.Append(' ');
            }
            else if (c == '\n' && pre)
            {
                Break();
            }
            else
            {
                pendingSpace = result.Length > 0;
            }

            text = text[(i + 1)..];
        }
    }

    /// <summary>Starts a part whose own collapsed text <see cref="EndMark"/> will give.</summary>
    public void Mark() => marks.Add((result.Length, false));

    /// <summary>The collapsed text since the matching <see cref="Mark"/>, as if it had been collapsed on its own.</summary>
    public string EndMark()
    {
        var (start, separated) = marks[^1];
        marks.RemoveAt(marks.Count - 1);

        // On its own the part would not start with the separator that joined it to the text before.
        if (separated)
        {
            start++;
        }

        return start >= result.Length ? "" : result.ToString(start, result.Length - start);
    }

    /// <summary>The text so far; the buffer starts over.</summary>
    public string Take()
    {
        var text = result.ToString();
        Reset();
        return text;
    }

    public void Reset()
    {
        result.Clear();
        marks.Clear();
        pendingSpace = false;
        pendingBreak = false;
    }

    private void EmitPending()
    {
        if (!pendingBreak && !pendingSpace)
        {
            return;
        }

        for (var m = marks.Count - 1; m >= 0 && marks[m].Start == result.Length; m--)
        {
            marks[m] = (marks[m].Start, true);
        }

        result.Append(pendingBreak ? '\n' : ' ');
        pendingBreak = false;
        pendingSpace = false;
    }

    private static char[] SpecialChars()
    {
        var chars = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (char.IsWhiteSpace(ch) || ch is '\u200b' or '\u00a0')
            {
                chars.Add(ch);
            }
        }

        return [.. chars];
    }
}
