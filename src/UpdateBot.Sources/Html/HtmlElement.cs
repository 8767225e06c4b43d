using System.Text;

namespace UpdateBot.Sources.Html;

/// <summary>An element of a parsed page: its name, attributes and children, and the few queries the parsers need.</summary>
internal sealed class HtmlElement : HtmlNode
{
    private List<HtmlNode>? children;
    private HtmlAttribute[] attributes;

    internal HtmlElement(string localName, HtmlNamespace ns, HtmlAttribute[] attributes)
    {
        LocalName = localName;
        Namespace = ns;
        this.attributes = attributes;
    }

    /// <summary>The tag name in lower case.</summary>
    public string LocalName { get; }

    public HtmlNamespace Namespace { get; }

    public ReadOnlySpan<HtmlAttribute> Attributes => attributes;

    public NodeList ChildNodes => new(children);

    /// <summary>A <c>template</c>'s contents, which are not its children (as in a browser's DOM).</summary>
    public HtmlElement? Content { get; internal set; }

    public string? Id => GetAttribute("id");

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
            if (children is [HtmlTextNode only])
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
        if (children is null)
        {
            yield break;
        }

        var stack = new Stack<(HtmlElement Element, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (element, next) = stack.Pop();
            var list = element.children;
            if (list is null || next >= list.Count)
            {
                continue;
            }

            stack.Push((element, next + 1));
            if (list[next] is HtmlElement child)
            {
                yield return child;
                stack.Push((child, 0));
            }
        }
    }

    /// <summary>The first descendant (document order) that matches.</summary>
    public HtmlElement? FirstDescendant(Func<HtmlElement, bool> match)
    {
        if (children is null)
        {
            return null;
        }

        foreach (var child in children)
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
        (children ??= []).Add(node);
    }

    internal void MoveChildrenTo(HtmlElement target)
    {
        if (children is null)
        {
            return;
        }

        foreach (var child in children)
        {
            target.Append(child);
        }

        children = null;
    }

    internal void Remove(HtmlNode child)
    {
        children?.Remove(child);
        child.ParentElement = null;
    }

    internal void AppendText(string text)
    {
        var target = Content ?? this;
        if (target.children is { Count: > 0 } list && list[^1] is HtmlTextNode last)
        {
            last.Data = string.Concat(last.Data, text);
            return;
        }

        target.Append(new HtmlTextNode(text));
    }

    /// <summary>Inserts <paramref name="node"/> just before <paramref name="reference"/>, one of this element's children.</summary>
    internal void InsertBefore(HtmlNode node, HtmlNode reference)
    {
        var list = children!;
        var index = list.IndexOf(reference);
        if (node is HtmlTextNode text && index > 0 && list[index - 1] is HtmlTextNode previous)
        {
            previous.Data = string.Concat(previous.Data, text.Data);
            return;
        }

        node.ParentElement = this;
        list.Insert(index, node);
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
        if (element.children is null)
        {
            return;
        }

        foreach (var child in element.children)
        {
            if (child is HtmlTextNode text)
            {
                builder.Append(text.Data);
            }
            else if (child is HtmlElement e)
            {
                AppendText(e, builder);
            }
        }
    }

    public override string ToString() => $"<{LocalName}>";
}
