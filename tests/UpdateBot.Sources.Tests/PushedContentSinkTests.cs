using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Operations;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Timeline;
using UpdateBot.Sources.Push;
using UpdateBot.Sources.Tests.Fakes;

namespace UpdateBot.Sources.Tests;

public sealed class PushedContentSinkTests
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Strike news</title><link>https://news.example/</link>
        <item><guid>n2</guid><title>Pickets at the depot</title><description>Pickets are out.</description><pubDate>Wed, 01 May 2024 10:00:00 +0100</pubDate></item>
        <item><guid>n1</guid><title>Ballot result</title><description>A yes vote.</description><pubDate>Wed, 01 May 2024 09:00:00 +0100</pubDate></item>
        </channel></rss>
        """;

    private readonly InMemoryTimeline timeline = new();
    private readonly InMemorySourceStates states = new();

    private PushedContentSink Sink()
    {
        var options = new UpdateBotOptions();
        options.Sources.Add(new SourceOptions { Name = "news", Url = "https://news.example/feed.xml" });
        var wrapped = Options.Create(options);
        return new PushedContentSink(new TimelineIngestor(timeline, timeline, wrapped), states, wrapped, TimeProvider.System, NullLogger<PushedContentSink>.Instance);
    }

    private static PushedContent Push(string source) =>
        new(source, "https://news.example/feed.xml", "application/rss+xml", Encoding.UTF8.GetBytes(Feed), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_push_for_a_watched_source_delivers_its_new_entries_at_once()
    {
        await states.SaveAsync(new SourceState { SourceName = "news", Initialized = true }, CancellationToken.None);

        await Sink().AcceptAsync(Push("news"), CancellationToken.None);

        Assert.Equal(["n1", "n2"], timeline.Delivered.Select(c => c.Entry.Id));
    }

    [Fact]
    public async Task A_first_push_only_records_what_is_there()
    {
        await Sink().AcceptAsync(Push("news"), CancellationToken.None);

        Assert.Equal(2, timeline.AllChanges.Count);
        Assert.Empty(timeline.Delivered);
        Assert.True((await states.GetAsync("news", CancellationToken.None))!.Initialized);
    }

    [Fact]
    public async Task A_push_for_an_unknown_source_changes_nothing()
    {
        await Sink().AcceptAsync(Push("elsewhere"), CancellationToken.None);

        Assert.Empty(timeline.AllChanges);
    }
}
