using System.Buffers;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Builds text with whitespace collapsed as a browser shows it, while it is written: runs of spaces become one,
/// line breaks (from &lt;br&gt;, block edges, &lt;pre&gt;) are kept singly, nothing leads or trails, a no-break space
/// is a plain space and a zero-width space is a space. One buffer serves many blocks: <see cref="TakeSlice"/> hands
/// out a block's text as a slice of it, so a page's text is copied once. Marks give the collapsed text of a part (a link's words) without a second pass.
/// Short texts and resolved link targets that recur on a page ("Share", "more", one story's URL) are one string each.
/// </summary>
internal sealed class TextCollapser
{
    /// <summary>Characters the copy loop must look at; everything else is copied in bulk.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(SpecialChars());

    private const int MaxSharedLength = 64;

    // Made on first use: a collapser that serves one short text (HtmlText.TextOf) needs neither.
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>? shared;
    private Dictionary<string, string?>? resolved;
    private const int ChunkLength = 32 * 1024;

    private char[] buffer = new char[1024];

    /// <summary>Where the text being built starts in <see cref="buffer"/>; what lies before it was handed out as slices.</summary>
    private int start;
    private int length;
    private readonly List<(int Start, bool Separated)> marks = [];
    private bool pendingSpace;
    private bool pendingBreak;

    public bool IsEmpty => length == start;

    /// <summary>A line break: block edges and &lt;br&gt;.</summary>
    public void Break()
    {
        pendingBreak = length > start;
        pendingSpace = false;
    }

    /// <summary>Text as it stands in the page: source line breaks are spaces unless <paramref name="pre"/>.</summary>
    public void Append(ReadOnlySpan<char> text, bool pre)
    {
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny(Special);

            // A single space between words is copied with them: collapsing would give the same text.
            while (i > 0 && text[i] == ' ' && i + 1 < text.Length && !Special.Contains(text[i + 1]))
            {
                var next = text[(i + 1)..].IndexOfAny(Special);
                i = next < 0 ? -1 : i + 1 + next;
            }

            var run = i < 0 ? text : text[..i];
            if (!run.IsEmpty)
            {
                EmitPending();
                Write(run);
            }

            if (i < 0)
            {
                return;
            }

            var c = text[i];
            if (c == '\u00a0')
            {
                EmitPending();
                Write(" ");
            }
            else if (c == '\n' && pre)
            {
                Break();
            }
            else
            {
                pendingSpace = length > start;
            }

            text = text[(i + 1)..];
        }
    }

    /// <summary>Starts a part whose own collapsed text <see cref="EndMark"/> will give.</summary>
    public void Mark() => marks.Add((length, false));

    /// <summary>The collapsed text since the matching <see cref="Mark"/>, as if it had been collapsed on its own.</summary>
    public string EndMark()
    {
        var (from, separated) = marks[^1];
        marks.RemoveAt(marks.Count - 1);

        // On its own the part would not start with the separator that joined it to the text before.
        if (separated)
        {
            from++;
        }

        return from >= length ? "" : Share(buffer.AsSpan(from, length - from));
    }

    /// <summary>The text so far; the buffer starts over.</summary>
    public string Take()
    {
        var text = Share(buffer.AsSpan(start, length - start));
        Reset();
        return text;
    }

    /// <summary>The text so far as a slice of the buffer, which is never written again; the next text follows it.</summary>
    public ReadOnlyMemory<char> TakeSlice()
    {
        var text = buffer.AsMemory(start, length - start);
        start = length;
        marks.Clear();
        pendingSpace = false;
        pendingBreak = false;
        return text;
    }

    /// <summary>A link's absolute URL (<see cref="HtmlText.Absolute"/>), worked out once per distinct target.</summary>
    public string? Resolve(string? href, Uri? baseUrl)
    {
        if (href is null)
        {
            return null;
        }

        resolved ??= new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!resolved.TryGetValue(href, out var url))
        {
            url = HtmlText.Absolute(href, baseUrl);
            resolved[href] = url;
        }

        return url;
    }

    public void Reset()
    {
        length = start;
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

        for (var m = marks.Count - 1; m >= 0 && marks[m].Start == length; m--)
        {
            marks[m] = (marks[m].Start, true);
        }

        Write(pendingBreak ? "\n" : " ");
        pendingBreak = false;
        pendingSpace = false;
    }

    private void Write(ReadOnlySpan<char> text)
    {
        if (length + text.Length > buffer.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    /// <summary>
    /// Room for <paramref name="more"/> characters. Text before <see cref="start"/> may have been handed out, so it
    /// stays where it is: the text being built moves to a new buffer (positions of marks move with it).
    /// </summary>
    private void Grow(int more)
    {
        var current = length - start;
        var size = start == 0 ? Math.Max(buffer.Length * 2, current + more) : Math.Max(ChunkLength, (current + more) * 2);
        var next = new char[size];
        buffer.AsSpan(start, current).CopyTo(next);
        for (var m = 0; m < marks.Count; m++)
        {
            marks[m] = (marks[m].Start - start, marks[m].Separated);
        }

        buffer = next;
        start = 0;
        length = current;
    }

    /// <summary>The string for some text: one shared string for each short text met before.</summary>
    public string Share(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        if (text.Length > MaxSharedLength)
        {
            return text.ToString();
        }

        var lookup = shared ??= new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var known))
        {
            known = text.ToString();
            lookup[text] = known;
        }

        return known;
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
