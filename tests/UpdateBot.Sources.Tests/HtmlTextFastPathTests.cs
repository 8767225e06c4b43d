using System.Text;
using UpdateBot.Core.Entries;
using UpdateBot.Sources.Html;
using UpdateBot.Sources.Parsing;

namespace UpdateBot.Sources.Tests;

/// <summary>The shortcuts taken for speed give exactly what the general way gives.</summary>
public sealed class HtmlTextFastPathTests
{
    private static readonly string[] Bases =
    [
        "https://bench.example.org/live", "http://news.example.co.uk/a/b/c?x=1", "https://Example.ORG:443/live",
        "https://example.org:8443/live", "https://user:pw@example.org/x", "https://bücher.example/live", "http://127.0.0.1/live",
        "https://[::1]/live", "file:///tmp/page.html",
    ];

    private static readonly string[] Hosts =
    [
        "example.org", "www.example.co.uk", "Example.org", "example.org.", "xn--bcher-kva.example", "1.2.3.4", "0x7f.1", "1.2.3",
        "a-b.c", "-a.com", "a..b.com", "a_b.com", "example.org:80", "example.org:8080", "user@example.org", "localhost", "bücher.de", "",
    ];

    private static readonly string[] Tails =
    [
        "", "/", "/story/12", "/a/b/c.html", "/a//b", "/a/./b", "/a/../b", "/.well-known/x", "/a?b=c&d=e", "/a?b=/./c", "/path with space",
        "/a%20b", "/a%41", "/%7e", "/a#frag", "/a?x#y", "/A/B", "/a:b@c!$*", "/a+b,c;d", "/é", "/a\\b", "/a'b", "/a(b)", "/a|b", "/a^b",
        "/a{b}", "/a\"b", "/a<b>", "/a`b", "/~user/_x-y.z", "/a..", "/a/..", "/a/.", "?q=1", "/a\tb", "/a\u00a0b",
    ];

    [Fact]
    public void Absolute_urls_agree_with_System_Uri_for_all_shapes_of_link()
    {
        var checkedCount = 0;
        foreach (var baseText in Bases)
        {
            var baseUrl = new Uri(baseText);
            foreach (var href in Hrefs())
            {
                var trimmed = href.Trim();
                var expected = string.IsNullOrWhiteSpace(href) ? null : HtmlText.AbsoluteByUri(trimmed, baseUrl);
                Assert.True(expected == HtmlText.Absolute(href, baseUrl), $"'{href}' against '{baseText}': expected '{expected}', got '{HtmlText.Absolute(href, baseUrl)}'");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 5000);
    }

    [Fact]
    public void Common_links_take_the_shortcut_and_unusual_ones_do_not()
    {
        Assert.True(CanonicalUrl.IsCanonicalAbsolute("https://twitter.com/share?text=a&url=b"));
        Assert.True(CanonicalUrl.IsCanonicalRootPath("/story/12"));
        Assert.False(CanonicalUrl.IsCanonicalAbsolute("https://Example.org/"));
        Assert.False(CanonicalUrl.IsCanonicalAbsolute("https://example.org"));
        Assert.False(CanonicalUrl.IsCanonicalRootPath("/a/../b"));
        Assert.False(CanonicalUrl.IsCanonicalRootPath("//example.org/a"));
        Assert.Null(CanonicalUrl.Prefix(new Uri("file:///tmp/page.html")));
        Assert.Equal("https://example.org", CanonicalUrl.Prefix(new Uri("https://example.org/live")));
    }

    private static IEnumerable<string> Hrefs()
    {
        foreach (var tail in Tails)
        {
            yield return tail;
            yield return " " + tail + " ";
            foreach (var host in Hosts)
            {
                yield return "https://" + host + tail;
                yield return "http://" + host + tail;
                yield return "HTTPS://" + host + tail;
                yield return "//" + host + tail;
            }
        }

        yield return "#top";
        yield return "mailto:a@example.org";
        yield return "javascript:void(0)";
        yield return "story/12";
        yield return "../up";
        yield return "   ";
    }

    [Theory]
    [InlineData("<p>  Hello   <b>big</b>\n world  </p>")]
    [InlineData("<div> a <br> <br> b <p> c </p> d <pre>  x\n  y\r\n z </pre> e&nbsp;&nbsp; f \u200b g</div>")]
    [InlineData("<p><a href='/x'> </a><a href='/y'>  two\n words </a>then<a href='/z'><br>broken <i>link</i> <br></a></p>")]
    [InlineData("<p>start <a href='/x'><div>block in link</div></a> <a href='#local'>anchor</a> <a href='/n'>&nbsp;nbsp first</a></p>")]
    [InlineData("<ul><li>one</li><li> two <a href='https://example.org/a'>A<img src='/i.png' alt=' pic '></a></li></ul><script>x</script>tail")]
    [InlineData("")]
    [InlineData("<p>\u3000ideographic\u2003em\u0085next\u000bvt</p>")]
    public void Collapsed_text_and_link_texts_match_a_collapse_after_the_fact(string html)
    {
        var document = HtmlDocument.Parse("<html><body>" + html + "</body></html>");
        var links = new List<EntryLink>();
        var media = new List<EntryMedia>();
        var text = HtmlText.Extract(document.Body!, new Uri("https://example.org/live"), links, media);

        Assert.Equal(Collapse(RawText(document.Body!, pre: false)), text);
        var expectedLinks = document.Body!.Descendants().Where(a => a.LocalName == "a" && a.HasAttribute("href"))
            .Where(a => HtmlText.Absolute(a.GetAttribute("href"), new Uri("https://example.org/live")) is not null)
            .Select(a => Collapse(RawText(a, pre: a.Closest(e => e.LocalName == "pre") is not null)) is { Length: > 0 } t ? t : HtmlText.Absolute(a.GetAttribute("href"), new Uri("https://example.org/live")))
            .ToList();
        Assert.Equal(expectedLinks.Order(), links.Select(l => l.Text).Order());
    }

    // The reference: the raw text stream first, then collapsed (the way the parser worked before it streamed).
    private static string RawText(HtmlNode node, bool pre)
    {
        var builder = new StringBuilder();
        Raw(node, builder, pre);
        return builder.ToString();
    }

    private static void Raw(HtmlNode node, StringBuilder builder, bool pre)
    {
        if (node is HtmlTextNode text)
        {
            foreach (var c in text.Data)
            {
                builder.Append(!pre && c is '\n' or '\r' ? ' ' : c);
            }

            return;
        }

        if (node is not HtmlElement element || HtmlText.IsSkipped(element) || element.LocalName is "img")
        {
            return;
        }

        if (element.LocalName == "br")
        {
            builder.Append('\n');
            return;
        }

        var block = HtmlBlockWalker.IsBlock(element.LocalName);
        if (block && builder.Length > 0)
        {
            builder.Append('\n');
        }

        foreach (var child in element.ChildNodes)
        {
            Raw(child, builder, pre || element.LocalName == "pre");
        }

        if (block)
        {
            builder.Append('\n');
        }
    }

    private static string Collapse(string source)
    {
        var result = new StringBuilder();
        bool pendingSpace = false, pendingBreak = false;
        foreach (var c in source)
        {
            if (c == '\n')
            {
                pendingBreak = result.Length > 0;
                pendingSpace = false;
            }
            else if ((char.IsWhiteSpace(c) && c != '\u00a0') || c == '\u200b')
            {
                pendingSpace = result.Length > 0;
            }
            else
            {
                if (pendingBreak)
                {
                    result.Append('\n');
                }
                else if (pendingSpace)
                {
                    result.Append(' ');
                }

                pendingBreak = pendingSpace = false;
                result.Append(c == '\u00a0' ? ' ' : c);
            }
        }

        return result.ToString();
    }
}
