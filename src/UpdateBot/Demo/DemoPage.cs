using System.Globalization;
using System.Net;
using System.Text;

namespace UpdateBot.Demo;

/// <summary>Renders the demo live blog as a page of the sample's shape, with page chrome around the entries.</summary>
internal static class DemoPage
{
    public static string Render(IReadOnlyList<(DemoEntry Entry, DateTimeOffset Time)> shown, TimeZoneInfo zone, DateTimeOffset started)
    {
        var html = new StringBuilder();
        var published = TimeZoneInfo.ConvertTime(started, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .Append("<title>Day of action: live updates</title>\n")
            .Append("<meta property=\"article:published_time\" content=\"").Append(published).Append("\">\n")
            .Append("</head><body>\n")
            .Append("<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/about\">About</a> <a href=\"/donate\">Donate</a></nav>\n")
            .Append("<article><h1>Day of action: live updates</h1>\n")
            .Append("<p>We will be updating this page through the day. Newest entries first.</p>\n");
        for (var i = shown.Count - 1; i >= 0; i--)
        {
            var (entry, time) = shown[i];
            var local = TimeZoneInfo.ConvertTime(time, zone);
            var heading = local.ToString("dddd d MMMM", CultureInfo.InvariantCulture) + " \u2013 " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
            html.Append("<p><strong>").Append(heading).Append("</strong></p>\n");
            foreach (var paragraph in entry.Paragraphs)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
            }
        }

        html.Append("</article>\n")
            .Append("<div class=\"share\">Share this article! <a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div>\n")
            .Append("<aside class=\"sidebar\"><h2>Related</h2><ul><li><a href=\"/older\">Last week's updates</a></li></ul></aside>\n")
            .Append("<div class=\"popup\">Sign up to our newsletter! Close this pop-up to keep reading.</div>\n")
            .Append("<footer>Demo live blog written for UpdateBot.</footer>\n")
            .Append("</body></html>\n");
        return html.ToString();
    }
}
