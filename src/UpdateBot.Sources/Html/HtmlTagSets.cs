using System.Collections.Frozen;

namespace UpdateBot.Sources.Html;

/// <summary>The standard's element categories that tree construction turns on (HTML, section 13.2.4 and 13.2.6).</summary>
internal static class HtmlTagSets
{
    /// <summary>Start tags that close an open <c>p</c> first and are then inserted as they are.</summary>
    public static readonly FrozenSet<string> ClosesParagraph = Set(
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul");

    /// <summary>End tags that close the element of their name when it is in scope.</summary>
    public static readonly FrozenSet<string> BlockEnds = Set(
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search", "section",
        "summary", "ul");

    public static readonly FrozenSet<string> Formatting = Set(
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u");

    public static readonly FrozenSet<string> Headings = Set("h1", "h2", "h3", "h4", "h5", "h6");

    /// <summary>The "special" category: an unmatched end tag stops at these.</summary>
    public static readonly FrozenSet<string> Special = Set(
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta",
        "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title",
        "tr", "track", "ul", "wbr", "xmp");

    /// <summary>Where the scope of an element ends ("has an element in scope").</summary>
    public static readonly FrozenSet<string> ScopeBoundaries = Set(
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template");

    /// <summary>Elements whose presence on the stack changes how tokens are handled (tables, select, template).</summary>
    public static readonly FrozenSet<string> ModeElements = Set(
        "caption", "colgroup", "select", "table", "tbody", "td", "template", "tfoot", "th", "thead", "tr");

    public static readonly FrozenSet<string> TableSections = Set("tbody", "tfoot", "thead");

    /// <summary>Start tags that leave foreign content (svg, math) and are read as HTML.</summary>
    public static readonly FrozenSet<string> ForeignBreakouts = Set(
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
        "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var");

    /// <summary>Elements that belong in the head and keep their place when met in the body.</summary>
    public static readonly FrozenSet<string> HeadContent = Set(
        "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template", "title");

    /// <summary>How many leading characters of <paramref name="text"/> are whitespace.</summary>
    public static int LeadingWhitespace(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\f' or '\r')
        {
            i++;
        }

        return i;
    }

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
