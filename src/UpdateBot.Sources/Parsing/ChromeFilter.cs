using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace UpdateBot.Sources.Parsing;

/// <summary>
/// Decides which elements are page chrome — navigation, share widgets, related links, sidebars, pop-ups, footers,
/// cookie banners, comment sections, in-page tables of contents — by tag, ARIA role and class/id words.
/// </summary>
internal sealed class ChromeFilter
{
    private static readonly HashSet<string> ChromeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "form", "dialog", "button", "select", "menu",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search",
    };

    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "shares", "sharing", "sharebar", "social", "related", "sidebar", "cookie", "cookies", "consent", "gdpr",
        "popup", "modal", "overlay", "newsletter", "subscribe", "subscription", "comments", "comment", "breadcrumb",
        "breadcrumbs", "menu", "navbar", "nav", "navigation", "footer", "advert", "advertisement", "ad", "ads", "adslot",
        "promo", "outbrain", "taboola", "paywall", "signup", "login", "masthead", "toolbar", "widget", "recommended",
        "trending", "most", "popular", "tags", "categories", "disclaimer", "banner", "toc", "keyevents",
    };

    private readonly ConditionalWeakTable<IElement, object> cache = [];
    private readonly HashSet<IElement> protectedElements;
    private static readonly object Yes = true;
    private static readonly object No = false;

    /// <param name="protectedElements">Elements never treated as chrome (those holding most of the entries).</param>
    public ChromeFilter(HashSet<IElement> protectedElements) => this.protectedElements = protectedElements;

    /// <summary>True when the element or any ancestor up to <paramref name="root"/> is chrome.</summary>
    public bool IsInChrome(IElement element, IElement root)
    {
        for (var e = element; e is not null && e != root; e = e.ParentElement)
        {
            if (IsChrome(e))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsChrome(IElement element)
    {
        if (cache.TryGetValue(element, out var known))
        {
            return ReferenceEquals(known, Yes);
        }

        var result = Decide(element);
        cache.AddOrUpdate(element, result ? Yes : No);
        return result;
    }

    private bool Decide(IElement element)
    {
        if (element.LocalName is "html" or "body" or "main" || protectedElements.Contains(element))
        {
            return false;
        }

        if (ChromeTags.Contains(element.LocalName) || element.HasAttribute("hidden") ||
            (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role)) ||
            element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        if (HasChromeWord(element.GetAttribute("class")) || HasChromeWord(element.GetAttribute("id")))
        {
            return true;
        }

        return IsAnchorList(element);
    }

    private static bool HasChromeWord(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // BEM modifiers ("block--live-key-event") describe the block, not its role: look at the block name only.
            var block = name.Split("--", 2)[0];
            var words = block.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(ChromeWords.Contains) || ChromeWords.Contains(block.Replace("-", "", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A list whose items all jump to anchors on the same page is a table of contents (Key events).</summary>
    private static bool IsAnchorList(IElement element)
    {
        if (element.LocalName is not ("ul" or "ol"))
        {
            return false;
        }

        var items = element.Children.Where(c => c.LocalName == "li").ToList();
        return items.Count > 0 && items.All(li => li.QuerySelector("a[href^='#']") is not null);
    }
}
