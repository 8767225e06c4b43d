using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Recognises page chrome — navigation, share widgets, related links, sidebars, pop-ups, footers, cookie banners,
/// comment sections, in-page tables of contents — by tag, ARIA role and the words of its class and id. Whether a
/// chrome-looking element really is chrome is decided later: one that holds most of the entries is not.
/// </summary>
internal static class ChromeFilter
{
    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "shares", "sharing", "sharebar", "social", "related", "sidebar", "cookie", "cookies", "consent", "gdpr",
        "popup", "modal", "overlay", "newsletter", "subscribe", "subscription", "comments", "comment", "breadcrumb",
        "breadcrumbs", "menu", "navbar", "nav", "navigation", "footer", "advert", "advertisement", "ad", "ads", "adslot",
        "promo", "outbrain", "taboola", "paywall", "signup", "login", "masthead", "toolbar", "widget", "recommended",
        "trending", "most", "popular", "tags", "categories", "disclaimer", "banner", "toc", "keyevents",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words = ChromeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsChrome(HtmlElement element)
    {
        var name = element.LocalName;
        switch (name)
        {
            case "html" or "body" or "main":
                return false;
            case "nav" or "aside" or "footer" or "form" or "dialog" or "button" or "select" or "menu":
                return true;
            default:
                break;
        }

        var attributes = element.Attributes;
        if (attributes.Length == 0)
        {
            return false;
        }

        // One look at each attribute (an HTML parser leaves at most one of each name, in lower case).
        string? className = null;
        string? id = null;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i];
            switch (attribute.Name)
            {
                case "hidden":
                    return true;
                case "aria-hidden" when attribute.Value == "true":
                    return true;
                case "style" when IsDisplayNone(attribute.Value):
                    return true;
                case "role" when attribute.Value is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog" or "alertdialog" or "menu" or "menubar" or "search":
                    return true;
                case "class":
                    className = attribute.Value;
                    break;
                case "id":
                    id = attribute.Value;
                    break;
                default:
                    break;
            }
        }

        return HasChromeWord(className) || HasChromeWord(id) || IsAnchorList(element);
    }

    private static bool HasChromeWord(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        Span<char> joined = stackalloc char[64];
        foreach (var range in value.AsSpan().Split(' '))
        {
            var name = value.AsSpan()[range];
            if (name.IsEmpty)
            {
                continue;
            }

            // Classes that hide an element outright (not "hidden-xs", which hides it on small screens only).
            if (name is "hide" or "hidden" or "is-hidden" or "d-none" or "display-none")
            {
                return true;
            }

            // BEM modifiers ("block--live-key-event") describe the block, not its role: look at the block name only.
            var modifier = name.IndexOf("--", StringComparison.Ordinal);
            var block = modifier >= 0 ? name[..modifier] : name;
            var length = 0;
            foreach (var part in block.SplitAny('-', '_'))
            {
                var word = block[part];
                if (word.IsEmpty)
                {
                    continue;
                }

                if (Words.Contains(word))
                {
                    return true;
                }

                if (length + word.Length <= joined.Length)
                {
                    word.CopyTo(joined[length..]);
                    length += word.Length;
                }
            }

            if (length > 0 && Words.Contains(joined[..length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An inline style that hides the element: "display:none", "display: none !important".</summary>
    private static bool IsDisplayNone(string style)
    {
        var at = style.IndexOf("display", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var rest = style.AsSpan(at + "display".Length).TrimStart();
        return rest.StartsWith(':') && rest[1..].TrimStart().StartsWith("none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A list whose items all jump to anchors on the same page is a table of contents (Key events).</summary>
    private static bool IsAnchorList(HtmlElement element)
    {
        if (element.LocalName is not ("ul" or "ol"))
        {
            return false;
        }

        var items = 0;
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is HtmlElement { LocalName: "li" } li)
            {
                if (li.FirstDescendant(static a => a.LocalName == "a" && a.GetAttribute("href") is { } href && href.StartsWith('#')) is null)
                {
                    return false;
                }

                items++;
            }
        }

        return items > 0;
    }
}
