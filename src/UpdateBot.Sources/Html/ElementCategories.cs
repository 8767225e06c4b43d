using System.Collections.Frozen;

namespace UpdateBot.Sources.Html;

/// <summary>The <see cref="ElementCategory"/> of each tag name.</summary>
internal static class ElementCategories
{
    private static readonly FrozenDictionary<string, ElementCategory> ByName = Build();

    public static ElementCategory Of(string name) => ByName.GetValueOrDefault(name);

    private static FrozenDictionary<string, ElementCategory> Build()
    {
        var map = new Dictionary<string, ElementCategory>(StringComparer.Ordinal);
        void Add(ElementCategory category, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = map.GetValueOrDefault(name) | category;
            }
        }

        Add(ElementCategory.Block,
            "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
            "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "summary", "body", "center");
        Add(ElementCategory.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
        Add(ElementCategory.NotText,
            "script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button", "select", "option", "input",
            "textarea", "object");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
