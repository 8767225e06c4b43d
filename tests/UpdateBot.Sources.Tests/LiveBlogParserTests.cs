using System.Text;
using UpdateBot.Core.Entries;
using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

public sealed class LiveBlogParserTests
{
    [Fact]
    public void Plain_text_newest_first_gives_every_entry_with_weekday_years_and_no_chrome()
    {
        var snapshot = Parse("rally-newest-first.txt", "2024-03-20T12:00:00Z");

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal("liveblog-text", snapshot.Format);
        Assert.Equal(
            ["2024-03-14T18:20:00+00:00", "2024-03-14T16:05:00+00:00", "2024-03-14T16:05:00+00:00", "2024-03-13T09:30:00+00:00", "2024-03-13T09:00:00+00:00"],
            snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.StartsWith("The march has reached", snapshot.Entries[0].Text, StringComparison.Ordinal);
        Assert.Equal("https://example.org/photos/march", Assert.Single(snapshot.Entries[0].Links).Url);
        Assert.Equal("", snapshot.Entries[3].Text);
        var last = snapshot.Entries[^1];
        Assert.Contains("2. Bring water.", last.Text, StringComparison.Ordinal);
        Assert.All(snapshot.Entries, e =>
        {
            Assert.DoesNotContain("Share this article", e.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("pop-up", e.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("refresh", e.Text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Entries_at_the_same_minute_keep_distinct_ids_and_page_order()
    {
        var snapshot = Parse("rally-newest-first.txt", "2024-03-20T12:00:00Z");

        Assert.Equal(snapshot.Entries.Count, snapshot.Entries.Select(e => e.Id).Distinct().Count());
        Assert.StartsWith("A public meeting", snapshot.Entries[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Second post", snapshot.Entries[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_oldest_first_keeps_links_and_images_absolute_and_leaves_chrome_out()
    {
        var snapshot = Parse("rally-oldest-first.html", "2024-06-01T12:00:00Z", baseUrl: "https://news.example.org/rally/live");

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal("Rally live | Example News", snapshot.Title);

        // Years come from article:published_time (2019), not from "now" (2024).
        Assert.Equal(
            ["2019-03-14T10:00:00+00:00", "2019-03-13T11:45:00+00:00", "2019-03-13T09:00:00+00:00"],
            snapshot.Entries.Select(e => Iso(e.Published)));
        var first = snapshot.Entries[^1];
        Assert.Equal("Good morning. Stewards are gathering at the square.", first.Text);
        Assert.Equal("https://news.example.org/places/square", Assert.Single(first.Links).Url);
        var image = Assert.Single(first.Media);
        Assert.Equal("https://news.example.org/img/square.jpg", image.Url);
        Assert.Equal("The square at dawn", image.Caption);
        Assert.Equal("Speakers announced", snapshot.Entries[1].Title);
        Assert.Equal("Speakers include the union branch secretary.", snapshot.Entries[1].Text);
        var all = string.Join("\n", snapshot.Entries.Select(e => e.Text + string.Concat(e.Links.Select(l => l.Text))));
        foreach (var chrome in new[] { "cookies", "Home", "Share", "Another story", "Sidebar teaser", "communists", "©" })
        {
            Assert.DoesNotContain(chrome, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_timestamp_shape_starts_an_entry()
    {
        var snapshot = Parse("timestamp-shapes.html", "2024-01-01T00:00:00Z");

        Assert.Equal(
            ["2016-06-29T14:00:00+01:00", "2016-06-29T13:05:00+01:00", "2016-06-29T11:30:00+01:00", "2016-06-29T09:15:00+01:00", "2016-06-29T08:00:00+01:00"],
            snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.Equal("Bare time with am/pm, same day.", snapshot.Entries[1].Text);
    }

    [Fact]
    public void Html_of_the_same_text_as_paragraphs_parses_like_the_text()
    {
        const string html = """
            <html><body><div class="entry-content">
            <p>Intro paragraph.</p>
            <p><strong>Tuesday 28 June – 10:42</strong></p><p>An update on events in Leeds.</p>
            <p><strong>Tuesday 28 June – 10:31</strong></p><p>A letter.</p><p>Second paragraph.</p>
            </div><div class="social-share"><p>Share this article!</p></div></body></html>
            """;

        var snapshot = ParseText(html, "2016-06-29T15:00:00+01:00");

        Assert.Equal(2, snapshot.Entries.Count);
        Assert.Equal("2016-06-28T10:42:00+01:00", Iso(snapshot.Entries[0].Published));
        Assert.Equal("A letter.\n\nSecond paragraph.", snapshot.Entries[1].Text);
    }

    [Fact]
    public void Bare_times_roll_back_over_midnight_on_a_newest_first_page()
    {
        const string text = "00:30\n\nJust after midnight.\n\n23:50\n\nLate last night.\n";

        var snapshot = ParseText(text, "2024-07-10T01:00:00+01:00");

        Assert.Equal(["2024-07-10T00:30:00+01:00", "2024-07-09T23:50:00+01:00"], snapshot.Entries.Select(e => Iso(e.Published)));
    }

    [Fact]
    public void Headings_that_lead_with_a_time_give_entries_with_their_headlines()
    {
        const string html = """
            <html><body><article><h1>Strike ticker</h1><div class="text">
            <h2>12.31 Uhr: Talks resume at the port</h2><p>Both sides are back at the table.</p><p>More soon.</p>
            <h2>11.39 Uhr: Pickets at the gates</h2><p>About 200 workers gathered at dawn.</p>
            <h2>9.02 Uhr: Strike begins</h2><p>The first shift did not start.</p>
            </div></article></body></html>
            """;

        var snapshot = ParseText(html, "2024-08-27T18:00:00+02:00");

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal(["Talks resume at the port", "Pickets at the gates", "Strike begins"], snapshot.Entries.Select(e => e.Title));
        Assert.Equal(["2024-08-27T12:31:00+01:00", "2024-08-27T11:39:00+01:00", "2024-08-27T09:02:00+01:00"], snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.Equal("Both sides are back at the table.\n\nMore soon.", snapshot.Entries[0].Text);
    }

    [Fact]
    public void A_bylines_time_above_a_ticker_of_headline_headings_is_not_an_entry()
    {
        const string html = """
            <html><body><article><h1>Port strike ticker</h1>
            <p class="meta">Newsroom <time datetime="2024-08-27T10:32:00+02:00">27.08.2024, 10:32 Uhr</time></p>
            <ul><li>Talks resume (12.31 Uhr)</li><li>Pickets at the gates (11.39 Uhr)</li></ul>
            <h2>12.31 Uhr: Talks resume at the port</h2><p>Both sides are back at the table.</p>
            <h2>11.39 Uhr: Pickets at the gates</h2><p>About 200 workers gathered at dawn.</p>
            <h2>10.05 Uhr: Ferries cancelled</h2><p>No crossings until the evening.</p>
            <h2>9.02 Uhr: Strike begins</h2><p>The first shift did not start.</p>
            </article></body></html>
            """;

        var snapshot = ParseText(html, "2024-08-27T18:00:00+02:00");

        Assert.Equal(["Talks resume at the port", "Pickets at the gates", "Ferries cancelled", "Strike begins"], snapshot.Entries.Select(e => e.Title));
        Assert.DoesNotContain(snapshot.Entries, e => e.Text.Contains("(12.31 Uhr)", StringComparison.Ordinal));
    }

    [Fact]
    public void Day_headings_and_dates_beside_times_date_the_entries_and_echoes_in_a_key_events_strip_are_dropped()
    {
        const string html = """
            <html><body><div class="live">
            <div class="strip"><div class="marker"><div class="t">04:46 PM</div><div class="d">Jul 18, 2025</div><div class="h">Talks called off</div></div></div>
            <div class="update"><div class="t">04:46 PM</div><div class="d">Jul 18, 2025</div><h3>Talks called off</h3><p>Neither side will meet this week.</p></div>
            <div class="update"><div class="t">04:10 PM</div><div class="d">Jul 18, 2025</div><h3>Envoys leave</h3><p>The envoys flew home at four.</p></div>
            <div class="update"><div class="t">03:30 PM</div><div class="d">Jul 18, 2025</div><h3>Statement due</h3><p>A statement is expected within the hour.</p></div>
            <div class="update"><div class="t">03:58 PM</div><div class="d">Jul 17, 2025</div><h3>Talks begin</h3><p>The delegations arrived at noon.</p></div>
            <h2>Wednesday 16 July</h2>
            <div class="update"><div class="t">11:20 AM</div><h3>Venue agreed</h3><p>The talks will be held in the capital.</p></div>
            </div></body></html>
            """;

        var snapshot = ParseText(html, "2025-07-20T12:00:00+01:00");

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal(
            ["2025-07-18T16:46:00+01:00", "2025-07-18T16:10:00+01:00", "2025-07-18T15:30:00+01:00", "2025-07-17T15:58:00+01:00", "2025-07-16T11:20:00+01:00"],
            snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.Equal(["Talks called off", "Envoys leave", "Statement due", "Talks begin", "Venue agreed"], snapshot.Entries.Select(e => e.Title));
        Assert.DoesNotContain(snapshot.Entries, e => e.Text.Contains("2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_entries_at_one_time_are_all_kept_rather_than_searched_for_echoes_pair_by_pair()
    {
        var html = new StringBuilder("<html><body><div class=\"live\">");
        for (var i = 0; i < 2_000; i++)
        {
            html.Append("<div><p>10:00</p><h3>Same words</h3><p>Posted again.</p></div>");
            html.Append("<div><p>10:00</p><p>Same words</p></div>");
        }

        html.Append("<div><p>09:00</p><p>The first post.</p></div></div></body></html>");

        var snapshot = ParseText(html.ToString(), "2024-01-01T12:00:00Z");

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal(4_001, snapshot.Entries.Count);
    }

    [Fact]
    public void A_time_in_bold_opening_a_paragraph_starts_an_entry_and_hidden_text_is_not_read()
    {
        const string html = """
            <html><body><div class="hide" id="lastModified">2014-12-31 17:13:38</div>
            <div class="body">
            <p><strong>17.00 </strong>We are leaving our live coverage here.</p>
            <p><strong>16.06:</strong> The plane made an <a href="/climb">unusually steep climb</a>.</p><p>Experts were surprised.</p>
            <p style="display: none">16.00</p>
            <p><b>15.25</b> Night falls over the search area.</p>
            <p><strong>14.50 Jane Reporter </strong>in the port has spoken to the harbour master.</p>
            <p><strong>8.30am ET (12.30pm GMT)</strong> The schedule for the day, inside the entry.</p>
            </div></body></html>
            """;

        var snapshot = ParseText(html, "2014-12-31T18:00:00Z");

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal(["2014-12-31T17:00:00+00:00", "2014-12-31T16:06:00+00:00", "2014-12-31T15:25:00+00:00", "2014-12-31T14:50:00+00:00"], snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.StartsWith("Jane Reporter in the port has spoken", snapshot.Entries[3].Text, StringComparison.Ordinal);
        Assert.Contains("8.30am ET (12.30pm GMT)", snapshot.Entries[3].Text, StringComparison.Ordinal);
        Assert.Equal("The plane made an unusually steep climb.\n\nExperts were surprised.", snapshot.Entries[1].Text);
        Assert.Equal("https://example.org/climb", Assert.Single(snapshot.Entries[1].Links).Url);
    }

    [Fact]
    public void Offsets_from_zero_are_chapters_or_a_diary_not_times()
    {
        const string html = """
            <html><body><div class="diary">
            <p><b>0:00</b> The keynote starts.</p><p><b>0:04</b> A joke about the weather.</p>
            <p><b>2:40</b> The first slide.</p><p><b>8:13</b> Questions.</p>
            </div></body></html>
            """;

        var snapshot = ParseText(html, "2024-01-01T12:00:00Z");

        Assert.Empty(snapshot.Entries);
        Assert.NotEqual(FeedKind.LiveBlog, snapshot.Kind);
    }

    [Fact]
    public void An_article_with_a_teaser_widget_is_an_article_with_teasers()
    {
        var snapshot = Parse("article-with-teasers.html", "2024-01-01T00:00:00Z");

        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Equal(2, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(EntryKind.Teaser, e.Kind));
        Assert.Equal("https://news.example.org/liveblog_entry/a/", snapshot.Entries[0].Url);
        Assert.DoesNotContain(snapshot.Entries, e => e.Text.Contains("council", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_plain_article_has_no_entries_and_is_reported_as_an_article()
    {
        const string html = """
            <html><head><meta property="og:type" content="article"></head><body><article>
            <p>First paragraph of a story.</p><p>Second.</p><p>Third.</p><p>Fourth.</p></article></body></html>
            """;

        var snapshot = ParseText(html, "2024-01-01T00:00:00Z");

        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Empty(snapshot.Entries);
    }

    private const string DatelinedArticle = """
        <html><head><title>Council votes on the budget</title></head><body><article>
        <h1>Council votes on the budget</h1>
        <p class="byline">By Jane Reporter <time datetime="2021-11-03T16:45:00+00:00">3 November 2021</time></p>
        <p>The council met this evening to vote on next year's budget.</p>
        <p>Speakers on both sides warned of cuts to libraries and buses.</p>
        <p>The vote passed by a narrow margin after a long debate.</p>
        </article></body></html>
        """;

    [Fact]
    public void An_article_under_one_dateline_is_an_article_not_a_live_blog_of_its_paragraphs()
    {
        var snapshot = ParseText(DatelinedArticle, "2021-11-04T00:00:00Z");

        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public void An_article_showing_its_dateline_twice_is_still_an_article()
    {
        var twice = DatelinedArticle.Replace("</article>", "<footer><p>Updated <time datetime='2021-11-03T16:45:00+00:00'>3 November</time></p><p>More from the newsroom.</p></footer></article>", StringComparison.Ordinal);

        var snapshot = ParseText(twice, "2021-11-04T00:00:00Z");

        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public void One_time_heads_a_live_blog_entry_when_the_format_or_the_source_says_it_is_a_live_blog()
    {
        var given = ParseText(DatelinedArticle, "2021-11-04T00:00:00Z", "liveblog-html");
        var known = FeedParser.Parse(DatelinedArticle, "text/html", new Uri("https://example.org/live"),
            new ParseOptions(DateTimeOffset.Parse("2021-11-04T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), London, "auto", "test") { KnownLiveBlog = true });

        foreach (var snapshot in new[] { given, known })
        {
            Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
            var entry = Assert.Single(snapshot.Entries);
            Assert.StartsWith("The council met", entry.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_list_of_the_sites_latest_headlines_with_times_is_an_article_with_teasers()
    {
        const string html = """
            <html><body><article><h1>Harbour plan approved</h1><p>The plan was approved on Monday.</p><p>Work starts in May.</p></article>
            <section class="latest-stories">
              <div><time datetime="2022-05-04T01:29:37-05:00">1:29 am</time><h3><a href="/2022/05/04/bank-results/">Bank results beat forecasts</a></h3></div>
              <div><time datetime="2022-05-04T00:26:39-05:00">12:26 am</time><h3><a href="/2022/05/04/landfill-park/">Landfill to become a park</a></h3></div>
            </section></body></html>
            """;

        var snapshot = ParseText(html, "2022-05-05T00:00:00Z");

        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Equal(2, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(EntryKind.Teaser, e.Kind));
        Assert.Equal("https://example.org/2022/05/04/bank-results/", snapshot.Entries[0].Url);
    }

    [Fact]
    public void A_feature_with_one_time_stamp_above_its_story_is_an_article_not_an_entry_without_words()
    {
        const string html = """
            <html><head><meta property="og:type" content="article"></head><body>
            <header><h1>Inside the longest strike</h1><p class="byline">By A Reporter</p>
            <p class="time__stamp">10:00 GMT Thursday, 05 January 2017</p></header>
            <figure><img src="/pic.jpg"><figcaption>Pickets at dawn.</figcaption></figure>
            <div class="story"><p>It began with a letter.</p><p>Then a vote.</p><p>Then the gates closed.</p><p>And so on.</p></div>
            </body></html>
            """;

        var snapshot = ParseText(html, "2017-01-06T00:00:00Z");

        Assert.DoesNotContain(snapshot.Entries, e => e.Text.Length == 0 && e.Title is null && e.Media.Count == 0);
        Assert.Equal(FeedKind.Article, snapshot.Kind);
    }

    [Fact]
    public void A_kick_off_time_with_nothing_under_it_is_not_an_entry()
    {
        const string html = """
            <html><body><div class="match"><span class="team">Leeds</span><span class="team">Hull</span>
            <p class="match-status__time">20:00</p></div></body></html>
            """;

        var snapshot = ParseText(html, "2026-11-24T12:00:00Z");

        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public void Json_ld_live_blog_updates_are_entries_with_their_own_ids()
    {
        var snapshot = Parse("liveblog-jsonld.html", "2024-06-01T00:00:00Z", baseUrl: "https://news.example.org/live");

        Assert.Equal("jsonld", snapshot.Format);
        Assert.Equal("Strike day live", snapshot.Title);
        Assert.Equal(["https://news.example.org/live#u3", "https://news.example.org/live#u2", "https://news.example.org/live#u1"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal("2024-05-01T09:00:00+01:00", Iso(snapshot.Entries[2].Published));
        Assert.Equal("Talks broke down & resume tomorrow.", snapshot.Entries[1].Text);
        Assert.Equal("2024-05-01T09:40:00+01:00", Iso(snapshot.Entries[1].Updated!.Value));
        Assert.Equal("https://news.example.org/img/picket.jpg", Assert.Single(snapshot.Entries[0].Media).Url);
    }

    [Fact]
    public void Microdata_live_blog_updates_are_entries()
    {
        var snapshot = Parse("liveblog-microdata.html", "2024-06-01T00:00:00Z");

        Assert.Equal("microdata", snapshot.Format);
        Assert.Equal(["update-2", "update-1"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal("River peaks", snapshot.Entries[0].Title);
        Assert.Equal("The river peaked at 4.2 m.\n\nSee levels.", snapshot.Entries[0].Text);
        Assert.Equal("https://flood.example.org/levels", Assert.Single(snapshot.Entries[0].Links).Url);
    }

    [Fact]
    public void WordPress_liveblog_markup_uses_the_entry_ids_and_timestamps()
    {
        var snapshot = Parse("liveblog-wordpress.html", "2024-06-01T00:00:00Z");

        Assert.Equal("wordpress", snapshot.Format);
        Assert.Equal(["902", "901"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000300), snapshot.Entries[0].Published);
        Assert.Equal("Second entry with a link.", snapshot.Entries[0].Text);
        Assert.Equal("Ana", snapshot.Entries[1].Author);
    }

    [Fact]
    public void WordPress_api_applies_updates_and_deletes_in_order()
    {
        var snapshot = Parse("wordpress-entries.json", "2024-06-01T00:00:00Z");

        Assert.Equal("wordpress-api", snapshot.Format);
        Assert.Equal(["12", "11"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal("First speaker: the mayor.", snapshot.Entries[0].Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000600), snapshot.Entries[0].Published);
        Assert.Equal("Kim", snapshot.Entries[1].Author);
    }

    [Fact]
    public void Format_can_be_forced()
    {
        var asText = Parse("timestamp-shapes.html", "2024-01-01T00:00:00Z", format: "liveblog-text");

        Assert.Equal("liveblog-text", asText.Format);
        Assert.NotEqual(5, asText.Entries.Count);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        foreach (var junk in new[] { "", "   ", "<", "{", "[1,2", "<rss><channel><item>", "\0\0\0", "<html><body><p>14:00</p>", new string('<', 10000) })
        {
            var snapshot = ParseText(junk, "2024-01-01T00:00:00Z");
            Assert.NotNull(snapshot);
        }
    }
}
