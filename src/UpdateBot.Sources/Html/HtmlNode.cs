namespace UpdateBot.Sources.Html;

/// <summary>A node of a parsed page: an element or a run of text. Comments and doctypes are not kept.</summary>
internal abstract class HtmlNode
{
    public HtmlElement? ParentElement { get; internal set; }

    /// <summary>Takes this node out of its parent, if it has one.</summary>
    internal void Detach() => ParentElement?.Remove(this);
}
