using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

/// <summary>Live blogs in structured data (microdata, JSON-LD) whose values need the page's help. Our own small pages.</summary>
public sealed class StructuredLiveBlogTests
{
    [Fact]
    public void Microdata_meta_properties_give_their_content_as_headline_body_and_url()
    {
        // Attributes written as pages write them: unquoted, and with spaces around '='.
        const string html = """
            <html><head><title>Cup live</title></head><body>
            <div itemscope itemtype="https://schema.org/LiveBlogPosting">
            <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting"><meta itemprop="url" content=#u2></meta><meta itemprop="datePublished" content="2023-11-02T21:06:52+05:30" /><meta itemprop="articleBody" content = "It is over: the hosts win by 302 runs." /><meta itemprop="headline" content="It's a wrap!" /><div class="shown">21:06 It's a wrap!</div></div>
            <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting"><meta itemprop="url" content="https://example.org/live#u1"><meta itemprop="datePublished" content="2023-11-02T20:06:52+05:30" /><meta itemprop="articleBody" content="Kuldeep takes the last wicket &amp; the game." /><meta itemprop="headline" content="Last wicket" /></div>
            <meta itemprop="headline" content="Hosts v Visitors live">
            </div></body></html>
            """;

        var snapshot = ParseText(html, "2023-11-02T16:00:00Z");

        Assert.Equal("microdata", snapshot.Format);
        Assert.Equal("Hosts v Visitors live", snapshot.Title);
        Assert.Equal(["It's a wrap!", "Last wicket"], snapshot.Entries.Select(e => e.Title));
        Assert.Equal(["It is over: the hosts win by 302 runs.", "Kuldeep takes the last wicket & the game."], snapshot.Entries.Select(e => e.Text));
        Assert.Equal(["https://example.org/live#u2", "https://example.org/live#u1"], snapshot.Entries.Select(e => e.Url));
        Assert.Equal("2023-11-02T21:06:52+05:30", Iso(snapshot.Entries[0].Published));
    }

    [Fact]
    public void Microdata_values_follow_each_element_kind_and_a_nested_items_properties_are_not_the_updates()
    {
        const string html = """
            <html><body><div itemscope itemtype="https://schema.org/LiveBlogPosting"><h1 itemprop="headline">Vote live</h1>
            <article itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
              <div itemprop="about" itemscope itemtype="https://schema.org/Event"><span itemprop="headline">Nested event name</span>
                <a itemprop="url" href="/events/count">count</a><time itemprop="datePublished" datetime="2020-01-01T00:00:00Z">old</time></div>
              <a itemprop="url" href="/live#u7">permalink</a>
              <time itemprop="datePublished" datetime="2024-07-05T01:10:00+01:00">Ten past one</time>
              <data itemprop="headline" value="First seat declared">Seat 1</data>
              <div itemprop="articleBody"><p>Turnout was 61%.</p></div>
            </article></div></body></html>
            """;

        var entry = Assert.Single(ParseText(html, "2024-07-05T02:00:00Z").Entries);

        Assert.Equal("First seat declared", entry.Title);
        Assert.Equal("https://example.org/live#u7", entry.Url);
        Assert.Equal("2024-07-05T01:10:00+01:00", Iso(entry.Published));
        Assert.Equal("Turnout was 61%.", entry.Text);
    }

    [Fact]
    public void Microdata_updates_that_all_carry_the_pages_time_take_the_time_each_one_shows()
    {
        const string html = """
            <html><body><div itemscope itemtype="https://schema.org/LiveBlogPosting"><h1 itemprop="headline">Storm live</h1>
            <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting"><meta itemprop="datePublished" content="2024-01-02T12:00:00Z">
              <time datetime="2024-01-02T11:30:00Z">11.30</time><p itemprop="articleBody">Ferries cancelled.</p></div>
            <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting"><meta itemprop="datePublished" content="2024-01-02T12:00:00Z">
              <time datetime="2024-01-02T10:05:00Z">10.05</time><p itemprop="articleBody">Winds reach 90mph.</p></div>
            </div></body></html>
            """;

        var snapshot = ParseText(html, "2024-01-02T12:30:00Z");

        Assert.Equal(["2024-01-02T11:30:00+00:00", "2024-01-02T10:05:00+00:00"], snapshot.Entries.Select(e => Iso(e.Published)));
    }

    private const string SameTimeJsonLd = """
        <script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"War live: talks in Kyiv","datePublished":"2023-05-15T11:50:54Z",
        "liveBlogUpdate":[
          {"@type":"BlogPosting","@id":"64aa01","datePublished":"2023-05-15T11:50:54.000Z","headline":"War live: talks in Kyiv","articleBody":"Sanctions are ready, the commission says."},
          {"@type":"BlogPosting","@id":"64aa02","datePublished":"2023-05-15T11:50:54.000Z","headline":"War live: talks in Kyiv","articleBody":"Jets were discussed at the meeting."},
          {"@type":"BlogPosting","@id":"64aa03","datePublished":"2023-05-15T11:50:54.000Z","headline":"War live: talks in Kyiv","articleBody":"Good morning and welcome."}]}</script>
        """;

    [Fact]
    public void Json_ld_updates_that_all_carry_the_pages_time_and_title_take_time_and_heading_from_their_own_element()
    {
        const string html = "<html><head><title>War live: talks in Kyiv | The Paper</title>" + SameTimeJsonLd + """
            </head><body>
            <article class="block pinned"><header><time datetime="2023-05-15T11:05:09.000Z">11.05</time><h2>Jets discussed</h2></header><p>Jets were discussed at the meeting.</p></article>
            <article id="block-64aa01" class="block"><header><time datetime="2023-05-15T11:50:54.000Z">5m ago</time><span>12.50 BST</span></header><p>Sanctions are ready, the commission says.</p>
              <footer><time datetime="2023-05-15T11:52:00.000Z" title="Last updated Monday, 15 May 2023 at 11:52">Updated</time></footer></article>
            <article id="block-64aa02" class="block"><header><time datetime="2023-05-15T11:05:09.000Z">50m ago</time><span>12.05 BST</span><h2>Jets discussed</h2></header><p>Jets were discussed at the meeting.</p></article>
            <article id="block-64aa03" class="block"><header><time datetime="2023-05-15T10:42:56.000Z">1h ago</time><span>11.42 BST</span></header><p>Good morning and welcome.</p></article>
            </body></html>
            """;

        var snapshot = ParseText(html, "2023-05-15T12:00:00Z");

        Assert.Equal("jsonld", snapshot.Format);
        Assert.Equal(["64aa01", "64aa02", "64aa03"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal(["2023-05-15T12:50:54+01:00", "2023-05-15T12:05:09+01:00", "2023-05-15T11:42:56+01:00"], snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.Equal([null, "Jets discussed", null], snapshot.Entries.Select(e => e.Title));
        Assert.Equal("2023-05-15T12:52:00+01:00", Iso(snapshot.Entries[0].Updated!.Value));
        Assert.Equal("Good morning and welcome.", snapshot.Entries[2].Text);
    }

    [Fact]
    public void Json_ld_updates_whose_elements_are_not_in_the_page_keep_their_times_but_not_the_pages_title()
    {
        const string html = "<html><head><title>War live</title>" + SameTimeJsonLd + "</head><body><p>Loading…</p></body></html>";

        var snapshot = ParseText(html, "2023-05-15T12:00:00Z");

        Assert.Equal(3, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal("2023-05-15T12:50:54+01:00", Iso(e.Published)));
        Assert.All(snapshot.Entries, e => Assert.Null(e.Title));
    }

    [Fact]
    public void Json_ld_updates_with_times_of_their_own_keep_them_though_their_headline_is_the_pages_title()
    {
        // The page's time elements are off by an hour (local time marked Z); the structured data's distinct times stand.
        const string html = """
            <html><head><title>Summit live</title><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Summit live","liveBlogUpdate":[
              {"@type":"BlogPosting","url":"https://example.org/live#e2","datePublished":"2023-11-02T16:56:00+01:00","headline":"Summit live","articleBody":"Leaders arrive."},
              {"@type":"BlogPosting","url":"https://example.org/live#e1","datePublished":"2023-11-02T15:10:00+01:00","headline":"Summit live","articleBody":"Doors open."}]}</script></head>
            <body><div id="e2"><time datetime="2023-11-02T16:56:00Z">16:56</time><h3>Arrivals</h3><p>Leaders arrive.</p></div>
            <div id="e1"><time datetime="2023-11-02T15:10:00Z">15:10</time><p>Doors open.</p></div></body></html>
            """;

        var snapshot = ParseText(html, "2023-11-02T17:00:00Z");

        Assert.Equal(["2023-11-02T16:56:00+01:00", "2023-11-02T15:10:00+01:00"], snapshot.Entries.Select(e => Iso(e.Published)));
        Assert.Equal(["Arrivals", null], snapshot.Entries.Select(e => e.Title));
    }

    [Theory]
    [InlineData("19:02(IST) Toss: hosts bat first", "Toss: hosts bat first")]
    [InlineData("7.45pm (BST) Polls close", "Polls close")]
    [InlineData("11.04 Uhr: Gespräche beginnen", "Gespräche beginnen")]
    [InlineData("3.45 million people marched", "3.45 million people marched")]
    [InlineData("2:1 win for the visitors", "2:1 win for the visitors")]
    public void Json_ld_headlines_lose_a_leading_time_of_day(string headline, string title)
    {
        var html = "<html><body><script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Live\",\"liveBlogUpdate\":[" +
            "{\"@type\":\"BlogPosting\",\"url\":\"https://example.org/live#p1\",\"datePublished\":\"2020-10-02T19:02:32+05:30\"," +
            "\"headline\":\"" + headline + "\",\"articleBody\":\"The update's own text.\"}]}</script></body></html>";

        var entry = Assert.Single(ParseText(html, "2020-10-02T14:00:00Z").Entries);

        Assert.Equal(title, entry.Title);
    }

    [Fact]
    public void A_json_ld_text_cut_short_is_completed_from_the_element_that_shows_the_updates_time()
    {
        // No ids: each row is known by the one time element that shows its exact instant.
        const string html = """
            <html><body><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Match live","liveBlogUpdate":[
              {"@type":"BlogPosting","url":"https://example.org/live#post1","datePublished":"2020-10-02T19:02:32+05:30","headline":"19:02(IST) Toss: hosts win the toss and bat","articleBody":"Toss: hosts win the toss and bat"},
              {"@type":"BlogPosting","url":"https://example.org/live#post2","datePublished":"2020-10-02T18:16:46+05:30","headline":"18:16(IST) The presence of the captain made a fragile middle-order, full of roo","articleBody":"The presence of the captain made a fragile middle-order, full of roo"},
              {"@type":"BlogPosting","url":"https://example.org/live#post3","datePublished":"2020-10-02T18:16:40+05:30","headline":"18:16(IST) Rain is forecast for the evening, the ground staff say","articleBody":"Rain is forecast for the evening, the ground staff say."}]}</script>
            <div class="rows">
            <div><div class="ad"></div><div class="row"><div class="when"><span>19:02 (IST), Oct 02</span><time dateTime="2020-10-02T19:02:32+05:30"></time></div><div class="body"><p><b>Toss: hosts win the toss and bat</b></p></div></div></div>
            <div><div class="row"><div class="when"><span>18:16 (IST), Oct 02</span><time dateTime="2020-10-02T18:16:46+05:30"></time></div><div class="body"><p><b>The presence of the captain made a fragile middle-order, full of rookies, look solid.</b></p><p>Both openers scored too.</p></div></div></div>
            <div><div class="row"><div class="when"><span>18:16 (IST), Oct 02</span><time dateTime="2020-10-02T18:16:40+05:30"></time></div><div class="body"><p>Rain is forecast for the evening, the ground staff say. Covers are ready.</p></div></div></div>
            </div></body></html>
            """;

        var snapshot = ParseText(html, "2020-10-02T14:00:00Z");

        Assert.Equal(3, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Null(e.Title));
        Assert.Equal("Toss: hosts win the toss and bat", snapshot.Entries[0].Text);
        Assert.Equal("The presence of the captain made a fragile middle-order, full of rookies, look solid.\n\nBoth openers scored too.", snapshot.Entries[1].Text);

        // A text that ends a sentence was not cut: it stays as the structured data gives it.
        Assert.Equal("Rain is forecast for the evening, the ground staff say.", snapshot.Entries[2].Text);
    }

    [Fact]
    public void A_json_ld_text_the_element_only_repeats_is_not_completed_from_it()
    {
        const string html = """
            <html><body><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"City live","liveBlogUpdate":[
              {"@type":"BlogPosting","url":"https://example.org/live#2259","datePublished":"2020-10-06T18:28:28Z","articleBody":"Hospital suspends visiting until further notice"},
              {"@type":"BlogPosting","url":"https://example.org/live#2258","datePublished":"2020-10-06T17:52:02Z","articleBody":"Libraries move to click and collect from Friday"}]}</script>
            <div id="2259"><p>Hospital suspends visiting until further notice</p><a href="/news/hospital">Hospital suspends visiting until further notice</a></div>
            <div id="2258"><p>Libraries move to click and collect from Friday</p></div>
            </body></html>
            """;

        var snapshot = ParseText(html, "2020-10-06T20:00:00Z");

        Assert.Equal(["Hospital suspends visiting until further notice", "Libraries move to click and collect from Friday"], snapshot.Entries.Select(e => e.Text));
    }
}
