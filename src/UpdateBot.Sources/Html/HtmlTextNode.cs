namespace UpdateBot.Sources.Html;

/// <summary>
/// A run of text, with character references decoded and line breaks normalised to <c>\n</c>. Text that needed no
/// decoding is a slice of the page itself, not a copy.
/// </summary>
internal sealed class HtmlTextNode(ReadOnlyMemory<char> text) : HtmlNode
{
    public ReadOnlyMemory<char> Text { get; internal set; } = text;

    public ReadOnlySpan<char> Span => Text.Span;

    /// <summary>The text as a string (a copy, unless the node holds a whole string).</summary>
    public string Data => Text.ToString();
}
