using UpdateBot.Core.Entries;
using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

/// <summary>
/// Timestamped items beside or below an article (a sidebar of other stories, comments, an archive) make the page an
/// article with teasers, not a live blog; real live blogs, short or slow, stay live blogs.
/// </summary>
public sealed class ArticleSignsTests
{
    private static readonly string Story = string.Concat(Enumerable.Range(1, 5).Select(i =>
        $"<p>Paragraph {i} of the story: the council met this evening and heard from residents about the plan to close the " +
        $"library on the high street, which has served the town for over a century and is used by schools every week.</p>"));

    private static FeedSnapshot Auto(string html, string now = "2022-05-05T00:00:00Z") => ParseText(html, now);

    private static FeedSnapshot Known(string html, string now = "2022-05-05T00:00:00Z") =>
        FeedParser.Parse(html, "text/html", new Uri("https://example.org/live"),
            new ParseOptions(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), London, "auto", "test") { KnownLiveBlog = true });

    private static void AssertArticleWithTeasers(FeedSnapshot snapshot, int count)
    {
        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Equal(count, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(EntryKind.Teaser, e.Kind));
    }

    [Fact]
    public void Short_timestamped_items_beside_an_articles_long_text_are_teasers()
    {
        var html = $"""
            <html><body><article><h1>Library to close</h1>{Story}</article>
            <aside><ul>
              <li><p>09:10</p><p>Bus fares rise.</p></li>
              <li><p>08:40</p><p>Rain all day.</p></li>
              <li><p>08:05</p><p>Road closed.</p></li>
            </ul></aside></body></html>
            """;

        AssertArticleWithTeasers(Auto(html), 3);
    }

    [Fact]
    public void Items_that_are_mostly_headlines_of_other_pages_are_teasers()
    {
        const string html = """
            <html><body><div class="ticker">
              <div><p>09:10</p><p>Politics</p><p><a href="/a">Minister resigns after a week of pressure from her own party</a></p></div>
              <div><p>08:40</p><p>Sport</p><p><a href="/b">City sign a striker for a record fee on deadline day</a></p></div>
              <div><p>08:05</p><p>Weather</p><p><a href="/c">Storm warning for the whole coast until Friday night</a></p></div>
              <div><p>07:30</p><p>Local</p><p><a href="/d">Market reopens after the fire in the spring</a></p></div>
            </div></body></html>
            """;

        var snapshot = Auto(html);

        AssertArticleWithTeasers(snapshot, 4);
        Assert.Equal("https://example.org/a", snapshot.Entries[0].Url);
    }

    [Fact]
    public void Posts_days_apart_are_an_archive_or_a_thread_not_a_live_blog()
    {
        const string html = """
            <html><body><div class="comments">
              <div><p>3 May 2022 18:00</p><p>I was there too and the queue was long.</p></div>
              <div><p>1 May 2022 09:00</p><p>Does anyone know when the hall opens?</p></div>
              <div><p>27 April 2022 12:00</p><p>Thanks for the write-up, very useful.</p></div>
            </div></body></html>
            """;

        AssertArticleWithTeasers(Auto(html), 3);
    }

    [Fact]
    public void Items_mostly_without_words_are_a_list_of_headlines()
    {
        const string html = """
            <html><body><div class="latest">
              <div><p>12:50</p><h3>Shooter wins her first grand prix</h3></div>
              <div><p>12:46</p><h3>Village fete draws thousands</h3><p>The heat did not keep anyone away from the square.</p></div>
              <div><p>10:55</p><h3>Club celebrates its centenary</h3><img src="/c.jpg" alt=""></div>
            </div></body></html>
            """;

        AssertArticleWithTeasers(Auto(html), 3);
    }

    [Fact]
    public void An_articles_text_under_its_published_and_updated_times_gives_no_entries()
    {
        var body = string.Concat(Enumerable.Repeat(Story, 4));
        var html = $"""
            <html><head><meta property="og:type" content="article"></head><body><article><h1>Library to close</h1>
            <p>11:00</p>{body}<p>09:51</p><p>First published this morning.</p></article></body></html>
            """;

        var snapshot = Auto(html);

        Assert.Equal(FeedKind.Article, snapshot.Kind);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public void Cards_with_a_linked_headline_above_their_time_are_teasers_each_with_its_own_headline()
    {
        var html = $"""
            <html><body><article><h1>Library to close</h1>{Story}</article>
            <section class="more">
              <div class="card"><h3><a href="/2022/05/04/fares/">Bus fares to rise in June</a></h3><div class="meta"><time datetime="2022-05-04T09:10:00+01:00">4 May</time></div><p>The operator blamed fuel costs for the rise announced on Wednesday morning.</p></div>
              <div class="card"><h3><a href="/2022/05/03/rain/">Rain warning for the weekend</a></h3><div class="meta"><time datetime="2022-05-03T08:40:00+01:00">3 May</time></div><p>Forecasters expect the heaviest rain on Saturday afternoon across the county.</p></div>
              <div class="card"><h3><a href="/2022/05/02/road/">Ring road closed for repairs</a></h3><div class="meta"><time datetime="2022-05-02T08:05:00+01:00">2 May</time></div><p>Drivers are advised to use the bypass while the work goes on until Friday.</p></div>
            </section></body></html>
            """;

        var snapshot = Auto(html);

        AssertArticleWithTeasers(snapshot, 3);
        Assert.Equal(["Bus fares to rise in June", "Rain warning for the weekend", "Ring road closed for repairs"], snapshot.Entries.Select(e => e.Title));
        Assert.Equal("https://example.org/2022/05/04/fares/", snapshot.Entries[0].Url);
    }

    [Fact]
    public void Cards_that_are_each_one_link_to_another_story_are_teasers()
    {
        const string html = """
            <html><body><div class="rail">
              <a href="/news/fares"><div class="card"><p class="when">09:10</p><h3>Bus fares to rise in June</h3><p>The story so far, in a line or two of text.</p></div></a>
              <a href="/news/rain"><div class="card"><p class="when">08:40</p><h3>Rain warning for the weekend</h3><p>The story so far, in a line or two of text.</p></div></a>
              <a href="/news/road"><div class="card"><p class="when">08:05</p><h3>Ring road closed for repairs</h3><p>The story so far, in a line or two of text.</p></div></a>
            </div></body></html>
            """;

        AssertArticleWithTeasers(Auto(html), 3);
    }

    [Fact]
    public void A_players_duration_is_not_a_time_of_day()
    {
        const string html = """
            <html><body><article><p class="posted">08:27</p><p>Let us start with the caveats.</p>
            <div class="player"><div class="mejs-time"><span class="mejs-duration">00:51</span></div></div>
            <p>The truth is that growth is hard.</p></article></body></html>
            """;

        var snapshot = Auto(html, "2016-04-05T12:00:00Z");

        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public void Items_that_open_with_a_line_linking_to_another_story_are_teasers()
    {
        const string html = """
            <html><body><div class="news-list">
              <div class="row"><div class="time">16:20</div><div class="title"><a href="/s/1">Free IT courses for women</a></div><div class="body">Women across the country can now train for careers in technology through a new programme.</div></div>
              <div class="row"><div class="time">15:50</div><div class="title"><a href="/s/2">Fine for breaking quarantine</a></div><div class="body">A man was fined eleven thousand euros after he left home while he was meant to isolate.</div></div>
              <div class="row"><div class="time">15:10</div><div class="title"><a href="/s/3">School closed after four cases</a></div><div class="body">A school in the district closed its doors after four of its teachers tested positive.</div></div>
            </div></body></html>
            """;

        AssertArticleWithTeasers(Auto(html), 3);
    }

    [Fact]
    public void A_live_blog_with_a_short_intro_and_few_entries_stays_a_live_blog()
    {
        var html = $"""
            <html><body><div class="standfirst"><p>Follow the strike as it happens: pickets, talks and travel news from across the
            region, updated through the day by our reporters on the ground.</p></div>
            <div class="live">
              <div><p>09:10</p><p>Talks resume at ten.</p></div>
              <div><p>08:40</p><p>Pickets at the depot.</p></div>
            </div></body></html>
            """;

        var snapshot = Auto(html);

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal(2, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(EntryKind.Entry, e.Kind));
    }

    [Fact]
    public void A_slow_live_blog_over_two_days_stays_a_live_blog()
    {
        const string html = """
            <html><body><div class="live">
              <div><p>Wednesday 4 May 2022 – 09:00</p><p>Day two of the strike begins.</p></div>
              <div><p>Tuesday 3 May 2022 – 21:00</p><p>Talks break up without agreement.</p></div>
              <div><p>Tuesday 3 May 2022 – 12:00</p><p>A rally in the square at noon.</p></div>
              <div><p>Tuesday 3 May 2022 – 06:00</p><p>The strike begins.</p></div>
            </div></body></html>
            """;

        var snapshot = Auto(html);

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.Equal(4, snapshot.Entries.Count);
    }

    [Fact]
    public void A_known_live_blog_is_taken_at_its_word_whatever_the_signs()
    {
        const string html = """
            <html><body><div class="live">
              <div><p>3 May 2022 18:00</p><p>A quiet day.</p></div>
              <div><p>1 May 2022 09:00</p><p>The camp is set up.</p></div>
              <div><p>27 April 2022 12:00</p><p>The blog begins.</p></div>
            </div></body></html>
            """;

        var snapshot = Known(html);

        Assert.Equal(FeedKind.LiveBlog, snapshot.Kind);
        Assert.All(snapshot.Entries, e => Assert.Equal(EntryKind.Entry, e.Kind));
        Assert.Equal(FeedKind.LiveBlog, ParseText(html, "2022-05-05T00:00:00Z", "liveblog-html").Kind);
    }
}
