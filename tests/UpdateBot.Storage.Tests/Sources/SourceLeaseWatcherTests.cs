using UpdateBot.Core.Configuration;
using UpdateBot.StandIns.Feeds;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Sources;

/// <summary>
/// Two bot instances' source watchers on one database and one loopback feed site: one polls, the other stands by and
/// takes over when the lease of a dead holder expires, or at its next look when the holder stopped cleanly. Time is a
/// fake clock moved one poll interval at a time, and only after every running watcher has finished its round.
/// </summary>
public abstract class SourceLeaseWatcherTests : IAsyncLifetime
{
    private const int TookOverEvent = 1022;
    private const int SkippedOnceEvent = 1028;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private TestDatabase db = null!;
    private FeedServer feeds = null!;
    private ParkingClock clock = null!;

    public async Task InitializeAsync()
    {
        db = await CreateAsync();
        feeds = await FeedServer.StartAsync();
        feeds.Set("/live", FeedResponse.Text(
            "<html><body><div class='live'><p><strong>Tuesday 28 June – 10:31</strong></p><p>A letter.</p>" +
            "<p><strong>Tuesday 28 June – 10:18</strong></p><p>A motion.</p></div></body></html>"));
        clock = new ParkingClock(db.Time, Interval / 2);
    }

    public async Task DisposeAsync()
    {
        await feeds.DisposeAsync();
        await db.DisposeAsync();
    }

    protected abstract Task<TestDatabase> CreateAsync();

    [StoreFact]
    public async Task Only_the_holder_polls_and_the_other_takes_over_once_a_dead_holders_lease_expires()
    {
        await using var a = Instance("a");
        await using var b = Instance("b");
        await a.StartAsync();
        await clock.WaitParkedAsync(1);
        await b.StartAsync();
        await clock.WaitParkedAsync(2);

        for (var i = 0; i < 6; i++)
        {
            await StepAsync(running: 2);
        }

        Assert.Equal(7, a.Polls); // at start and at each of the six intervals
        Assert.Equal(0, b.Polls);
        Assert.Equal(7, feeds.Hits("/live"));
        Assert.Equal(1, b.Logs.Count(1021)); // "stands by", said once

        // a is killed: it stops without giving its lease back. Its lease (3 intervals) was renewed just now.
        a.Dies = true;
        await a.StopAsync();
        await clock.WaitParkedAsync(1);
        var intervals = 0;
        while (b.Polls == 0 && intervals < 10)
        {
            await StepAsync(running: 1);
            intervals++;
        }

        Assert.Equal(3, intervals); // not before the lease expired, and at the first look after
        Assert.Equal(7, a.Polls);
        await StepAsync(running: 1);
        await StepAsync(running: 1);
        Assert.Equal(3, b.Polls);
        Assert.Equal(1, b.Logs.Count(TookOverEvent)); // the takeover is told once, not at every poll
        Assert.Equal(0, a.Logs.Count(TookOverEvent));
    }

    [StoreFact]
    public async Task A_holder_that_stops_cleanly_hands_the_source_over_at_the_next_look()
    {
        await using var a = Instance("a");
        await using var b = Instance("b");
        await a.StartAsync();
        await clock.WaitParkedAsync(1);
        await b.StartAsync();
        await clock.WaitParkedAsync(2);
        await StepAsync(running: 2);
        Assert.Equal((2, 0), (a.Polls, b.Polls));

        await a.StopAsync(); // releases the lease, which would otherwise hold for two more intervals
        await clock.WaitParkedAsync(1);
        await StepAsync(running: 1);

        Assert.Equal((2, 1), (a.Polls, b.Polls));
        Assert.Equal(1, b.Logs.Count(TookOverEvent));
    }

    [StoreFact]
    public async Task A_killed_instance_restarted_under_the_same_id_polls_at_once()
    {
        await using var before = Instance("a");
        before.Dies = true;
        await before.StartAsync();
        await clock.WaitParkedAsync(1);
        await before.StopAsync(); // killed: its lease stays for three intervals

        await using var restarted = Instance("a");
        await restarted.StartAsync();
        await clock.WaitParkedAsync(1);

        Assert.Equal(1, restarted.Polls); // no wait for the old process's lease: same instance, taken back at start
        Assert.Equal(2, feeds.Hits("/live"));
        Assert.Equal(1, restarted.Logs.Count(1024));
    }

    [StoreFact]
    public async Task A_one_shot_poll_skips_a_source_a_running_process_holds_even_of_the_same_instance_and_says_so()
    {
        await using var running = Instance("a");
        await running.StartAsync();
        await clock.WaitParkedAsync(1);
        await using var once = Instance("a"); // `--once` on the running bot's machine: the same instance id

        var skipped = await once.Watcher.PollAllOnceAsync(CancellationToken.None);

        Assert.Equal(["live"], skipped);
        Assert.Equal((1, 0), (running.Polls, once.Polls));
        Assert.Equal(1, once.Logs.Count(SkippedOnceEvent));
        Assert.False(await db.Leases.TryAcquireSourceLeaseAsync("live", "someone-else", Interval, default)); // still held

        await running.StopAsync(); // gives its lease back
        Assert.Empty(await once.Watcher.PollAllOnceAsync(CancellationToken.None));
        Assert.Equal(1, once.Polls);
        Assert.Equal(2, feeds.Hits("/live"));
        Assert.True(await db.Leases.TryAcquireSourceLeaseAsync("live", "someone-else", Interval, default)); // given back at once
    }

    private WatcherInstance Instance(string id) => WatcherInstance.Create(db, clock, id, new SourceOptions
    {
        Name = "live",
        Url = feeds.Url("/live").AbsoluteUri,
        PollInterval = Interval,
        MaxPollInterval = Interval, // no quiet-hours stretching: one poll per interval
    });

    private async Task StepAsync(int running)
    {
        clock.Advance(Interval);
        await clock.WaitParkedAsync(running);
    }
}
