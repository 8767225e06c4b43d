using System.Text;

namespace UpdateBot.Tests;

/// <summary>Live-blog pages of the timestamp-headed shape, written for these tests.</summary>
internal static class Fixtures
{
    /// <summary>A page with the given entries (time, text), rendered newest first with chrome around them.</summary>
    public static string Page(params (string Heading, string Text)[] entries)
    {
        var html = new StringBuilder()
            .Append("<html><head><meta property=\"article:published_time\" content=\"2016-06-27T09:00:00+01:00\"></head><body>")
            .Append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>")
            .Append("<p>We will be updating this page as events unfold.</p>");
        foreach (var (heading, text) in entries.Reverse())
        {
            html.Append("<p><strong>").Append(heading).Append("</strong></p>")
                .Append("<p>").Append(text).Append("</p>");
        }

        return html.Append("</article><div class=\"share\">Share this article!</div><footer>Footer text</footer></body></html>").ToString();
    }

    public static readonly (string, string)[] Monday =
    [
        ("Monday 27 June – 14:00", "A round up of the morning: the first walk-outs began at nine."),
        ("Monday 27 June – 14:30", "Nurses at the Infirmary have voted to join the action."),
        ("Monday 27 June – 15:53", "A reminder for those in Newcastle – there’s a protest at 5:30pm at Grey’s Monument."),
    ];

    public static readonly (string, string)[] MondayLater =
    [
        .. Monday,
        ("Monday 27 June – 16:05", "Bus drivers in Leeds have come out in support."),
        ("Monday 27 June – 16:12", "The council has asked for talks tomorrow morning."),
    ];
}
