using Microsoft.Extensions.Time.Testing;
using UpdateBot.Demo;

namespace UpdateBot.Tests;

public sealed class DemoFeedTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task RevealsOneMoreEntryEveryIntervalStampedWhenItAppears()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
        await using var demo = new DemoFeedServer(time, London, TimeSpan.FromSeconds(6), initiallyShown: 3);
        await demo.StartAsync(CancellationToken.None);

        var atStart = demo.Shown(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(13));
        var later = demo.Shown(time.GetUtcNow());

        Assert.Equal(3, atStart.Count);
        Assert.Equal(5, later.Count);
        Assert.True(later[3].Time < later[4].Time);
        Assert.True(atStart[2].Time < new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ServesThePageOverLoopbackHttpWithChromeAroundTheEntries()
    {
        await using var demo = new DemoFeedServer(TimeProvider.System, London, TimeSpan.FromSeconds(6), initiallyShown: 3);
        await demo.StartAsync(CancellationToken.None);
        using var http = new HttpClient();

        var page = await http.GetStringAsync(demo.Url);

        Assert.Equal("127.0.0.1", demo.Url!.Host);
        Assert.Contains("Millennium Square", page, StringComparison.Ordinal);
        Assert.Contains("Share this article!", page, StringComparison.Ordinal);
        Assert.Contains("article:published_time", page, StringComparison.Ordinal);
    }
}
