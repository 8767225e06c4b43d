namespace UpdateBot.Sources.Html;

/// <summary>Foreign content: elements inside <c>svg</c> and <c>math</c>, and the HTML tags that break out of them.</summary>
internal sealed partial class HtmlTreeBuilder
{
    private bool IsForeignContext() => Current.Namespace != HtmlNamespace.Html;

    private void InsertForeign(StartTag tag, HtmlNamespace ns)
    {
        var element = new HtmlElement(tag.Name, ns, tag.Attributes);
        InsertNode(element);
        if (!tag.SelfClosing)
        {
            Push(element);
        }
    }

    /// <summary>A start tag in foreign content; false where it is read as HTML instead.</summary>
    private bool StartInForeign(StartTag tag)
    {
        var node = Current;
        if (IsMathTextIntegrationPoint(node) && tag.Name is not ("mglyph" or "malignmark"))
        {
            return false;
        }

        if (node is { Namespace: HtmlNamespace.MathMl, LocalName: "annotation-xml" } && tag.Name == "svg")
        {
            InsertForeign(tag, HtmlNamespace.Svg);
            return true;
        }

        if (IsHtmlIntegrationPoint(node))
        {
            return false;
        }

        if (HtmlTagSets.ForeignBreakouts.Contains(tag.Name) ||
            (tag.Name == "font" && tag.Attributes.Any(a => a.Name is "color" or "face" or "size")))
        {
            while (open.Count > 1 && Current.Namespace != HtmlNamespace.Html && !IsIntegrationPoint(Current))
            {
                Pop();
            }

            return false;
        }

        InsertForeign(tag, node.Namespace);
        return true;
    }

    /// <summary>An end tag in foreign content; false where it is handled by the HTML rules.</summary>
    private bool EndInForeign(string name)
    {
        if (name is "br" or "p")
        {
            while (open.Count > 1 && Current.Namespace != HtmlNamespace.Html && !IsIntegrationPoint(Current))
            {
                Pop();
            }

            return false;
        }

        for (var i = open.Count - 1; i > 0; i--)
        {
            var node = open[i];
            if (node.Namespace == HtmlNamespace.Html)
            {
                return false;
            }

            if (node.LocalName == name)
            {
                while (open.Count > i)
                {
                    Pop();
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsIntegrationPoint(HtmlElement element) =>
        IsMathTextIntegrationPoint(element) || IsHtmlIntegrationPoint(element) ||
        element is { Namespace: HtmlNamespace.MathMl, LocalName: "annotation-xml" };

    private static bool IsMathTextIntegrationPoint(HtmlElement element) =>
        element is { Namespace: HtmlNamespace.MathMl, LocalName: "mi" or "mo" or "mn" or "ms" or "mtext" };

    private static bool IsHtmlIntegrationPoint(HtmlElement element) => element.Namespace switch
    {
        HtmlNamespace.Svg => element.LocalName is "foreignobject" or "desc" or "title",
        HtmlNamespace.MathMl => element.LocalName == "annotation-xml" &&
            element.GetAttribute("encoding") is { } encoding &&
            (encoding.Equals("text/html", StringComparison.OrdinalIgnoreCase) || encoding.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
