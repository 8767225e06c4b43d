using System.Text;
using UpdateBot.Sources.Html;

namespace UpdateBot.Sources.Tests.Html;

/// <summary>Markup built to make a parser slow or crash it is read in one pass and leaves a shallow tree.</summary>
public sealed class HostileMarkupTests
{
    [Fact]
    public void Nesting_deeper_than_the_limit_goes_in_flat_and_the_page_still_parses()
    {
        const int depth = 100_000;
        var html = new StringBuilder("<!DOCTYPE html><body>");
        for (var i = 0; i < depth; i++)
        {
            html.Append("<div><span>");
        }

        html.Append("<p>10:42</p><p>Deep text.</p><script>var x = '</div>';</script>");
        var page = html.ToString();

        var document = HtmlDocument.Parse(page);
        var deepest = document.DocumentElement.Descendants().Max(Depth);
        Assert.InRange(deepest, HtmlTreeBuilder.MaxDepth - 2, HtmlTreeBuilder.MaxDepth + 1);
        var script = Assert.Single(document.DocumentElement.Descendants(), e => e.LocalName == "script");
        Assert.Equal("var x = '</div>';", script.TextContent);

        // The whole pipeline walks it without running out of stack.
        var snapshot = FeedParser.Parse(page, "text/html", new Uri("https://example.org/live"), new ParseOptions(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc));
        Assert.NotNull(snapshot);
    }

    [Fact]
    public void A_tag_with_a_huge_number_of_attributes_keeps_the_first_of_each_name()
    {
        var html = new StringBuilder("<p");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append(" a").Append(i % 50_000).Append("=v").Append(i);
        }

        html.Append(">text</p>");

        var p = HtmlDocument.Parse(html.ToString()).Body!.FirstDescendant(e => e.LocalName == "p")!;

        Assert.Equal(50_000, p.Attributes.Length);
        Assert.Equal("v0", p.GetAttribute("a0"));
        Assert.Equal("v49999", p.GetAttribute("a49999"));
        Assert.Equal("text", p.TextContent);
    }

    [Fact]
    public void A_page_of_made_up_character_references_keeps_them_as_text()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"&qqnoentity{i}x; &amp "));

        var p = HtmlDocument.Parse("<p>" + text + "</p>").Body!.FirstDescendant(e => e.LocalName == "p")!;

        Assert.Equal(text.Replace("&amp ", "& ", StringComparison.Ordinal), p.TextContent);
    }

    private static int Depth(HtmlElement element)
    {
        var depth = 0;
        for (var e = element; e is not null; e = e.ParentElement)
        {
            depth++;
        }

        return depth;
    }
}
