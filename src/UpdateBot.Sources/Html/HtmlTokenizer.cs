using System.Buffers;
using System.Text;

namespace UpdateBot.Sources.Html;

/// <summary>
/// Cuts a page into tokens as the HTML standard's tokenizer does (section 13.2.5): tags with their attributes, text
/// with character references decoded and line breaks normalised, raw text inside script, style and the like.
/// Comments are read past without a token. A tag cut off by the end of the input is dropped, as in a browser.
/// </summary>
internal sealed class HtmlTokenizer(string source)
{
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&\r\0");
    private static readonly SearchValues<char> CharsToClean = SearchValues.Create("&\r\0");
    private static readonly SearchValues<char> TagNameEnds = SearchValues.Create(" \t\n\f\r/>");
    private static readonly SearchValues<char> AttributeNameEnds = SearchValues.Create(" \t\n\f\r/>=");
    private static readonly SearchValues<char> UnquotedValueEnds = SearchValues.Create(" \t\n\f\r>");
    private static readonly SearchValues<char> EscapedScriptStops = SearchValues.Create("<-");

    private const int ManyAttributes = 32;

    private readonly StringBuilder buffer = new();
    private readonly HashSet<string> attributeNames = new(StringComparer.Ordinal);
    private readonly int length = source.Length;
    private int position;
    private HtmlTextModel model;
    private string endTagName = "";

    /// <summary>The tag name of a start or end tag, in lower case.</summary>
    public string Name { get; private set; } = "";

    public bool SelfClosing { get; private set; }

    /// <summary>A start tag's attributes (the first of each name), reused for the next tag.</summary>
    public List<HtmlAttribute> Attributes { get; } = [];

    /// <summary>The text of a text token (may be empty): a slice of the page where it needed no decoding.</summary>
    public ReadOnlyMemory<char> Text { get; private set; }

    public string? DoctypeName { get; private set; }

    public string? DoctypePublicId { get; private set; }

    public string? DoctypeSystemId { get; private set; }

    /// <summary>Whether <c>&lt;![CDATA[</c> is read as text (only in foreign content, as the tree builder says).</summary>
    public bool AllowCData { get; set; }

    /// <summary>Reads the text after the current start tag as <paramref name="textModel"/>, up to <c>&lt;/name</c>.</summary>
    public void Switch(HtmlTextModel textModel, string name)
    {
        model = textModel;
        endTagName = name;
    }

    public HtmlTokenKind Next()
    {
        while (position < length)
        {
            if (model != HtmlTextModel.Data)
            {
                return ReadRaw();
            }

            if (source[position] != '<')
            {
                return ReadText(position);
            }

            if (!IsMarkupAt(position))
            {
                return ReadText(position + 1);
            }

            if (ReadMarkup() is { } token)
            {
                return token;
            }
        }

        return HtmlTokenKind.EndOfFile;
    }

    private bool IsMarkupAt(int lt)
    {
        var next = lt + 1;
        if (next >= length)
        {
            return false;
        }

        return source[next] switch
        {
            '!' or '?' => true,
            '/' => next + 1 < length,
            var c => char.IsAsciiLetter(c),
        };
    }

    /// <summary>Text from <see cref="position"/>; the scan for its end starts at <paramref name="scanFrom"/>.</summary>
    private HtmlTokenKind ReadText(int scanFrom)
    {
        var start = position;
        var runStart = start;
        var buffered = false;
        var i = scanFrom;
        while (i < length)
        {
            var found = source.AsSpan(i).IndexOfAny(TextStops);
            if (found < 0)
            {
                i = length;
                break;
            }

            var stop = i + found;
            var c = source[stop];
            if (c == '<')
            {
                if (IsMarkupAt(stop))
                {
                    i = stop;
                    break;
                }

                i = stop + 1;
                continue;
            }

            if (!buffered)
            {
                buffered = true;
                buffer.Clear();
            }

            buffer.Append(source, runStart, stop - runStart);
            i = c switch
            {
                '&' => CharacterReferences.Decode(source, stop, length, buffer, inAttribute: false),
                '\r' => NewLine(stop),
                _ => stop + 1, // U+0000 in text is dropped by the tree builder.
            };
            runStart = i;
        }

        position = i;
        if (!buffered)
        {
            Text = source.AsMemory(start, i - start);
        }
        else
        {
            buffer.Append(source, runStart, i - runStart);
            Text = buffer.ToString().AsMemory();
        }

        return HtmlTokenKind.Text;
    }

    private int NewLine(int cr)
    {
        buffer.Append('\n');
        return cr + 1 < length && source[cr + 1] == '\n' ? cr + 2 : cr + 1;
    }

    /// <summary>The markup at a '&lt;': a token, or null when it gave none (a comment, a tag cut off by the end).</summary>
    private HtmlTokenKind? ReadMarkup()
    {
        var k = position + 1;
        switch (source[k])
        {
            case '/':
                if (char.IsAsciiLetter(source[k + 1]))
                {
                    return ReadTag(k + 1, start: false);
                }

                if (source[k + 1] == '>')
                {
                    position = k + 2;
                    return null;
                }

                SkipBogusComment(k + 1);
                return null;
            case '!':
                if (At(k + 1, "--"))
                {
                    SkipComment(k + 3);
                    return null;
                }

                if (AtIgnoreCase(k + 1, "doctype"))
                {
                    return ReadDoctype(k + 8);
                }

                if (AllowCData && At(k + 1, "[CDATA["))
                {
                    return ReadCData(k + 8);
                }

                SkipBogusComment(k + 1);
                return null;
            case '?':
                SkipBogusComment(k);
                return null;
            default:
                return ReadTag(k, start: true);
        }
    }

    private HtmlTokenKind? ReadTag(int nameStart, bool start)
    {
        var found = source.AsSpan(nameStart).IndexOfAny(TagNameEnds);
        if (found < 0)
        {
            position = length;
            return null;
        }

        var i = nameStart + found;
        Name = NameOf(source.AsSpan(nameStart, found));
        SelfClosing = false;
        Attributes.Clear();
        while (true)
        {
            i = SkipSpace(i);
            if (i >= length)
            {
                position = length;
                return null;
            }

            var c = source[i];
            if (c == '>')
            {
                i++;
                break;
            }

            if (c == '/')
            {
                i++;
                if (i < length && source[i] == '>')
                {
                    SelfClosing = true;
                    i++;
                    break;
                }

                continue;
            }

            // An attribute name: its first character may be anything, even '='.
            var nameFrom = i;
            var nameLength = source.AsSpan(i + 1).IndexOfAny(AttributeNameEnds);
            i = nameLength < 0 ? length : i + 1 + nameLength;
            var nameTo = i;
            i = SkipSpace(i);
            var value = "";
            if (i < length && source[i] == '=')
            {
                i = SkipSpace(i + 1);
                if (i >= length)
                {
                    position = length;
                    return null;
                }

                var quote = source[i];
                if (quote is '"' or '\'')
                {
                    var close = source.IndexOf(quote, i + 1);
                    if (close < 0)
                    {
                        position = length;
                        return null;
                    }

                    value = AttributeValue(i + 1, close);
                    i = close + 1;
                }
                else if (quote != '>')
                {
                    var end = source.AsSpan(i).IndexOfAny(UnquotedValueEnds);
                    var close = end < 0 ? length : i + end;
                    value = AttributeValue(i, close);
                    i = close;
                }
            }

            if (start)
            {
                AddAttribute(NameOf(source.AsSpan(nameFrom, nameTo - nameFrom)), value);
            }
        }

        position = i;
        return start ? HtmlTokenKind.StartTag : HtmlTokenKind.EndTag;
    }

    private void AddAttribute(string name, string value)
    {
        if (Attributes.Count < ManyAttributes)
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Name == name)
                {
                    return;
                }
            }

            Attributes.Add(new HtmlAttribute(name, value));
            return;
        }

        // A tag with very many attributes (hostile markup) is checked for repeats through a set, not pairwise.
        if (Attributes.Count == ManyAttributes)
        {
            attributeNames.Clear();
            foreach (var attribute in Attributes)
            {
                attributeNames.Add(attribute.Name);
            }
        }

        if (attributeNames.Add(name))
        {
            Attributes.Add(new HtmlAttribute(name, value));
        }
    }

    private string AttributeValue(int from, int to)
    {
        var span = source.AsSpan(from, to - from);
        var found = span.IndexOfAny(CharsToClean);
        if (found < 0)
        {
            return span.Length == 0 ? "" : span.ToString();
        }

        return Clean(from, to, from + found, references: true, inAttribute: true);
    }

    /// <summary>A tag or attribute name in lower case, U+0000 replaced, shared where common.</summary>
    private static string NameOf(ReadOnlySpan<char> raw)
    {
        var clean = true;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterUpper(c) || c == '\0')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return HtmlNames.Of(raw);
        }

        Span<char> lower = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            lower[i] = c == '\0' ? '\uFFFD' : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        return HtmlNames.Of(lower);
    }

    private int SkipSpace(int i)
    {
        while (i < length && source[i] is ' ' or '\t' or '\n' or '\f' or '\r')
        {
            i++;
        }

        return i;
    }

    private bool At(int i, string text) => source.AsSpan(i).StartsWith(text, StringComparison.Ordinal);

    private bool AtIgnoreCase(int i, string text) => source.AsSpan(i).StartsWith(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Past a comment whose text starts at <paramref name="i"/> (after "&lt;!--").</summary>
    private void SkipComment(int i)
    {
        if (At(i, ">"))
        {
            position = i + 1;
            return;
        }

        if (At(i, "->"))
        {
            position = i + 2;
            return;
        }

        while (true)
        {
            var dashes = source.IndexOf("--", i, StringComparison.Ordinal);
            if (dashes < 0)
            {
                position = length;
                return;
            }

            if (At(dashes + 2, ">"))
            {
                position = dashes + 3;
                return;
            }

            if (At(dashes + 2, "!>"))
            {
                position = dashes + 4;
                return;
            }

            i = dashes + 1;
        }
    }

    private void SkipBogusComment(int i)
    {
        var gt = source.IndexOf('>', i);
        position = gt < 0 ? length : gt + 1;
    }

    private HtmlTokenKind? ReadDoctype(int i)
    {
        var gt = source.IndexOf('>', i);
        var end = gt < 0 ? length : gt;
        position = gt < 0 ? length : gt + 1;
        var content = source.AsSpan(i, end - i).Trim(" \t\n\f\r");
        var nameEnd = content.IndexOfAny(" \t\n\f\r");
        DoctypeName = (nameEnd < 0 ? content : content[..nameEnd]).ToString().ToLowerInvariant();
        DoctypePublicId = null;
        DoctypeSystemId = null;
        var rest = nameEnd < 0 ? [] : content[nameEnd..].TrimStart(" \t\n\f\r");
        if (rest.StartsWith("public", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[6..];
            DoctypePublicId = Quoted(ref rest);
            DoctypeSystemId = Quoted(ref rest);
        }
        else if (rest.StartsWith("system", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[6..];
            DoctypeSystemId = Quoted(ref rest);
        }

        return HtmlTokenKind.Doctype;
    }

    private static string? Quoted(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \t\n\f\r");
        if (rest.IsEmpty || rest[0] is not ('"' or '\''))
        {
            return null;
        }

        var close = rest[1..].IndexOf(rest[0]);
        if (close < 0)
        {
            var all = rest[1..].ToString();
            rest = [];
            return all;
        }

        var value = rest.Slice(1, close).ToString();
        rest = rest[(close + 2)..];
        return value;
    }

    private HtmlTokenKind ReadCData(int i)
    {
        var close = source.IndexOf("]]>", i, StringComparison.Ordinal);
        var end = close < 0 ? length : close;
        Text = Normalise(i, end);
        position = close < 0 ? length : close + 3;
        return HtmlTokenKind.Text;
    }

    private HtmlTokenKind ReadRaw()
    {
        var current = model;
        model = HtmlTextModel.Data;
        var end = current switch
        {
            HtmlTextModel.PlainText => length,
            HtmlTextModel.ScriptData => ScriptEnd(position),
            _ => EndTagAt(position),
        };

        Text = current == HtmlTextModel.RcData ? Decoded(position, end) : Normalise(position, end);

        position = end;
        return HtmlTokenKind.Text;
    }

    /// <summary>Where the appropriate end tag (<c>&lt;/name</c> then a space, '/' or '&gt;') starts, or the end of the input.</summary>
    private int EndTagAt(int i)
    {
        while (true)
        {
            var lt = source.IndexOf("</", i, StringComparison.Ordinal);
            if (lt < 0)
            {
                return length;
            }

            if (IsEndTag(lt))
            {
                return lt;
            }

            i = lt + 2;
        }
    }

    private bool IsEndTag(int lt)
    {
        var nameAt = lt + 2;
        var after = nameAt + endTagName.Length;
        return after < length && AtIgnoreCase(nameAt, endTagName) && source[after] is ' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>';
    }

    /// <summary>The end of a script's text, minding the standard's escaped and double-escaped states.</summary>
    private int ScriptEnd(int i)
    {
        var escaped = false;
        var doubleEscaped = false;
        while (true)
        {
            var found = escaped ? source.AsSpan(i).IndexOfAny(EscapedScriptStops) : source.AsSpan(i).IndexOf('<');
            if (found < 0)
            {
                return length;
            }

            var at = i + found;
            if (source[at] == '-')
            {
                if (At(at, "-->"))
                {
                    escaped = false;
                    doubleEscaped = false;
                    i = at + 3;
                }
                else
                {
                    i = at + 1;
                }

                continue;
            }

            if (!escaped && At(at, "<!--"))
            {
                escaped = true;
                i = at + 4;
                continue;
            }

            if (At(at, "</") && IsEndTag(at))
            {
                if (!doubleEscaped)
                {
                    return at;
                }

                doubleEscaped = false;
                i = at + 2;
                continue;
            }

            if (escaped && !doubleEscaped && AtIgnoreCase(at + 1, "script") && at + 7 < length && source[at + 7] is ' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>')
            {
                doubleEscaped = true;
                i = at + 7;
                continue;
            }

            i = at + 1;
        }
    }

    /// <summary>Raw text with line breaks normalised and U+0000 replaced: a slice of the page where nothing changes.</summary>
    private ReadOnlyMemory<char> Normalise(int from, int to)
    {
        var found = source.AsSpan(from, to - from).IndexOfAny('\r', '\0');
        return found < 0 ? source.AsMemory(from, to - from) : Clean(from, to, from + found, references: false, inAttribute: false).AsMemory();
    }

    /// <summary>RCDATA: as <see cref="Normalise"/>, with character references decoded.</summary>
    private ReadOnlyMemory<char> Decoded(int from, int to)
    {
        var found = source.AsSpan(from, to - from).IndexOfAny(CharsToClean);
        return found < 0 ? source.AsMemory(from, to - from) : Clean(from, to, from + found, references: true, inAttribute: false).AsMemory();
    }

    /// <summary>
    /// The text from <paramref name="from"/> to <paramref name="to"/> with line breaks normalised, U+0000 replaced and,
    /// if <paramref name="references"/>, character references decoded. Nothing before <paramref name="scanFrom"/>
    /// needs changing.
    /// </summary>
    private string Clean(int from, int to, int scanFrom, bool references, bool inAttribute)
    {
        buffer.Clear();
        var runStart = from;
        var i = scanFrom;
        while (i < to)
        {
            var c = source[i];
            if (c is not ('\r' or '\0') && !(references && c == '&'))
            {
                i++;
                continue;
            }

            buffer.Append(source, runStart, i - runStart);
            if (c == '&')
            {
                i = CharacterReferences.Decode(source, i, to, buffer, inAttribute);
            }
            else if (c == '\r')
            {
                buffer.Append('\n');
                i = i + 1 < to && source[i + 1] == '\n' ? i + 2 : i + 1;
            }
            else
            {
                buffer.Append('\uFFFD');
                i++;
            }

            runStart = i;
        }

        buffer.Append(source, runStart, to - runStart);
        return buffer.ToString();
    }
}
