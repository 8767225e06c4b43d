using AngleSharp.Html.Parser;
using UpdateBot.Sources.Html;
using UpdateBot.Sources.Parsing;

namespace UpdateBot.Sources.Tests;

/// <summary>
/// The one-pass page scan finds what the document-wide selectors it replaced would find, in the same order. The
/// selectors run on AngleSharp's parse of the same page; elements are compared by name, attributes and text.
/// </summary>
public sealed class PageScanTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html itemscope itemtype="https://schema.org/LiveBlogPosting"><head>
        <script type="application/ld+json">{"a":1}</script>
        <script type="Application/LD+JSON">{"case":"differs"}</script>
        <script>var x;</script>
        </head><body>
        <p>one</p>
        <div itemscope itemtype="https://schema.org/LiveBlogPosting"><p>two</p></div>
        <noscript><p>three</p><script type="application/ld+json">{"b":2}</script></noscript>
        <svg><script type="application/ld+json">{"c":3}</script></svg>
        <div id="liveblog-entry-1" data-timestamp="1467100800"><p>four</p></div>
        <div id="liveblog-entry-2"><p>no timestamp</p></div>
        <div id="x-liveblog-entry-3" data-timestamp="1"></div>
        <section><script type="application/ld+json">{"d":4}</script><div id="liveblog-entry-9" data-timestamp="1467100900"></div></section>
        <template><script type="application/ld+json">{"e":5}</script></template>
        </body></html>
        """;

    [Fact]
    public void Scan_alone_and_scan_along_the_walk_match_the_selectors()
    {
        var reference = new HtmlParser().ParseDocument(Page);
        var document = HtmlDocument.Parse(Page);
        var alone = PageScan.Of(document);
        var root = HtmlLiveBlogParser.Root(document);
        var walked = PageScan.Of(document, root, s => HtmlLiveBlogParser.Walker(TimeZoneInfo.Utc, null).Walk(root, s));

        foreach (var scan in new[] { alone, walked })
        {
            Assert.Equal(Signatures(reference.QuerySelectorAll("script[type='application/ld+json']")), Signatures(scan.JsonLdScripts));
            Assert.Equal(Signature(reference.QuerySelector("[itemtype*='LiveBlogPosting']")), Signature(scan.LiveBlogPosting));
            Assert.Equal(Signatures(reference.QuerySelectorAll("[id^='liveblog-entry-'][data-timestamp]")), Signatures(scan.WordPressEntries));
            Assert.Equal(reference.QuerySelectorAll("p").Length, scan.Paragraphs);
        }

        Assert.Equal(5, walked.JsonLdScripts.Count);
        Assert.Equal("html", walked.LiveBlogPosting?.LocalName);
        Assert.Equal(["liveblog-entry-1", "liveblog-entry-9"], walked.WordPressEntries.Select(e => e.Id));
    }

    [Theory]
    [InlineData("<div itemtype='https://schema.org/liveblogposting'></div><div id='LIVEBLOG-ENTRY-5' data-timestamp='1'></div><script type=' application/ld+json'></script>")]
    [InlineData("<div itemtype='https://schema.org/LIVEBLOGPOSTING'></div><div id='liveblog-entry-5' DATA-TIMESTAMP='1'></div><script TYPE='APPLICATION/LD+JSON'></script>")]
    public void Letter_case_counts_as_the_selectors_count_it(string body)
    {
        var reference = new HtmlParser().ParseDocument("<html><body>" + body + "</body></html>");
        var document = HtmlDocument.Parse("<html><body>" + body + "</body></html>");
        var root = HtmlLiveBlogParser.Root(document);
        var walked = PageScan.Of(document, root, s => HtmlLiveBlogParser.Walker(TimeZoneInfo.Utc, null).Walk(root, s));

        Assert.Equal(Signatures(reference.QuerySelectorAll("script[type='application/ld+json']")), Signatures(walked.JsonLdScripts));
        Assert.Equal(Signature(reference.QuerySelector("[itemtype*='LiveBlogPosting']")), Signature(walked.LiveBlogPosting));
        Assert.Equal(Signatures(reference.QuerySelectorAll("[id^='liveblog-entry-'][data-timestamp]")), Signatures(walked.WordPressEntries));
    }

    [Fact]
    public void A_page_without_a_body_element_is_scanned_whole()
    {
        const string html = "<html><head><script type=\"application/ld+json\">{}</script></head><frameset><frame></frameset></html>";
        var reference = new HtmlParser().ParseDocument(html);
        var document = HtmlDocument.Parse(html);
        var root = HtmlLiveBlogParser.Root(document);
        var walked = PageScan.Of(document, root, s => HtmlLiveBlogParser.Walker(TimeZoneInfo.Utc, null).Walk(root, s));

        Assert.Equal(Signatures(reference.QuerySelectorAll("script[type='application/ld+json']")), Signatures(walked.JsonLdScripts));
        Assert.Empty(walked.WordPressEntries);
    }

    private static string? Signature(AngleSharp.Dom.IElement? element) =>
        element is null ? null : $"{element.LocalName} {string.Join(' ', element.Attributes.Select(a => a.Name + "=" + a.Value))} {element.TextContent}";

    private static string? Signature(HtmlElement? element) =>
        element is null ? null : $"{element.LocalName} {string.Join(' ', element.Attributes.ToArray().Select(a => a.Name + "=" + a.Value))} {element.TextContent}";

    private static List<string?> Signatures(IEnumerable<AngleSharp.Dom.IElement> elements) => elements.Select(Signature).ToList();

    private static List<string?> Signatures(IEnumerable<HtmlElement> elements) => elements.Select(Signature).ToList();
}
