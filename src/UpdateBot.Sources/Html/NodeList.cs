using System.Collections;

namespace UpdateBot.Sources.Html;

/// <summary>The children of an element, in order, enumerated without allocating.</summary>
internal readonly struct NodeList(HtmlNode? first) : IEnumerable<HtmlNode>
{
    public bool IsEmpty => first is null;

    public Enumerator GetEnumerator() => new(first);

    IEnumerator<HtmlNode> IEnumerable<HtmlNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(HtmlNode? first) : IEnumerator<HtmlNode>
    {
        private HtmlNode? next = first;

        public HtmlNode Current { get; private set; } = null!;

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (next is null)
            {
                return false;
            }

            Current = next;
            next = next.NextSibling;
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }
}
