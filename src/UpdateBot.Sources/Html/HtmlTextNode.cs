namespace UpdateBot.Sources.Html;

/// <summary>A run of text, with character references decoded and line breaks normalised to <c>\n</c>.</summary>
internal sealed class HtmlTextNode(string data) : HtmlNode
{
    public string Data { get; internal set; } = data;
}
