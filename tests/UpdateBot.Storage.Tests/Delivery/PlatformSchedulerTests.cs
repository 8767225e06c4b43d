using Microsoft.Extensions.Time.Testing;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;

namespace UpdateBot.Storage.Tests.Delivery;

public sealed class PlatformSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Telegram_limits_are_never_exceeded_in_any_sliding_window()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PlatformScheduler(new PlatformLimits(30, 1, 20), 0.98, time);
        var sends = new List<(DateTimeOffset At, ChatAddress Chat)>();
        var chats = Enumerable.Range(0, 3).Select(i => new ChatAddress("telegram", $"c{i}")).ToArray();

        // Three chats always wanting to send, for two minutes of fake time.
        while (time.GetUtcNow() < Start.AddMinutes(2))
        {
            var ready = chats.FirstOrDefault(c => scheduler.DestinationWait(c) == TimeSpan.Zero);
            if (ready is null)
            {
                time.Advance(chats.Min(scheduler.DestinationWait));
                continue;
            }

            Acquire(scheduler, time, ready);
            sends.Add((time.GetUtcNow(), ready));
        }

        foreach (var chat in chats)
        {
            var times = sends.Where(s => s.Chat == chat).Select(s => s.At).ToList();
            Assert.True(MaxInWindow(times, TimeSpan.FromSeconds(1)) <= 1);
            Assert.True(MaxInWindow(times, TimeSpan.FromMinutes(1)) <= 20);
            Assert.True(times.Count >= 30); // and it does not starve: close to 20 a minute each
        }
    }

    [Fact]
    public void The_global_rate_holds_across_many_chats_and_a_global_429_pauses_everything()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PlatformScheduler(new PlatformLimits(50, 0, 0), 0.98, time);
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < 500; i++)
        {
            Acquire(scheduler, time, new ChatAddress("discord", $"{i}"));
            times.Add(time.GetUtcNow());
        }

        scheduler.PauseGlobal(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(scheduler.TryAcquire(new ChatAddress("discord", "x"), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.1), wait);
        time.Advance(wait);
        Assert.True(scheduler.TryAcquire(new ChatAddress("discord", "x"), out _));

        Assert.True(MaxInWindow(times, TimeSpan.FromSeconds(1)) <= 50);
        Assert.True(times[^1] - times[0] < TimeSpan.FromSeconds(10.5)); // ~49/s, not much slower
    }

    [Fact]
    public void A_chat_429_pauses_only_that_chat()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PlatformScheduler(new PlatformLimits(30, 1, 20), 1, time);
        var a = new ChatAddress("telegram", "a");
        var b = new ChatAddress("telegram", "b");

        scheduler.PauseDestination(a, TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), scheduler.DestinationWait(a));
        Assert.Equal(TimeSpan.Zero, scheduler.DestinationWait(b));
    }

    [Fact]
    public void A_sender_that_wakes_late_keeps_the_configured_pace_and_never_exceeds_the_ceiling()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PlatformScheduler(new PlatformLimits(30, 1, 20, "-"), 0.98, time);
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < 1000; i++)
        {
            // Each sleep ends 1.5 ms after the permit was due, as timers do.
            while (!scheduler.TryAcquire(new ChatAddress("telegram", $"{i}"), out var wait))
            {
                time.Advance(wait + TimeSpan.FromMilliseconds(1.5));
            }

            times.Add(time.GetUtcNow());
        }

        var seconds = (times[^1] - times[0]).TotalSeconds;
        Assert.InRange(999 / seconds, 29.0, 29.4 + 1e-6); // without catching up it would be 1 / (34.0 + 1.5 ms) = 28.2/s
        Assert.True(MaxInWindow(times, TimeSpan.FromSeconds(1)) <= 30);
    }

    [Fact]
    public void A_send_counts_against_the_window_from_its_start_until_a_second_after_its_answer()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PlatformScheduler(new PlatformLimits(30, 0, 0), 1, time);
        var permits = new List<SendPermit>();
        for (var i = 0; i < 30; i++)
        {
            SendPermit? permit;
            while (!scheduler.TryStart(new ChatAddress("telegram", $"{i}"), out var wait, out permit))
            {
                time.Advance(wait);
            }

            permits.Add(permit);
        }

        // Paced, the 31st would be due now; but 30 sends are still unanswered.
        time.Advance(TimeSpan.FromMilliseconds(34));
        Assert.False(scheduler.TryStart(new ChatAddress("telegram", "x"), out _, out _));

        permits.ForEach(p => p.Dispose());
        Assert.False(scheduler.TryStart(new ChatAddress("telegram", "x"), out var afterAnswers, out _));
        Assert.Equal(TimeSpan.FromSeconds(1), afterAnswers);
        time.Advance(afterAnswers);
        Assert.True(scheduler.TryStart(new ChatAddress("telegram", "x"), out _, out _));
    }

    [Fact]
    public void Only_groups_are_held_to_the_per_minute_limit()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PlatformScheduler(new PlatformLimits(30, 1, 20, "-"), 0.98, time);
        var person = new ChatAddress("telegram", "4242");
        var group = new ChatAddress("telegram", "-1001234");
        var sends = new Dictionary<ChatAddress, List<DateTimeOffset>> { [person] = [], [group] = [] };

        while (time.GetUtcNow() < Start.AddMinutes(2))
        {
            var ready = sends.Keys.FirstOrDefault(c => scheduler.DestinationWait(c) == TimeSpan.Zero);
            if (ready is null)
            {
                time.Advance(sends.Keys.Min(scheduler.DestinationWait));
                continue;
            }

            Acquire(scheduler, time, ready);
            sends[ready].Add(time.GetUtcNow());
        }

        Assert.True(MaxInWindow(sends[group], TimeSpan.FromMinutes(1)) <= 20);
        Assert.True(MaxInWindow(sends[person], TimeSpan.FromMinutes(1)) > 50); // about one a second
        Assert.True(MaxInWindow(sends[person], TimeSpan.FromSeconds(1)) <= 1);
    }

    private static void Acquire(PlatformScheduler scheduler, FakeTimeProvider time, ChatAddress chat)
    {
        while (!scheduler.TryAcquire(chat, out var wait))
        {
            time.Advance(wait);
        }
    }

    private static int MaxInWindow(List<DateTimeOffset> times, TimeSpan window)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}
