using AngleSharp.Dom;

namespace UpdateBot.Sources.Parsing;

/// <summary>The chrome elements (innermost first) a block sits inside; shared between blocks, never copied.</summary>
internal sealed class ChromeChain(IElement element, ChromeChain? parent)
{
    public IElement Element { get; } = element;

    public ChromeChain? Parent { get; } = parent;
}
