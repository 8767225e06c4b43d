using System.Text;
using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Tests.Html;

/// <summary>
/// A tree as indented lines (elements with sorted attributes, text quoted), for our parse and AngleSharp's alike:
/// comments and template contents are left out, and an attribute of foreign content is named as AngleSharp names it
/// (<c>xlink:href</c> is <c>href</c>). Also compiled into the benchmarks' <c>html-agreement</c> verb.
/// </summary>
internal static class TreeText
{
    public static string Of(HtmlElement element)
    {
        var lines = new StringBuilder();
        Write(element, 0, lines);
        return lines.ToString();
    }

    public static string Of(AngleSharp.Dom.IElement element)
    {
        var lines = new StringBuilder();
        Write(element, 0, lines);
        return lines.ToString();
    }

    private static void Write(HtmlElement element, int depth, StringBuilder lines)
    {
        var foreign = element.Namespace != HtmlNamespace.Html;
        var attributes = element.Attributes.ToArray()
            .Select(a => (Name: foreign && a.Name.StartsWith("xlink:", StringComparison.Ordinal) && a.Name.Length > 6 ? a.Name[6..] : a.Name, a.Value))
            .DistinctBy(a => a.Name);
        Line(depth, element.LocalName, attributes, lines);
        if (element.LocalName == "template")
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is HtmlTextNode t)
            {
                text.Append(t.Data);
                continue;
            }

            Flush(text, depth + 1, lines);
            Write((HtmlElement)child, depth + 1, lines);
        }

        Flush(text, depth + 1, lines);
    }

    private static void Write(AngleSharp.Dom.IElement element, int depth, StringBuilder lines)
    {
        Line(depth, element.LocalName, element.Attributes.Select(a => (a.Name, a.Value)), lines);
        if (element is AngleSharp.Html.Dom.IHtmlTemplateElement)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText t)
            {
                text.Append(t.Data);
            }
            else if (child is AngleSharp.Dom.IElement e)
            {
                Flush(text, depth + 1, lines);
                Write(e, depth + 1, lines);
            }
        }

        Flush(text, depth + 1, lines);
    }

    private static void Flush(StringBuilder text, int depth, StringBuilder lines)
    {
        if (text.Length > 0)
        {
            lines.Append(' ', depth).Append('"').Append(text.Replace("\n", "\\n")).Append("\"\n");
            text.Clear();
        }
    }

    private static void Line(int depth, string name, IEnumerable<(string Name, string Value)> attributes, StringBuilder lines)
    {
        lines.Append(' ', depth).Append('<').Append(name.ToLowerInvariant());
        foreach (var (n, v) in attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            lines.Append(' ').Append(n.ToLowerInvariant()).Append("=\"").Append(v).Append('"');
        }

        lines.Append(">\n");
    }
}
