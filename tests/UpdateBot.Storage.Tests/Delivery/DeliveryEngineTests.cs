using Microsoft.Extensions.Logging.Abstractions;
using UpdateBot.Core;
using UpdateBot.Core.Chats;
using UpdateBot.Core.Configuration;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Delivery;

/// <summary>The delivery engine on a real SQLite outbox, with a hand-written platform and fake time.</summary>
public sealed class DeliveryEngineTests : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async Task InitializeAsync() => db = await TestDatabase.SqliteAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Fan_out_sends_each_chat_once_then_edits_and_deletes_the_same_messages()
    {
        await Subscribe("1", "2", "3");
        var platform = new FakeChatPlatform();
        var deliverer = Deliverer(platform);

        await Commit(ChangeKind.Added, Entry("e1", "first words"));
        await DrainAsync(deliverer);
        var sends = platform.Calls.Where(c => c.Kind == "send").ToList();
        await Commit(ChangeKind.Updated, Entry("e1", "corrected words"));
        await DrainAsync(deliverer);
        await Commit(ChangeKind.Removed, Entry("e1", "corrected words"));
        await DrainAsync(deliverer);

        Assert.Equal(["1", "2", "3"], sends.Select(c => c.Chat.ChatId).Order());
        Assert.Equal(3, sends.Select(c => c.IdempotencyKey).Distinct().Count());
        var edits = platform.Calls.Where(c => c.Kind == "edit").ToList();
        var deletes = platform.Calls.Where(c => c.Kind == "delete").ToList();
        Assert.Equal(3, edits.Count);
        Assert.Equal(3, deletes.Count);
        foreach (var send in sends)
        {
            var sentIds = platform.Calls.Count(c => c.Kind == "send" && c.Chat == send.Chat);
            Assert.Equal(1, sentIds);
            var edit = edits.Single(e => e.Chat == send.Chat);
            Assert.Contains("corrected words", edit.Text, StringComparison.Ordinal);
            Assert.Equal(edit.MessageIds, deletes.Single(d => d.Chat == send.Chat).MessageIds);
        }

        Assert.Equal(9, platform.Calls.Count);
    }

    [Fact]
    public async Task A_chat_receives_entries_in_order_with_breaking_entries_first()
    {
        await Subscribe("1");
        var platform = new FakeChatPlatform();
        await Commit(ChangeKind.Added, Entry("e2", "two", minute: 2), Entry("e1", "one", minute: 1), Entry("e3", "three", minute: 3));
        await db.Timeline.CommitAsync(
            new TimelineBatch("breaking", [new TimelineChange(ChangeKind.Added, Entry("b1", "breaking news", minute: 4) with { SourceName = "breaking", Kind = EntryKind.Breaking }, true)], new Dictionary<string, int>()),
            default);

        await DrainAsync(Deliverer(platform));

        Assert.Equal(["breaking news", "one", "two", "three"], platform.Calls.Select(c => c.Text.Split(' ')[0] == "breaking" ? "breaking news" : c.Text));
    }

    [Fact]
    public async Task A_chat_too_far_behind_gets_one_digest_instead_of_a_flood()
    {
        await Subscribe("1", "2");
        var platform = new FakeChatPlatform();
        var entries = Enumerable.Range(1, 8).Select(i => Entry($"e{i}", $"entry number {i}", minute: i)).ToArray();
        await Commit(ChangeKind.Added, entries);
        var deliverer = Deliverer(platform, new DeliveryOptions { InstanceId = "t", DigestThreshold = 5 });

        await DrainAsync(deliverer);

        Assert.Equal(2, platform.Calls.Count);
        Assert.All(platform.Calls, c => Assert.Equal("8 new entries", c.Message!.Title));
        Assert.All(platform.Calls, c => Assert.Contains("entry number 8", c.Text, StringComparison.Ordinal));
        Assert.Equal(2, deliverer.Statistics.Digests);
        Assert.Equal(0, (await db.Queue.CountAsync(null, default)).Pending);
    }

    [Fact]
    public async Task A_429_pauses_only_the_chat_concerned_for_retry_after()
    {
        await Subscribe("A", "B");
        var platform = new FakeChatPlatform();
        var limitedOnce = 0;
        platform.Script = call => call.Chat.ChatId == "A" && Interlocked.Exchange(ref limitedOnce, 1) == 0 ? SendResult.Limited(TimeSpan.FromSeconds(30)) : null;
        var deliverer = Deliverer(platform);
        await Commit(ChangeKind.Added, Entry("e1", "x", minute: 1), Entry("e2", "y", minute: 2));

        for (var i = 0; i < 5; i++)
        {
            await deliverer.RunRoundAsync(default);
        }

        var beforeRetry = platform.Calls.ToList();
        db.Time.Advance(TimeSpan.FromSeconds(31));
        await DrainAsync(deliverer);

        Assert.Equal(["A"], beforeRetry.Where(c => c.Chat.ChatId == "A").Select(c => c.Chat.ChatId)); // asked once, then waited
        Assert.Equal(2, beforeRetry.Count(c => c.Chat.ChatId == "B")); // B went on meanwhile
        Assert.Equal(3, platform.Calls.Count(c => c.Chat.ChatId == "A"));
        Assert.Equal(1, deliverer.Statistics.RateLimited);
    }

    [Fact]
    public async Task Passing_faults_back_off_and_retry_and_a_rejected_message_is_given_up()
    {
        await Subscribe("1");
        var platform = new FakeChatPlatform();
        var calls = 0;
        platform.Script = call => Interlocked.Increment(ref calls) switch
        {
            1 or 2 => SendResult.Failed(SendOutcome.Transient, "502"),
            3 => SendResult.Failed(SendOutcome.Rejected, "message too long"),
            _ => null,
        };
        await Commit(ChangeKind.Added, Entry("e1", "x", minute: 1), Entry("e2", "y", minute: 2));
        var deliverer = Deliverer(platform);

        await DrainAsync(deliverer);

        Assert.Equal(["x", "x", "x", "y"], platform.Calls.Select(c => c.Text.Split(' ')[0]));
        var counts = await db.Queue.CountAsync(null, default);
        Assert.Equal((0, 1), (counts.Pending, counts.Failed));
        Assert.Equal(2, deliverer.Statistics.Transient);
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_is_paused_and_asked_nothing_more()
    {
        await Subscribe("A", "B");
        var platform = new FakeChatPlatform { Script = call => call.Chat.ChatId == "A" ? SendResult.Failed(SendOutcome.Forbidden, "bot was blocked by the user") : null };
        await Commit(ChangeKind.Added, Entry("e1", "x", minute: 1), Entry("e2", "y", minute: 2), Entry("e3", "z", minute: 3));

        await DrainAsync(Deliverer(platform));
        await Commit(ChangeKind.Added, Entry("e4", "w", minute: 4));
        await DrainAsync(Deliverer(platform));

        Assert.Single(platform.Calls, c => c.Chat.ChatId == "A");
        Assert.Equal(4, platform.Calls.Count(c => c.Chat.ChatId == "B"));
        var subscription = (await db.Subscriptions.GetForChatAsync(new ChatAddress("telegram", "A"), default)).Single();
        Assert.Equal("bot was blocked by the user", subscription.PausedReason);
        Assert.Equal(3, (await db.Queue.CountAsync(null, default)).Cancelled);
    }

    [Fact]
    public async Task A_moved_chat_takes_its_subscription_and_the_message_along()
    {
        await Subscribe("-1");
        var platform = new FakeChatPlatform
        {
            Script = call => call.Chat.ChatId == "-1" ? new SendResult(SendOutcome.Moved) { MovedTo = new ChatAddress("telegram", "-1001") } : null,
        };
        await Commit(ChangeKind.Added, Entry("e1", "x"));

        await DrainAsync(Deliverer(platform));

        Assert.Equal(["-1", "-1001"], platform.Calls.Select(c => c.Chat.ChatId));
        Assert.Single(await db.Subscriptions.GetForChatAsync(new ChatAddress("telegram", "-1001"), default));
        Assert.Empty(await db.Subscriptions.GetForChatAsync(new ChatAddress("telegram", "-1"), default));
    }

    [Fact]
    public async Task A_restarted_instance_takes_back_its_claims_and_sends_each_job_once()
    {
        await Subscribe("1", "2", "3");
        await Commit(ChangeKind.Added, Entry("e1", "x"));
        var platform = new FakeChatPlatform();
        var before = Deliverer(platform);
        var claimed = await db.Queue.ClaimAsync("telegram", before.Owner, 2, TimeSpan.FromMinutes(5), default); // then the process died

        using var cancel = new CancellationTokenSource();
        var after = Deliverer(platform);
        var run = after.RunAsync(cancel.Token);
        for (var i = 0; i < 500 && platform.Calls.Count < 3; i++)
        {
            await Task.Delay(10);
            db.Time.Advance(TimeSpan.FromMilliseconds(300));
        }

        await cancel.CancelAsync();
        await run;

        Assert.Equal(2, claimed.Count);
        Assert.Equal(["1", "2", "3"], platform.Calls.Select(c => c.Chat.ChatId).Order());
    }

    [Fact]
    public async Task Entries_a_chat_filters_out_are_settled_without_a_send_or_a_rate_permit()
    {
        foreach (var chat in new[] { "1", "2", "3", "4" })
        {
            await db.Subscriptions.SubscribeAsync(
                new Subscription { Chat = new ChatAddress("telegram", chat), SourceName = "live", Filter = new SubscriptionFilter { Keywords = ["strike"] } },
                default);
        }

        var platform = new FakeChatPlatform("telegram", new PlatformLimits(30, 1, 20, "-"));
        var deliverer = Deliverer(platform);
        await Commit(ChangeKind.Added, Entry("e1", "a quiet morning in the square"));

        // Fake time stands still: had each filtered job waited for a permit (one per 34 ms), the round would never end.
        await deliverer.RunRoundAsync(default).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(platform.Calls);
        Assert.Equal(0, (await db.Queue.CountAsync("telegram", default)).Pending);
        Assert.True(deliverer.Scheduler.TryAcquire(new ChatAddress("telegram", "9"), out _));
    }

    private PlatformDeliverer Deliverer(FakeChatPlatform platform, DeliveryOptions? options = null) => new(
        platform,
        db.Queue,
        db.Entries,
        db.Subscriptions,
        new FeedTimeZones(new FixedOptionsMonitor<UpdateBotOptions>(new UpdateBotOptions())),
        options ?? new DeliveryOptions { InstanceId = "test" },
        db.Time,
        NullLogger.Instance);

    private async Task DrainAsync(PlatformDeliverer deliverer)
    {
        for (var round = 0; round < 500; round++)
        {
            if (!await deliverer.RunRoundAsync(default))
            {
                if ((await db.Queue.CountAsync(deliverer.Platform, default)).Pending == 0)
                {
                    return;
                }

                db.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        throw new Xunit.Sdk.XunitException("The outbox did not drain.");
    }

    private async Task Subscribe(params string[] chats)
    {
        foreach (var chat in chats)
        {
            await db.Subscriptions.SubscribeAsync(new Subscription { Chat = new ChatAddress("telegram", chat), SourceName = "live" }, default);
        }
    }

    private Task Commit(ChangeKind kind, params Entry[] entries) =>
        db.Timeline.CommitAsync(new TimelineBatch("live", entries.Select(e => new TimelineChange(kind, e, true)).ToList(), new Dictionary<string, int>()), default);

    private static Entry Entry(string id, string text, int minute = 0) => new()
    {
        SourceName = "live",
        Id = id,
        Published = new DateTimeOffset(2026, 11, 25, 10, minute, 0, TimeSpan.Zero),
        Text = text,
    };
}
