using System.Globalization;
using System.Text;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>A live-blog page of a given size and entry count, with the chrome real pages carry.</summary>
internal static class SyntheticLiveBlog
{
    public static string Build(int entries, int targetBytes)
    {
        var words = "demonstrators gathered outside the town hall as councillors debated the motion while stewards kept the crowd calm and speakers called for unity"
            .Split(' ');
        var perEntry = Math.Max(200, (targetBytes - 4000) / entries);
        var page = new StringBuilder(targetBytes + 4096);
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark live</title>")
            .Append("<meta property=\"article:published_time\" content=\"2016-06-27T09:00:00+01:00\"></head><body>")
            .Append("<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav></header>")
            .Append("<div id=\"cookie-banner\"><p>We use cookies.</p></div><main><article><h1>Live: the day's events</h1><div class=\"live-body\">");
        var start = new DateTime(2016, 6, 29, 23, 50, 0);
        for (var i = 0; i < entries; i++)
        {
            var at = start.AddMinutes(-7 * i);
            page.Append("<div class=\"entry\" id=\"entry-").Append(i).Append("\"><p><strong>")
                .Append(at.ToString("dddd d MMMM – HH:mm", CultureInfo.InvariantCulture)).Append("</strong></p>");
            var body = new StringBuilder();
            var w = i;
            while (body.Length < perEntry - 160)
            {
                body.Append("<p>");
                for (var k = 0; k < 24; k++)
                {
                    body.Append(words[w++ % words.Length]).Append(' ');
                }

                body.Append("<a href=\"/story/").Append(i).Append("\">more</a>.</p>");
            }

            page.Append(body).Append("<div class=\"share\"><a href=\"https://twitter.com/share\">Share</a></div></div>");
        }

        page.Append("</div></article><aside class=\"sidebar\"><p>Most read</p></aside></main><footer><p>Share this article!</p></footer></body></html>");
        return page.ToString();
    }
}
