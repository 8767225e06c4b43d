using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace UpdateBot.Web.StatusPage;

/// <summary>Renders the status page: one self-contained HTML document, every text escaped, no external assets.</summary>
internal static class StatusPageRenderer
{
    private const string Css = """
        :root{color-scheme:light dark;--ok:#1a7f37;--bad:#cf222e;--wait:#9a6700;--muted:#6e7781;--line:#d0d7de}
        body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:52rem;padding:1rem}
        h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line)}
        ul{list-style:none;margin:0;padding:0}li{padding:.45rem 0;border-bottom:1px solid var(--line)}
        .muted,small{color:var(--muted)}.row{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:baseline}
        .badge{font-size:.8rem;font-weight:600;padding:.05rem .45rem;border-radius:1rem;color:#fff}
        .ok{background:var(--ok)}.failing{background:var(--bad)}.waiting{background:var(--wait)}
        .breaking{color:var(--bad);font-weight:700}.cancelled{text-decoration:line-through}.error{color:var(--bad);overflow-wrap:anywhere}
        table{border-collapse:collapse;width:100%}th,td{text-align:right;padding:.3rem .4rem;border-bottom:1px solid var(--line)}
        th:first-child,td:first-child{text-align:left}a{overflow-wrap:anywhere}time{font-variant-numeric:tabular-nums}
        """;

    public static string Render(StatusPageModel model)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"refresh\" content=\"60\">")
            .Append("<title>").Append(e.Encode(model.Title)).Append(" status</title>")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.atom\" title=\"Atom\">")
            .Append("<link rel=\"alternate\" type=\"application/feed+json\" href=\"feed.json\" title=\"JSON Feed\">")
            .Append("<style>").Append(Css).Append("</style></head><body>");
        html.Append("<header><h1>").Append(e.Encode(model.Title)).Append(" status</h1>")
            .Append("<p class=\"muted\">As of <time id=\"generated\">").Append(e.Encode(model.GeneratedAt)).Append("</time> (")
            .Append(e.Encode(model.ZoneName)).Append(") · <a href=\"feed.atom\">Atom</a> · <a href=\"feed.json\">JSON Feed</a></p></header>");

        Sources(html, e, model);
        Delivery(html, e, model);
        Entries(html, e, model);
        Events(html, e, model);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Sources(StringBuilder html, HtmlEncoder e, StatusPageModel model)
    {
        html.Append("<section id=\"sources\"><h2>Sources</h2>");
        if (model.Sources.Count == 0)
        {
            html.Append("<p class=\"muted\">No sources configured.</p>");
        }

        html.Append("<ul>");
        foreach (var s in model.Sources)
        {
            var health = s.Health.ToString().ToLowerInvariant();
            html.Append("<li class=\"source\" data-source=\"").Append(e.Encode(s.Name)).Append("\"><div class=\"row\">")
                .Append("<span class=\"badge ").Append(health).Append("\">").Append(health).Append("</span>")
                .Append("<strong>").Append(e.Encode(s.Name)).Append("</strong>");
            if (!string.IsNullOrWhiteSpace(s.Title))
            {
                html.Append("<span class=\"muted\">").Append(e.Encode(s.Title)).Append("</span>");
            }

            html.Append("</div><small>")
                .Append(s.LastSuccess is null ? "not read yet" : "last read " + e.Encode(s.LastSuccess))
                .Append(" · ").Append(s.EntriesSeen.ToString(CultureInfo.InvariantCulture)).Append(" entries seen")
                .Append(s.Pushed ? " · pushed by WebSub" : "").Append("</small>");
            if (s.LastError is not null)
            {
                html.Append("<div class=\"error\">").Append(s.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture))
                    .Append(" failed reads: ").Append(e.Encode(s.LastError)).Append("</div>");
            }

            html.Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private static void Delivery(StringBuilder html, HtmlEncoder e, StatusPageModel model)
    {
        html.Append("<section id=\"delivery\"><h2>Delivery</h2>");
        if (model.Platforms.Count > 0)
        {
            html.Append("<ul>");
            foreach (var (platform, connected, detail) in model.Platforms)
            {
                html.Append("<li class=\"platform row\"><span class=\"badge ").Append(connected ? "ok" : "failing").Append("\">")
                    .Append(connected ? "connected" : "disconnected").Append("</span><strong>").Append(e.Encode(platform)).Append("</strong>");
                if (!string.IsNullOrWhiteSpace(detail))
                {
                    html.Append("<span class=\"muted\">").Append(e.Encode(detail)).Append("</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (model.Queue is null)
        {
            html.Append("<p class=\"muted\">Queue figures are not available.</p>");
        }
        else if (model.Queue.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing delivered yet.</p>");
        }
        else
        {
            html.Append("<table id=\"queue\"><thead><tr><th>Platform</th><th>Pending</th><th>Sent</th><th>Failed</th></tr></thead><tbody>");
            foreach (var q in model.Queue)
            {
                html.Append("<tr><td>").Append(e.Encode(q.Platform)).Append("</td><td>")
                    .Append(q.Pending.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(q.Sent.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(q.Failed.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    private static void Events(StringBuilder html, HtmlEncoder e, StatusPageModel model)
    {
        if (model.Events is null)
        {
            return;
        }

        html.Append("<section id=\"events\"><h2>Upcoming events</h2>");
        if (model.Events.Count == 0)
        {
            html.Append("<p class=\"muted\">No upcoming events known.</p>");
        }

        html.Append("<ul>");
        foreach (var ev in model.Events)
        {
            html.Append("<li class=\"event\"><div class=\"row\"><time>").Append(e.Encode(ev.When)).Append("</time><small>")
                .Append(e.Encode(ev.Status)).Append("</small></div><div").Append(ev.Status == "cancelled" ? " class=\"cancelled\"" : "").Append('>');
            if (ev.Url is not null)
            {
                html.Append("<a href=\"").Append(e.Encode(ev.Url)).Append("\" rel=\"noopener noreferrer\">").Append(e.Encode(ev.Title)).Append("</a>");
            }
            else
            {
                html.Append(e.Encode(ev.Title));
            }

            if (ev.Where is not null)
            {
                html.Append(" <span class=\"muted\">· ").Append(e.Encode(ev.Where)).Append("</span>");
            }

            html.Append("</div></li>");
        }

        html.Append("</ul><p class=\"muted\"><a href=\"events.ics\">Subscribe to the calendar</a></p></section>");
    }

    private static void Entries(StringBuilder html, HtmlEncoder e, StatusPageModel model)
    {
        html.Append("<section id=\"entries\"><h2>Latest entries</h2>");
        if (model.Entries.Count == 0)
        {
            html.Append("<p class=\"muted\">No entries yet.</p>");
        }

        html.Append("<ul>");
        foreach (var entry in model.Entries)
        {
            html.Append("<li class=\"entry\"><div class=\"row\"><time>").Append(e.Encode(entry.Time)).Append("</time><small>")
                .Append(e.Encode(entry.Source)).Append("</small></div><div").Append(entry.Breaking ? " class=\"breaking\"" : "").Append('>');
            if (entry.Url is not null)
            {
                html.Append("<a href=\"").Append(e.Encode(entry.Url)).Append("\" rel=\"noopener noreferrer\">").Append(e.Encode(entry.Title)).Append("</a>");
            }
            else
            {
                html.Append(e.Encode(entry.Title));
            }

            html.Append("</div></li>");
        }

        html.Append("</ul></section>");
    }
}
