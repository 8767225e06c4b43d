using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// What the format probes look for, found in one pass over a page's elements instead of one document-wide
/// selector query per probe. Each list is in document order and matches what its selector would match
/// (AngleSharp compares attribute values ordinally, except those HTML lists as case-insensitive, such as type).
/// </summary>
internal sealed class PageScan
{
    /// <summary><c>script[type='application/ld+json']</c>.</summary>
    public List<HtmlElement> JsonLdScripts { get; } = [];

    /// <summary>The first <c>[itemtype*='LiveBlogPosting']</c>.</summary>
    public HtmlElement? LiveBlogPosting { get; private set; }

    /// <summary><c>[id^='liveblog-entry-'][data-timestamp]</c>: WordPress liveblog plugin entries.</summary>
    public List<HtmlElement> WordPressEntries { get; } = [];

    /// <summary>How many <c>p</c> elements the page has.</summary>
    public int Paragraphs { get; private set; }

    public static PageScan Of(HtmlDocument document) => Of(document, null, null);

    /// <summary>
    /// Scans the page, leaving the subtree of <paramref name="walked"/> to <paramref name="walk"/>, which must call
    /// <see cref="Note"/> on each of its elements in document order (or <see cref="VisitSubtree"/> where it does not
    /// go itself): the page is then gone through once, not once for the scan and again for the text.
    /// </summary>
    public static PageScan Of(HtmlDocument document, HtmlElement? walked, Action<PageScan>? walk)
    {
        var scan = new PageScan();
        if (document.DocumentElement is { } root)
        {
            scan.Visit(root, walked, walk);
        }

        return scan;
    }

    /// <summary>Looks at one element (not its descendants).</summary>
    public void Note(HtmlElement element)
    {
        var name = element.LocalName;
        if (name == "p")
        {
            Paragraphs++;
        }

        var attributes = element.Attributes;
        if (attributes.Length > 0)
        {
            Look(element, name, attributes);
        }
    }

    /// <summary>Looks at the descendants of an element.</summary>
    public void VisitSubtree(HtmlElement element)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is HtmlElement child)
            {
                Visit(child, null, null);
            }
        }
    }

    private void Visit(HtmlElement element, HtmlElement? walked, Action<PageScan>? walk)
    {
        if (walk is not null && element == walked)
        {
            walk(this);
            return;
        }

        Note(element);
        var children = element.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is HtmlElement child)
            {
                Visit(child, walked, walk);
            }
        }
    }

    private void Look(HtmlElement element, string name, ReadOnlySpan<HtmlAttribute> attributes)
    {
        string? id = null;
        var hasTimestamp = false;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i];
            switch (attribute.Name)
            {
                case "type" when name == "script" && attribute.Value.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase):
                    JsonLdScripts.Add(element);
                    break;
                case "itemtype" when LiveBlogPosting is null && attribute.Value.Contains("LiveBlogPosting", StringComparison.Ordinal):
                    LiveBlogPosting = element;
                    break;
                case "id":
                    id ??= attribute.Value;
                    break;
                case "data-timestamp":
                    hasTimestamp = true;
                    break;
                default:
                    break;
            }
        }

        if (hasTimestamp && id is not null && id.StartsWith("liveblog-entry-", StringComparison.Ordinal))
        {
            WordPressEntries.Add(element);
        }
    }
}
