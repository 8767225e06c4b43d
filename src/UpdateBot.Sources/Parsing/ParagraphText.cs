using System.Buffers;
using System.Text;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Builds plain text as it is appended, normalised in the same pass: runs of white space become one space, a run
/// holding a line break becomes one line break, a run holding two adjacent line breaks becomes a paragraph break
/// (a blank line), and leading and trailing white space is dropped. One pass, no intermediate strings.
/// </summary>
internal sealed class ParagraphText(int capacity)
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    private readonly StringBuilder builder = new(capacity);
    private bool pendingSpace;
    private bool pendingLine;
    private bool pendingParagraph;
    private bool lastWasNewline;

    /// <summary>Length of the text emitted so far (pending white space not counted).</summary>
    public int Length => builder.Length;

    /// <summary>
    /// Appends text; with <paramref name="htmlSpace"/> CR and LF are plain spaces (as in HTML character data),
    /// otherwise they are line breaks.
    /// </summary>
    public void Append(ReadOnlySpan<char> text, bool htmlSpace = false)
    {
        while (!text.IsEmpty)
        {
            var space = text.IndexOfAny(WhiteSpace);
            var word = space < 0 ? text : text[..space];
            if (!word.IsEmpty)
            {
                Separate();
                builder.Append(word);
            }

            if (space < 0)
            {
                return;
            }

            var c = text[space];
            Append(htmlSpace && c is '\n' or '\r' ? ' ' : c);
            text = text[(space + 1)..];
        }
    }

    public void Append(char c)
    {
        if (IsNewline(c))
        {
            pendingParagraph |= lastWasNewline;
            pendingLine = true;
            lastWasNewline = true;
            return;
        }

        if (char.IsWhiteSpace(c))
        {
            pendingSpace = true;
            lastWasNewline = false;
            return;
        }

        Separate();
        builder.Append(c);
    }

    /// <summary>Emits the pending white space before more text.</summary>
    private void Separate()
    {
        if (builder.Length > 0)
        {
            if (pendingParagraph)
            {
                builder.Append("\n\n");
            }
            else if (pendingLine)
            {
                builder.Append('\n');
            }
            else if (pendingSpace)
            {
                builder.Append(' ');
            }
        }

        pendingSpace = pendingLine = pendingParagraph = lastWasNewline = false;
    }

    /// <summary>A paragraph break (as between blocks).</summary>
    public void Paragraph()
    {
        pendingParagraph = pendingLine = lastWasNewline = true;
    }

    /// <summary>A line break (as for br).</summary>
    public void Line() => Append('\n');

    public string Substring(int start) => builder.ToString(start, builder.Length - start);

    public override string ToString() => builder.ToString();

    /// <summary>Line breaks as <see cref="string.ReplaceLineEndings()"/> knows them (CR and TAB-free text excepted).</summary>
    public static bool IsNewline(char c) => c is '\n' or '\r' or '\f' or '\u0085' or '\u2028' or '\u2029';

    public static string Normalise(string text)
    {
        var sink = new ParagraphText(text.Length);
        var span = text.AsSpan();

        // "\r\n" is one line break, not two.
        var crLf = span.IndexOf("\r\n");
        while (crLf >= 0)
        {
            sink.Append(span[..(crLf + 1)]);
            span = span[(crLf + 2)..];
            crLf = span.IndexOf("\r\n");
        }

        sink.Append(span);
        return sink.ToString();
    }
}
