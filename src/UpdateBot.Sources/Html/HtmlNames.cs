namespace UpdateBot.Sources.Html;

/// <summary>
/// One shared string for each common tag and attribute name, so reading a tag allocates no name, and the parsers'
/// comparisons with literal names usually succeed on the first (reference) test.
/// </summary>
internal static class HtmlNames
{
    private static readonly string[] Known =
    [
        "a", "abbr", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo", "bgsound", "big",
        "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
        "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image",
        "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map", "mark", "marquee", "math",
        "menu", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p",
        "param", "picture", "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search",
        "section", "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table",
        "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
        "wbr", "xmp", "path", "g", "use", "circle", "rect", "line", "polygon", "polyline", "ellipse", "defs", "symbol", "lineargradient",
        "stop", "clippath", "mask", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",

        "id", "class", "style", "href", "src", "srcset", "sizes", "alt", "title", "type", "rel", "name", "content", "property", "itemprop",
        "itemscope", "itemtype", "itemid", "datetime", "data-timestamp", "data-src", "data-lazy-src", "role", "aria-hidden", "aria-label",
        "hidden", "lang", "charset", "width", "height", "loading", "target", "value", "action", "method", "tabindex", "viewbox", "d",
        "fill", "xmlns", "async", "defer", "crossorigin", "integrity", "media", "http-equiv", "pubdate", "color", "face", "size",
        "data-id", "data-component", "data-link-name", "decoding", "for", "placeholder", "aria-labelledby", "aria-expanded", "dir",
    ];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Known.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string for a lower-case name, or a new one.</summary>
    public static string Of(ReadOnlySpan<char> lowerCaseName) =>
        Lookup.TryGetValue(lowerCaseName, out var known) ? known : lowerCaseName.ToString();
}
