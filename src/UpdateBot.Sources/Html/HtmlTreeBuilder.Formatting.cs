namespace UpdateBot.Sources.Html;

/// <summary>
/// The list of active formatting elements: a <c>b</c> or <c>a</c> left open across a block is re-opened inside the
/// next block, and a misnested formatting end tag is resolved by the standard's adoption agency algorithm (13.2.6.4.7).
/// </summary>
internal sealed partial class HtmlTreeBuilder
{
    /// <summary>An active formatting element and the tag it was made from; a null element is a marker.</summary>
    private sealed class Formatting(HtmlElement? element, StartTag tag)
    {
        public HtmlElement? Element { get; set; } = element;

        public StartTag Tag { get; } = tag;

        public bool IsMarker => Element is null;
    }

    private readonly List<Formatting> formatting = [];

    private void PushMarker() => formatting.Add(new Formatting(null, default));

    private void ClearFormattingToMarker()
    {
        while (formatting.Count > 0)
        {
            var last = formatting[^1];
            formatting.RemoveAt(formatting.Count - 1);
            if (last.IsMarker)
            {
                return;
            }
        }
    }

    /// <summary>Inserts a formatting element and notes it (at most three identical ones after the last marker).</summary>
    private void InsertFormatting(StartTag tag)
    {
        Reconstruct();
        var element = Insert(tag);
        var same = 0;
        var earliest = -1;
        for (var i = formatting.Count - 1; i >= 0 && !formatting[i].IsMarker; i--)
        {
            if (formatting[i].Tag.Name == tag.Name && SameAttributes(formatting[i].Tag.Attributes, tag.Attributes))
            {
                same++;
                earliest = i;
            }
        }

        if (same >= 3)
        {
            formatting.RemoveAt(earliest);
        }

        formatting.Add(new Formatting(element, tag));
    }

    private static bool SameAttributes(HtmlAttribute[] a, HtmlAttribute[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        foreach (var attribute in a)
        {
            if (Array.IndexOf(b, attribute) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Re-opens the formatting elements that were closed by a block but not by their own end tag.</summary>
    private void Reconstruct()
    {
        if (formatting.Count == 0)
        {
            return;
        }

        var last = formatting[^1];
        if (last.IsMarker || open.Contains(last.Element!))
        {
            return;
        }

        var index = formatting.Count - 1;
        while (index > 0)
        {
            var previous = formatting[index - 1];
            if (previous.IsMarker || open.Contains(previous.Element!))
            {
                break;
            }

            index--;
        }

        for (; index < formatting.Count; index++)
        {
            var entry = formatting[index];
            entry.Element = Insert(entry.Tag);
        }
    }

    private int FormattingIndex(HtmlElement element)
    {
        for (var i = formatting.Count - 1; i >= 0; i--)
        {
            if (formatting[i].Element == element)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The last active formatting element named <paramref name="name"/> after the last marker, as its index; or -1.</summary>
    private int LastFormatting(string name)
    {
        for (var i = formatting.Count - 1; i >= 0; i--)
        {
            var entry = formatting[i];
            if (entry.IsMarker)
            {
                return -1;
            }

            if (entry.Tag.Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The adoption agency algorithm for the end tag <paramref name="subject"/>.</summary>
    private void AdoptionAgency(string subject)
    {
        var current = Current;
        if (current.Namespace == HtmlNamespace.Html && current.LocalName == subject && FormattingIndex(current) < 0)
        {
            Pop();
            return;
        }

        for (var outer = 0; outer < 8; outer++)
        {
            var formattingIndex = LastFormatting(subject);
            if (formattingIndex < 0)
            {
                EndOther(subject);
                return;
            }

            var formattingElement = formatting[formattingIndex].Element!;
            var stackIndex = open.LastIndexOf(formattingElement);
            if (stackIndex < 0)
            {
                formatting.RemoveAt(formattingIndex);
                return;
            }

            if (!InScope(formattingElement))
            {
                return;
            }

            var furthestIndex = -1;
            for (var i = stackIndex + 1; i < open.Count; i++)
            {
                if (IsSpecial(open[i]))
                {
                    furthestIndex = i;
                    break;
                }
            }

            if (furthestIndex < 0)
            {
                while (open.Count > stackIndex)
                {
                    Pop();
                }

                formatting.RemoveAt(formattingIndex);
                return;
            }

            var furthestBlock = open[furthestIndex];
            var commonAncestor = open[stackIndex - 1];
            var bookmark = formattingIndex;
            var node = furthestBlock;
            var lastNode = furthestBlock;
            var nodeIndex = furthestIndex;
            for (var inner = 1; ; inner++)
            {
                nodeIndex--;
                node = open[nodeIndex];
                if (node == formattingElement)
                {
                    break;
                }

                var nodeFormatting = FormattingIndex(node);
                if (inner > 3 && nodeFormatting >= 0)
                {
                    formatting.RemoveAt(nodeFormatting);
                    if (nodeFormatting < bookmark)
                    {
                        bookmark--;
                    }

                    nodeFormatting = -1;
                }

                if (nodeFormatting < 0)
                {
                    RemoveFromStack(nodeIndex);
                    continue;
                }

                var entry = formatting[nodeFormatting];
                var replacement = new HtmlElement(entry.Tag.Name, HtmlNamespace.Html, entry.Tag.Attributes);
                entry.Element = replacement;
                open[nodeIndex] = replacement;
                node = replacement;
                if (lastNode == furthestBlock)
                {
                    bookmark = nodeFormatting + 1;
                }

                lastNode.Detach();
                node.Append(lastNode);
                lastNode = node;
            }

            lastNode.Detach();
            InsertAt(commonAncestor, lastNode);

            var tag = formatting[formattingIndex].Tag;
            var adopted = new HtmlElement(tag.Name, HtmlNamespace.Html, tag.Attributes);
            furthestBlock.MoveChildrenTo(adopted);
            furthestBlock.Append(adopted);

            formatting.RemoveAt(formattingIndex);
            if (formattingIndex < bookmark)
            {
                bookmark--;
            }

            formatting.Insert(Math.Min(bookmark, formatting.Count), new Formatting(adopted, tag));
            RemoveFromStack(open.IndexOf(formattingElement));
            open.Insert(open.IndexOf(furthestBlock) + 1, adopted);
        }
    }

    /// <summary>Appends to <paramref name="target"/>, or before the table when the target is a table part and foster parenting is on.</summary>
    private void InsertAt(HtmlElement target, HtmlNode node)
    {
        if (fosterParenting && target.Namespace == HtmlNamespace.Html && target.LocalName is "table" or "tbody" or "tfoot" or "thead" or "tr")
        {
            FosterInsert(node);
            return;
        }

        target.Append(node);
    }
}
