using UpdateBot.Sources.Parsing;

namespace UpdateBot.Sources.Tests;

public sealed class FeedTextTests
{
    [Theory]
    [InlineData("  a   b \t c  ", "a b c")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a \n \n b", "a\nb")]
    [InlineData("a\n\nb", "a\n\nb")]
    [InlineData("a\r\n\r\nb\r\nc", "a\n\nb\nc")]
    [InlineData("a\n\n\n\nb\u00a0\u2003c", "a\n\nb c")]
    [InlineData("\n\n  ", "")]
    public void Plain_text_keeps_lines_and_paragraphs_and_collapses_the_rest(string text, string expected) =>
        Assert.Equal(expected, HtmlFragment.Normalise(text));

    [Fact]
    public void Feed_html_becomes_paragraphs_with_entities_links_and_images()
    {
        var content = HtmlFragment.Convert(
            "<figure><img src=\"/i/1.jpg\" alt=\"A &amp; B\"><figcaption>Crowd\noutside</figcaption></figure>" +
            "<p>Minister&#8217;s &ldquo;statement&rdquo; &amp; <a href=\"https://news.example.org/a?b=1&amp;c=2\">the\n full   text</a>&nbsp;here.</p>" +
            "<p>Line<br>break &unknown; &#x1F600; 5 &lt; 6</p><script>var x = '<p>no</p>';</script>",
            new Uri("https://news.example.org/feed/"));

        Assert.Equal("Crowd outside\n\nMinister\u2019s \u201cstatement\u201d & the full text here.\n\nLine\nbreak &unknown; \U0001F600 5 < 6", content.Text);
        var link = Assert.Single(content.Links);
        Assert.Equal(("the full text", "https://news.example.org/a?b=1&c=2"), (link.Text, link.Url));
        var image = Assert.Single(content.Media);
        Assert.Equal(("https://news.example.org/i/1.jpg", "A & B"), (image.Url, image.Caption));
    }

    [Theory]
    [InlineData("https://news.example.org/2024/01/story/", true)]
    [InlineData("https://news.example.org/a?b=1&c=2#top", false)]
    [InlineData("https://News.example.org/a", false)]
    [InlineData("https://news.example.org", false)]
    [InlineData("https://news.example.org:443/a", false)]
    [InlineData("https://news.example.org/a/../b", false)]
    [InlineData("https://news.example.org/a b", false)]
    [InlineData("https://news.example.org/%7Ea", false)]
    [InlineData("https://127.0.0.1/a", false)]
    [InlineData("https://news.example.org/caf\u00e9", false)]
    [InlineData("/relative", false)]
    public void Only_urls_already_in_canonical_form_skip_uri_parsing(string href, bool canonical)
    {
        Assert.Equal(canonical, CanonicalUrl.IsCanonicalAbsolute(href));
        var expected = HtmlText.AbsoluteByUri(href, new Uri("https://news.example.org/feed/"));
        Assert.Equal(expected, HtmlText.Absolute(href, new Uri("https://news.example.org/feed/")));
        if (canonical)
        {
            Assert.Equal(href, expected);
        }
    }
}
