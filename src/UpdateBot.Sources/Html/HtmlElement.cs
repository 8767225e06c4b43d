using System.Text;

namespace UpdateBot.Sources.Html;

/// <summary>An element of a parsed page: its name, attributes and children, and the few queries the parsers need.</summary>
internal sealed class HtmlElement : HtmlNode
{
    // Elements are keys of reference-identity dictionaries all through the parsers (which element holds which
    // heading, which is an entry's item). The runtime's identity hash is made on first use, slowly; a number handed
    // out at creation serves instead. Unsynchronised on purpose: a race only repeats a number, and equal hashes of
    // different elements are still told apart by reference equality.
    private static int nextHash;

    private readonly int hash;

    private HtmlAttribute[] attributes;

    internal HtmlElement(string localName, HtmlNamespace ns, HtmlAttribute[] attributes)
    {
        hash = nextHash++;
        LocalName = localName;
        Namespace = ns;
        Category = ElementCategories.Of(localName);
        this.attributes = attributes;
    }

    /// <summary>The tag name in lower case.</summary>
    public string LocalName { get; }

    public HtmlNamespace Namespace { get; }

    public ElementCategory Category { get; }

    public ReadOnlySpan<HtmlAttribute> Attributes => attributes;

    public HtmlNode? FirstChild { get; private set; }

    public HtmlNode? LastChild { get; private set; }

    public NodeList ChildNodes => new(FirstChild);

    /// <summary>A <c>template</c>'s contents, which are not its children (as in a browser's DOM).</summary>
    public HtmlElement? Content { get; internal set; }

    public string? Id => GetAttribute("id");

    /// <summary>Identity, as for any object; the hash is the element's creation number.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => hash;

    public string? GetAttribute(string name)
    {
        foreach (var attribute in attributes)
        {
            if (ReferenceEquals(attribute.Name, name) || attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>Whether the space-separated list in <paramref name="name"/> holds <paramref name="token"/> (as CSS's <c>~=</c>).</summary>
    public bool HasToken(string name, string token)
    {
        var value = GetAttribute(name);
        if (value is null)
        {
            return false;
        }

        foreach (var range in value.AsSpan().SplitAny(' ', '\t', '\n', '\f', '\r'))
        {
            if (value.AsSpan()[range].SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    public bool HasClass(string name) => HasToken("class", name);

    /// <summary>The text of all descendant text nodes, in order.</summary>
    public string TextContent
    {
        get
        {
            if (FirstChild is HtmlTextNode only && only.NextSibling is null)
            {
                return only.Data;
            }

            var builder = new StringBuilder();
            AppendText(this, builder);
            return builder.ToString();
        }
    }

    /// <summary>The descendants in document order (not this element itself).</summary>
    public IEnumerable<HtmlElement> Descendants()
    {
        var node = FirstChild;
        while (node is not null && node != this)
        {
            if (node is HtmlElement element)
            {
                yield return element;
                if (element.FirstChild is { } first)
                {
                    node = first;
                    continue;
                }
            }

            // Next in document order: the next sibling, or that of the nearest ancestor that has one.
            while (node is not null && node != this && node.NextSibling is null)
            {
                node = node.ParentElement;
            }

            node = node is null || node == this ? null : node.NextSibling;
        }
    }

    /// <summary>The first descendant (document order) that matches.</summary>
    public HtmlElement? FirstDescendant(Func<HtmlElement, bool> match)
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is HtmlElement element)
            {
                if (match(element))
                {
                    return element;
                }

                if (element.FirstDescendant(match) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>This element or its nearest ancestor that matches.</summary>
    public HtmlElement? Closest(Func<HtmlElement, bool> match)
    {
        for (var e = this; e is not null; e = e.ParentElement)
        {
            if (match(e))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="node"/> is this element or inside it.</summary>
    public bool Contains(HtmlNode node)
    {
        for (HtmlNode? n = node; n is not null; n = n.ParentElement)
        {
            if (n == this)
            {
                return true;
            }
        }

        return false;
    }

    internal void Append(HtmlNode node)
    {
        if (Content is { } content)
        {
            content.Append(node);
            return;
        }

        node.ParentElement = this;
        node.NextSibling = null;
        if (LastChild is null)
        {
            FirstChild = node;
        }
        else
        {
            LastChild.NextSibling = node;
        }

        LastChild = node;
    }

    internal void AppendText(ReadOnlyMemory<char> text)
    {
        var target = Content ?? this;
        if (target.LastChild is HtmlTextNode last)
        {
            last.Text = string.Concat(last.Span, text.Span).AsMemory();
            return;
        }

        target.Append(new HtmlTextNode(text));
    }

    /// <summary>Inserts <paramref name="node"/> just before <paramref name="reference"/>, one of this element's children.</summary>
    internal void InsertBefore(HtmlNode node, HtmlNode reference)
    {
        HtmlNode? previous = null;
        for (var n = FirstChild; n is not null && n != reference; n = n.NextSibling)
        {
            previous = n;
        }

        if (node is HtmlTextNode text && previous is HtmlTextNode previousText)
        {
            previousText.Text = string.Concat(previousText.Span, text.Span).AsMemory();
            return;
        }

        node.ParentElement = this;
        node.NextSibling = reference;
        if (previous is null)
        {
            FirstChild = node;
        }
        else
        {
            previous.NextSibling = node;
        }
    }

    internal void MoveChildrenTo(HtmlElement target)
    {
        var node = FirstChild;
        FirstChild = null;
        LastChild = null;
        while (node is not null)
        {
            var next = node.NextSibling;
            target.Append(node);
            node = next;
        }
    }

    internal void Remove(HtmlNode child)
    {
        HtmlNode? previous = null;
        for (var n = FirstChild; n is not null; previous = n, n = n.NextSibling)
        {
            if (n != child)
            {
                continue;
            }

            if (previous is null)
            {
                FirstChild = n.NextSibling;
            }
            else
            {
                previous.NextSibling = n.NextSibling;
            }

            if (LastChild == n)
            {
                LastChild = previous;
            }

            break;
        }

        child.ParentElement = null;
        child.NextSibling = null;
    }

    internal void AddMissingAttributes(ReadOnlySpan<HtmlAttribute> more)
    {
        List<HtmlAttribute>? added = null;
        foreach (var attribute in more)
        {
            if (GetAttribute(attribute.Name) is null)
            {
                (added ??= [.. attributes]).Add(attribute);
            }
        }

        if (added is not null)
        {
            attributes = [.. added];
        }
    }

    private static void AppendText(HtmlElement element, StringBuilder builder)
    {
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is HtmlTextNode text)
            {
                builder.Append(text.Span);
            }
            else if (child is HtmlElement e)
            {
                AppendText(e, builder);
            }
        }
    }

    public override string ToString() => $"<{LocalName}>";
}
