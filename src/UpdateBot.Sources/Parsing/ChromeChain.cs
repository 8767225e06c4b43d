using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>The chrome elements (innermost first) a block sits inside; shared between blocks, never copied.</summary>
internal sealed class ChromeChain(HtmlElement element, ChromeChain? parent)
{
    public HtmlElement Element { get; } = element;

    public ChromeChain? Parent { get; } = parent;
}
