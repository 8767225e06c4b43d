using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using UpdateBot.Core.Entries;
using UpdateBot.Web.Tests.Fakes;
using UpdateBot.Web.Tests.Support;

namespace UpdateBot.Web.Tests;

public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static FakeEntryStore Timeline()
    {
        var store = new FakeEntryStore();
        store.Entries.Add(new Entry
        {
            SourceName = "guardian",
            Id = "p-1",
            Published = new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.FromHours(1)),
            Title = "Minister <resigns> & more",
            Text = "First paragraph with <script>alert(1)</script>.\n\nSecond \u0001 paragraph \"quoted\".",
            Url = "https://example.org/live#p-1",
            Author = "A. Writer",
            Links = [new EntryLink("the letter", "https://example.org/letter?a=1&b=2")],
            Media = [new EntryMedia("https://example.org/pic.jpg", "A <photo>")],
        });
        store.Entries.Add(new Entry
        {
            SourceName = "breaking",
            Id = "b-7",
            Kind = EntryKind.Breaking,
            Published = new DateTimeOffset(2026, 6, 28, 10, 30, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2026, 6, 28, 10, 45, 0, TimeSpan.Zero),
            Text = "Road closed at the bridge; use the ferry instead of the tunnel which is flooded after the storm overnight.",
        });
        return store;
    }

    [Fact]
    public async Task Atom_feed_is_well_formed_Atom_1_0_with_required_elements()
    {
        await using var web = await WebHost.StartAsync(entries: Timeline(), settings: new Dictionary<string, string?>
        {
            ["UpdateBot:Web:PublicBaseUrl"] = "https://bot.example.net/",
        });
        using var response = await web.Client.GetAsync("/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var feed = XDocument.Load(reader).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("urn:uuid:", feed.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal("UpdateBot", feed.Element(Atom + "title")!.Value);
        Assert.Equal(new DateTimeOffset(2026, 6, 28, 10, 45, 0, TimeSpan.Zero), DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("https://bot.example.net/feed.atom", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            Assert.StartsWith("urn:uuid:", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, out _));
        }

        Assert.NotEqual(entries[0].Element(Atom + "id")!.Value, entries[1].Element(Atom + "id")!.Value);

        var breaking = entries[0];
        Assert.StartsWith("Breaking: Road closed at the bridge", breaking.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("…", breaking.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains(breaking.Elements(Atom + "category"), c => (string?)c.Attribute("term") == "breaking");
        Assert.Equal("2026-06-28T10:30:00Z", breaking.Element(Atom + "published")!.Value);

        var guardian = entries[1];
        Assert.Equal("Minister <resigns> & more", guardian.Element(Atom + "title")!.Value);
        Assert.Equal("https://example.org/live#p-1", guardian.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("2026-06-28T08:00:00Z", guardian.Element(Atom + "updated")!.Value);
        var content = guardian.Element(Atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("&lt;script&gt;", content.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", content.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", content.Value, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/letter?a=1&amp;b=2\"", content.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_ids_stay_the_same_across_requests_and_edits()
    {
        var store = Timeline();
        await using var web = await WebHost.StartAsync(entries: store);
        var first = XDocument.Parse(await web.Client.GetStringAsync("/feed.atom")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        store.Entries[0] = store.Entries[0] with { Text = "Edited text", Updated = new DateTimeOffset(2026, 6, 28, 11, 0, 0, TimeSpan.Zero) };
        var second = XDocument.Parse(await web.Client.GetStringAsync("/feed.atom")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(first.Order(), second.Order());
    }

    [Fact]
    public async Task Json_feed_is_JSON_Feed_1_1_with_required_members()
    {
        await using var web = await WebHost.StartAsync(entries: Timeline());
        using var response = await web.Client.GetAsync("/feed.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType!.MediaType);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("UpdateBot", root.GetProperty("title").GetString());
        Assert.Equal(new Uri(web.BaseAddress, "/feed.json").AbsoluteUri, root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            Assert.True(DateTimeOffset.TryParseExact(item.GetProperty("date_published").GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        }

        Assert.Contains("breaking", items[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-06-28T10:45:00Z", items[0].GetProperty("date_modified").GetString());
        var guardian = items[1];
        Assert.Equal("First paragraph with <script>alert(1)</script>.\n\nSecond \u0001 paragraph \"quoted\".", guardian.GetProperty("content_text").GetString());
        Assert.DoesNotContain("<script>", guardian.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://example.org/pic.jpg", guardian.GetProperty("image").GetString());
        Assert.Equal("A. Writer", guardian.GetProperty("authors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Count_limits_the_number_of_items()
    {
        await using var web = await WebHost.StartAsync(entries: Timeline());
        using var json = JsonDocument.Parse(await web.Client.GetStringAsync("/feed.json?count=1"));
        Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_empty_timeline_still_gives_valid_feeds()
    {
        await using var web = await WebHost.StartAsync();
        var feed = XDocument.Parse(await web.Client.GetStringAsync("/feed.atom")).Root!;
        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.NotNull(feed.Element(Atom + "updated"));
        using var json = JsonDocument.Parse(await web.Client.GetStringAsync("/feed.json"));
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
    }
}
