using System.Collections;

namespace UpdateBot.Sources.Html;

/// <summary>The children of an element, indexed without copying.</summary>
internal readonly struct NodeList(List<HtmlNode>? nodes) : IReadOnlyList<HtmlNode>
{
    public int Count => nodes?.Count ?? 0;

    public HtmlNode this[int index] => nodes![index];

    public List<HtmlNode>.Enumerator GetEnumerator() => (nodes ?? Empty).GetEnumerator();

    IEnumerator<HtmlNode> IEnumerable<HtmlNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static readonly List<HtmlNode> Empty = [];
}
