using static UpdateBot.Sources.Tests.Fixtures;

namespace UpdateBot.Sources.Tests;

public sealed class FeedBase64Tests
{
    [Fact]
    public void Atom03_mode_base64_title_summary_and_content_are_decoded()
    {
        var snapshot = Parse("atom03-base64.xml", "2024-06-01T00:00:00Z");

        Assert.Equal("atom", snapshot.Format);
        Assert.Equal("Town hall <live>", snapshot.Title);
        var entry = Assert.Single(snapshot.Entries);
        Assert.Equal("tag:old.example.org,2024:1", entry.Id);
        Assert.Equal("Council votes 5 < 6 on the motion", entry.Title);
        Assert.Equal("https://old.example.org/1", entry.Url);
        Assert.Equal("Councillors voted & passed it.\n\nNext: the budget.", entry.Text);
        Assert.Equal("https://old.example.org/next", Assert.Single(entry.Links).Url);
    }

    [Fact]
    public void Atom10_content_of_a_non_text_media_type_is_base64()
    {
        var entries = Parse("atom10-base64.xml", "2024-06-01T00:00:00Z").Entries;

        Assert.Equal(3, entries.Count);
        Assert.Equal("Plain words <not markup> from an octet stream.", entries[0].Text);

        // Image bytes are not text: the entry falls back to its summary rather than showing them.
        Assert.Equal("Summary shown instead of the image bytes.", entries[1].Text);

        // Content that is not base64 after all is kept as written.
        Assert.Equal("{\"not\": \"base64\"}", entries[2].Text);
    }
}
