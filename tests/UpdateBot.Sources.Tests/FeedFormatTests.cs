using UpdateBot.Core.Entries;
using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

public sealed class FeedFormatTests
{
    [Fact]
    public void Rss2_items_keep_guid_link_dates_content_and_media()
    {
        var snapshot = Parse("rss2.xml", "2024-06-01T00:00:00Z");

        Assert.Equal(FeedKind.Feed, snapshot.Kind);
        Assert.Equal("rss", snapshot.Format);
        Assert.Equal("Example & Co news", snapshot.Title);
        var second = snapshot.Entries[0];
        Assert.Equal("story-2", second.Id);
        Assert.Equal("Second story", second.Title);
        Assert.Equal("https://rss.example.org/2", second.Url);
        Assert.Equal("Full text of the second story.", second.Text);
        Assert.Equal("https://rss.example.org/i.png", Assert.Single(second.Media).Url);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), second.Published);
        var first = snapshot.Entries[1];
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 9, 30, 0, TimeSpan.FromHours(1)), first.Published);
        Assert.Equal("+01:00", Iso(first.Published)[^6..]);
        Assert.Equal("https://rss.example.org/1.jpg", Assert.Single(first.Media).Url);
    }

    [Fact]
    public void Rss1_rdf_items_are_read()
    {
        var snapshot = Parse("rss1.rdf", "2024-06-01T00:00:00Z");

        Assert.Equal("rdf", snapshot.Format);
        Assert.Equal("RDF news", snapshot.Title);
        var entry = Assert.Single(snapshot.Entries);
        Assert.Equal("https://rdf.example.org/a", entry.Id);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero), entry.Published);
        Assert.Equal("Item text.", entry.Text);
    }

    [Fact]
    public void Atom_resolves_xml_base_reads_xhtml_and_text_constructs_and_hub()
    {
        var snapshot = Parse("atom.xml", "2024-06-01T00:00:00Z");

        Assert.Equal("atom", snapshot.Format);
        Assert.Equal("Atom news", snapshot.Title);
        Assert.Equal("https://hub.example.org/", snapshot.HubUrl);
        Assert.Equal("https://atom.example.org/feed.xml", snapshot.SelfUrl);
        var xhtml = snapshot.Entries[0];
        Assert.Equal("tag:atom.example.org,2024:2", xhtml.Id);
        Assert.Equal("https://atom.example.org/blog/posts/2", xhtml.Url);
        Assert.Equal("Inline markup.\n\nSecond paragraph.", xhtml.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 13, 0, 0, TimeSpan.FromHours(2)), xhtml.Updated);
        var text = snapshot.Entries[1];
        Assert.Equal("Text entry & more", text.Title);
        Assert.Equal("Plain <not a tag> summary.", text.Text);
        Assert.Equal("Jo", text.Author);
    }

    [Fact]
    public void Json_feed_items_are_read()
    {
        var snapshot = Parse("feed.json", "2024-06-01T00:00:00Z");

        Assert.Equal("jsonfeed", snapshot.Format);
        Assert.Equal(["j2", "j1"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal("Second x", snapshot.Entries[0].Text);
        Assert.Equal("https://json.example.org/x", Assert.Single(snapshot.Entries[0].Links).Url);
        Assert.Equal("https://json.example.org/img/2.png", Assert.Single(snapshot.Entries[0].Media).Url);
        Assert.Equal("Lee", snapshot.Entries[1].Author);
    }

    [Fact]
    public void Ill_formed_feed_keeps_what_can_be_read()
    {
        var snapshot = Parse("broken.xml", "2024-06-01T00:00:00Z");

        var entry = Assert.Single(snapshot.Entries);
        Assert.Equal("Ok été", entry.Title);
        Assert.Equal("https://broken.example.org/1?a=1&b=2", entry.Url);
    }

    [Fact]
    public void Charset_comes_from_the_header_the_bom_or_the_document()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Caf\u00e9</title></channel></rss>");
        var options = new ParseOptions(DateTimeOffset.UnixEpoch, London);
        Assert.Equal("Caf\u00e9", FeedParser.Parse(latin1, null, null, options).Title);

        var fromHeader = System.Text.Encoding.Latin1.GetBytes("<rss><channel><title>Caf\u00e9</title></channel></rss>");
        Assert.Equal("Caf\u00e9", FeedParser.Parse(fromHeader, "application/rss+xml; charset=ISO-8859-1", null, options).Title);

        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("<rss><channel><title>Caf\u00e9</title></channel></rss>")).ToArray();
        Assert.Equal("Caf\u00e9", FeedParser.Parse(bom, "text/xml; charset=iso-8859-1", null, options).Title);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_not_fatal()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("Monday 1 January – 10:00\n\nBad byte: X\n").ToArray();
        bytes[^3] = 0xFF;

        var snapshot = FeedParser.Parse(bytes, "text/plain; charset=utf-8", null, new ParseOptions(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), London));

        var entry = Assert.Single(snapshot.Entries);
        Assert.Contains('\uFFFD', entry.Text);
    }
}
