using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Events;
using UpdateBot.Events.Hosting;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Reminders;

/// <summary>
/// Event reminders with several bot instances on one database (SQLite, and a real PostgreSQL): every instance runs
/// the reminder service with its own stores and its own event index, on one fake clock. Each reminder, move and
/// cancellation reaches the chat once, also after every instance was restarted, and also when an instance was killed
/// between claiming a reminder and learning whether it was sent.
/// </summary>
public abstract class ReminderScaleOutContractTests : DatabaseContractTests
{
    private static readonly ChatAddress Leeds = new("telegram", "-100");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly FakeChatPlatform telegram = new("telegram");
    private readonly List<Entry> entries = [];

    [StoreFact]
    public async Task Two_instances_and_then_two_restarted_ones_send_the_reminder_the_move_and_the_cancellation_once_each()
    {
        await Db.ChatSettings.SaveAsync(Leeds, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, default);
        Publish("e1", 9, 0, "Rally in Leeds tonight at 6pm in Millennium Square.");
        Db.Time.SetUtcNow(At(16, 55));

        await using (var a = new Instance(this))
        await using (var b = new Instance(this))
        {
            await RunUntil(At(17, 9), a, b);
        }

        Assert.Equal(["In an hour: "], Sent());

        Publish("e2", 17, 10, "The Leeds rally has been moved to 7pm.");
        await using (var c = new Instance(this))
        await using (var d = new Instance(this))
        {
            await RunUntil(At(17, 19), c, d);
            Assert.Equal(["In an hour: ", "Moved: "], Sent());

            Publish("e3", 17, 20, "Tonight's Leeds rally has been called off.");
            c.Catch(entries[^1]);
            d.Catch(entries[^1]);
            await RunUntil(At(17, 30), c, d);
        }

        Assert.Equal(["In an hour: ", "Moved: ", "Cancelled: "], Sent());
        Assert.Equal(3, telegram.Calls.Count);
        Assert.Contains("19:00", telegram.Calls.ElementAt(1).Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_reminder_claimed_by_an_instance_killed_mid_send_is_sent_once_by_the_restarted_ones_after_the_claim_lifetime()
    {
        await Db.ChatSettings.SaveAsync(Leeds, new ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, default);
        Publish("e1", 9, 0, "Rally in Leeds tonight at 6pm in Millennium Square.");
        Db.Time.SetUtcNow(At(17, 0));

        // The first instance claims the reminder and is killed in the send: it never gives the claim back or confirms it.
        var unanswering = new UnansweringChatPlatform("telegram");
        await using var killed = new Instance(this, unanswering);
        var round = killed.Service.RunOnceAsync(CancellationToken.None);
        Assert.Same(unanswering.Called, await Task.WhenAny(unanswering.Called, round));

        await using (var a = new Instance(this))
        await using (var b = new Instance(this))
        {
            await RunUntil(At(17, 5), a, b); // within the claim lifetime (5 minutes) the claim is the killed one's
            Assert.Empty(telegram.Calls);

            Db.Time.Advance(TimeSpan.FromMinutes(1));
            await RunUntil(At(17, 20), a, b);
        }

        Assert.Equal(["In 54 minutes: "], Sent());
        Assert.False(round.IsCompleted);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 25, hour, minute, 0, TimeSpan.Zero);

    private List<string> Sent() => [.. telegram.Calls.Select(c => c.Text[..(c.Text.IndexOf(':', StringComparison.Ordinal) + 2)])];

    /// <summary>An entry of the live blog, in November when London's time is UTC.</summary>
    private void Publish(string id, int hour, int minute, string text) => entries.Add(new Entry
    {
        SourceName = "live",
        Id = id,
        Published = At(hour, minute),
        Text = text,
        Url = $"https://example.org/live#{id}",
    });

    /// <summary>Each minute until <paramref name="end"/>, every instance runs its round at the same time.</summary>
    private async Task RunUntil(DateTimeOffset end, params Instance[] instances)
    {
        while (true)
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.Service.RunOnceAsync(CancellationToken.None))));
            if (Db.Time.GetUtcNow() >= end)
            {
                return;
            }

            Db.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>One bot process: its own database object, event index (fed every entry so far) and reminder service.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly StoreInstance stores;
        private readonly EventIndex index = new();

        public Instance(ReminderScaleOutContractTests test, IChatPlatform? platform = null)
        {
            stores = test.Db.OtherInstance();
            foreach (var entry in test.entries)
            {
                Catch(entry);
            }

            Service = new EventReminderService(
                index,
                Gazetteer.Directory,
                stores.ChatSettings,
                stores.Reminders,
                new FeedTimeZones(new FixedOptionsMonitor<UpdateBotOptions>(new UpdateBotOptions())),
                [platform ?? test.telegram],
                test.Db.Time,
                Options.Create(new EventsOptions()),
                NullLogger<EventReminderService>.Instance);
        }

        internal EventReminderService Service { get; }

        public void Catch(Entry entry) => index.Observe(entry, London);

        public async ValueTask DisposeAsync()
        {
            Service.Dispose();
            await stores.DisposeAsync();
        }
    }
}
