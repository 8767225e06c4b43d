using UpdateBot.Core.Entries;
using UpdateBot.Core.Messages;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Tests;

public sealed class EntryComposerTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static Entry Sample => new()
    {
        SourceName = "leeds",
        Id = "a1",
        Published = new DateTimeOffset(2016, 6, 28, 9, 42, 0, TimeSpan.Zero),
        Text = "See the statement here: full text.\n\nSecond paragraph.",
        Links = [new EntryLink("full text", "https://example.org/statement"), new EntryLink("evil", "javascript:alert(1)")],
        Media = [new EntryMedia("https://example.org/a.jpg")],
        Url = "https://example.org/live#a1",
    };

    [Fact]
    public void TimeIsShownInTheFeedsZone()
    {
        var message = EntryComposer.Compose(Sample, London);

        Assert.Equal("Tue 28 Jun 10:42", message.TimeLabel);
        Assert.Equal(MessageTone.Entry, message.Tone);
        Assert.Equal("https://example.org/a.jpg", message.ImageUrl);
    }

    [Fact]
    public void ParagraphsAreKeptAndKnownLinksBecomeLinkRuns()
    {
        var message = EntryComposer.Compose(Sample, London);

        Assert.Equal(2, message.Body.Count);
        var link = Assert.Single(message.Body[0].Runs.OfType<LinkRun>());
        Assert.Equal("https://example.org/statement", link.Url);
        Assert.Equal("See the statement here: full text.", message.Body[0].PlainText);
    }

    [Fact]
    public void RemovedEntriesAreMarkedWithdrawnAndStruckThrough()
    {
        var message = EntryComposer.Compose(Sample, London, ChangeKind.Removed);

        Assert.Equal(MessageTone.Retracted, message.Tone);
        Assert.Contains("withdrawn", message.Body[0].PlainText, StringComparison.Ordinal);
        Assert.All(message.Body.Skip(1).SelectMany(p => p.Runs).OfType<TextRun>(), r => Assert.True(r.Style.HasFlag(TextStyle.Strike)));
    }

    [Fact]
    public void ContentHashChangesWithTextButNotWithTime()
    {
        var edited = Sample with { Text = Sample.Text + " Updated." };
        var moved = Sample with { Published = Sample.Published.AddMinutes(1) };

        Assert.NotEqual(Sample.ContentHash, edited.ContentHash);
        Assert.Equal(Sample.ContentHash, moved.ContentHash);
    }
}
