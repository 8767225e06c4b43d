using System.Globalization;
using System.Net;
using System.Text;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// Large RSS 2.0 and Atom feeds shaped like a real news site's full-content feed (WordPress-style): 100 items, each
/// with a ~6 KB article of HTML — a figure with a srcset image and caption, paragraphs with links, entities and inline
/// markup, a heading, a list, an embedded tweet with its script — plus an HTML excerpt, author, categories and media.
/// </summary>
internal static class SyntheticFeeds
{
    private static readonly string[] Words =
        ("demonstrators gathered outside the town hall as councillors debated the motion while stewards kept the crowd " +
         "calm and speakers called for unity police said the march had been peaceful although several roads were closed " +
         "for hours organisers estimated that thousands had taken part minister's spokesperson declined to comment")
        .Split(' ');

    public static (string Rss, string Atom) Build(int items)
    {
        var rss = new StringBuilder(items * 8 * 1024);
        var atom = new StringBuilder(items * 10 * 1024);
        rss.Append("""
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel>
            <title>Big Example News</title>
            <atom:link href="https://big.example.org/feed/" rel="self" type="application/rss+xml" />
            <link>https://big.example.org/</link>
            <description>News as it happens</description>
            <lastBuildDate>Mon, 01 Jan 2024 12:00:00 +0000</lastBuildDate>
            <language>en-GB</language>
            <sy:updatePeriod>hourly</sy:updatePeriod>
            <sy:updateFrequency>1</sy:updateFrequency>
            <generator>https://wordpress.org/?v=6.4.2</generator>
            <image><url>https://big.example.org/wp-content/uploads/icon-32x32.png</url><title>Big Example News</title><link>https://big.example.org/</link><width>32</width><height>32</height></image>

            """);
        atom.Append("""
            <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en-GB">
            <title type="text">Big Example News</title>
            <subtitle type="text">News as it happens</subtitle>
            <updated>2024-01-01T12:00:00Z</updated>
            <link rel="alternate" type="text/html" href="https://big.example.org/" />
            <id>https://big.example.org/feed/atom/</id>
            <link rel="self" type="application/atom+xml" href="https://big.example.org/feed/atom/" />
            <generator uri="https://wordpress.org/" version="6.4.2">WordPress</generator>

            """);
        var start = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < items; i++)
        {
            var at = start.AddMinutes(-17 * i);
            var slug = $"story-{i}-{Word(i)}-{Word(i + 3)}";
            var url = $"https://big.example.org/2024/01/01/{slug}/";
            var title = $"Item {i}: {Capital(Word(i))} {Word(i + 1)} &#8211; what we know so far";
            var article = Article(i, url);
            var excerpt = $"<p>{Sentence(i, 40)} [&#8230;]</p>\n<p>The post <a href=\"{url}\">{title}</a> appeared first on <a href=\"https://big.example.org\">Big Example News</a>.</p>";
            rss.Append("<item>\n<title>").Append(title).Append("</title>\n<link>").Append(url).Append("</link>\n")
                .Append("<comments>").Append(url).Append("#respond</comments>\n")
                .Append("<dc:creator><![CDATA[Jane Reporter]]></dc:creator>\n")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{at:ddd, dd MMM yyyy HH:mm:ss} +0000</pubDate>\n");
            foreach (var category in Categories(i))
            {
                rss.Append("<category><![CDATA[").Append(category).Append("]]></category>\n");
            }

            rss.Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">https://big.example.org/?p={10000 + i}</guid>\n")
                .Append("<description><![CDATA[").Append(excerpt).Append("]]></description>\n")
                .Append("<content:encoded><![CDATA[").Append(article).Append("]]></content:encoded>\n")
                .Append(CultureInfo.InvariantCulture, $"<wfw:commentRss>{url}feed/</wfw:commentRss>\n<slash:comments>{i % 7}</slash:comments>\n")
                .Append(CultureInfo.InvariantCulture, $"<media:content url=\"https://big.example.org/wp-content/uploads/2024/01/photo-{i}.jpg\" medium=\"image\"><media:title type=\"html\">Photo {i}</media:title></media:content>\n")
                .Append("</item>\n");

            atom.Append("<entry>\n<author><name>Jane Reporter</name><uri>https://big.example.org/author/jane/</uri></author>\n")
                .Append("<title type=\"html\"><![CDATA[").Append(title).Append("]]></title>\n")
                .Append("<link rel=\"alternate\" type=\"text/html\" href=\"").Append(url).Append("\" />\n")
                .Append(CultureInfo.InvariantCulture, $"<id>https://big.example.org/?p={10000 + i}</id>\n")
                .Append(CultureInfo.InvariantCulture, $"<updated>{at.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}</updated>\n<published>{at:yyyy-MM-ddTHH:mm:ssZ}</published>\n");
            foreach (var category in Categories(i))
            {
                atom.Append("<category scheme=\"https://big.example.org\" term=\"").Append(category).Append("\" />\n");
            }

            atom.Append("<summary type=\"html\">").Append(WebUtility.HtmlEncode(excerpt)).Append("</summary>\n")
                .Append("<content type=\"html\" xml:base=\"").Append(url).Append("\">").Append(WebUtility.HtmlEncode(article)).Append("</content>\n")
                .Append("<link rel=\"replies\" type=\"text/html\" href=\"").Append(url).Append("#comments\" thr:count=\"3\" />\n")
                .Append("<thr:total>3</thr:total>\n</entry>\n");
        }

        rss.Append("</channel>\n</rss>\n");
        atom.Append("</feed>\n");
        return (rss.ToString(), atom.ToString());
    }

    private static string Article(int i, string url)
    {
        var html = new StringBuilder(7 * 1024);
        var image = $"https://big.example.org/wp-content/uploads/2024/01/photo-{i}";
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"wp-block-image size-large\"><img loading=\"lazy\" decoding=\"async\" width=\"1024\" height=\"683\" src=\"{image}-1024x683.jpg\" alt=\"{Capital(Word(i))} {Word(i + 2)} outside the town hall\" class=\"wp-image-{20000 + i}\" srcset=\"{image}-1024x683.jpg 1024w, {image}-300x200.jpg 300w, {image}-768x512.jpg 768w, {image}.jpg 1200w\" sizes=\"(max-width: 1024px) 100vw, 1024px\" /><figcaption class=\"wp-element-caption\">{Sentence(i + 5, 14)} Photograph: Sam Lens/Agency</figcaption></figure>\n");
        for (var p = 0; p < 8; p++)
        {
            html.Append("<p>").Append(Sentence(i + p, 22))
                .Append(CultureInfo.InvariantCulture, $" <a href=\"https://big.example.org/2024/01/0{1 + (p % 8)}/related-{i}-{p}/\">{Sentence(i + p + 2, 4)}</a>, ")
                .Append("the minister&#8217;s office said in a statement, adding that &#8220;").Append(Sentence(i + p + 4, 12)).Append("&#8221;. ")
                .Append("<strong>").Append(Sentence(i + p + 1, 5)).Append("</strong> &amp; <em>").Append(Sentence(i + p + 3, 6)).Append("</em>&nbsp;")
                .Append(Sentence(i + p + 7, 16)).Append("</p>\n");
            if (p == 4)
            {
                html.Append("<h2 class=\"wp-block-heading\">What happens next</h2>\n<ul class=\"wp-block-list\">\n");
                for (var l = 0; l < 3; l++)
                {
                    html.Append("<li>").Append(Sentence(i + l, 10)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter\"><div class=\"wp-block-embed__wrapper\">\n<blockquote class=\"twitter-tweet\" data-width=\"550\" data-dnt=\"true\"><p lang=\"en\" dir=\"ltr\">{Sentence(i + 9, 18)} <a href=\"https://t.co/Ab{i}Cd\">pic.twitter.com/Ab{i}Cd</a></p>&mdash; Jane Reporter (@janereporter) <a href=\"https://twitter.com/janereporter/status/17{i:D8}?ref_src=twsrc%5Etfw\">January 1, 2024</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n</div></figure>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>The post <a href=\"{url}\">Item {i}</a> appeared first on <a href=\"https://big.example.org\">Big Example News</a>.</p>\n");
        return html.ToString();
    }

    private static IEnumerable<string> Categories(int i) => ["News", "Politics", Capital(Word(i + 11)), "Live"];

    private static string Sentence(int seed, int words)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < words; k++)
        {
            builder.Append(k == 0 ? Capital(Word(seed + (k * 7))) : Word(seed + (k * 7)));
            builder.Append(k == words - 1 ? "." : " ");
        }

        return builder.ToString();
    }

    private static string Word(int n) => Words[(n % Words.Length + Words.Length) % Words.Length];

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
