using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests;

/// <summary>The store contract, run against every provider (SQLite and a real PostgreSQL) by the subclasses.</summary>
public abstract class StoreContractTests : DatabaseContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [StoreFact]
    public async Task Added_entry_creates_one_job_per_subscribed_unpaused_destination()
    {
        await Subscribe("telegram", "1", "Live");
        await Subscribe("telegram", "2", Subscription.AllSources);
        await Subscribe("telegram", "2", "live"); // both '*' and the source: still one job
        await Subscribe("discord", "3", "LIVE");
        await Subscribe("telegram", "4", "other");
        await Subscribe("telegram", "5", "live", paused: "blocked");

        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1"))), default);

        var telegram = await ClaimAll("telegram");
        var discord = await ClaimAll("discord");
        Assert.Equal(["1", "2"], telegram.Select(j => j.Chat.ChatId).Order());
        Assert.Equal(["3"], discord.Select(j => j.Chat.ChatId));
        Assert.All(telegram.Concat(discord), j => Assert.Equal(("e1", ChangeKind.Added), (j.EntryId, j.Change)));
    }

    [StoreFact]
    public async Task A_breaking_entry_goes_to_every_chat_with_an_active_subscription()
    {
        await Subscribe("telegram", "1", "live");
        await Subscribe("telegram", "2", "other");
        await Subscribe("telegram", "3", "other", paused: "blocked");
        var breaking = Entry("b1") with { SourceName = "breaking", Kind = EntryKind.Breaking };

        await Db.Timeline.CommitAsync(new TimelineBatch("breaking", [Added(breaking)], new Dictionary<string, int>()), default);

        var jobs = await ClaimAll("telegram");
        Assert.Equal(["1", "2"], jobs.Select(j => j.Chat.ChatId).Order());
        Assert.All(jobs, j => Assert.True(j.Breaking));
    }

    [StoreFact]
    public async Task Entries_already_stored_are_not_delivered_again_after_a_restart()
    {
        await Subscribe("telegram", "1", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1")), Added(Entry("e2"))), default);
        Db.Reopen();

        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1")), Added(Entry("e2")), Added(Entry("e3"))), default);

        var counts = await Db.Queue.CountAsync("telegram", default);
        Assert.Equal(3, counts.Pending);
        var known = await Db.Entries.GetKnownAsync("Live", default);
        Assert.Equal(["e1", "e2", "e3"], known.Select(k => k.Id).Order());
    }

    [StoreFact]
    public async Task Changed_content_is_an_update_and_unchanged_content_is_nothing()
    {
        await Subscribe("telegram", "1", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1", "first"))), default);
        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Updated, Entry("e1", "first"), true)), default);
        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Updated, Entry("e1", "second"), true)), default);

        var first = await ClaimAll("telegram");
        await Db.Queue.CompleteAsync(first.Single(), "w", ["m1"], default);
        var second = await ClaimAll("telegram");

        Assert.Equal(ChangeKind.Added, first.Single().Change);
        Assert.Equal(ChangeKind.Updated, second.Single().Change);
        Assert.Equal(Entry("e1", "second").ContentHash, second.Single().ContentHash);
        Assert.Equal("second of e1", (await Db.Entries.FindAsync("live", "e1", default))!.Text);
    }

    [StoreFact]
    public async Task Removal_is_delivered_once_and_hides_the_entry()
    {
        await Subscribe("telegram", "1", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1")), Added(Entry("e2"))), default);
        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Removed, Entry("e1"), true)), default);
        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Removed, Entry("e1"), true)), default);

        Assert.Equal(3, (await Db.Queue.CountAsync(null, default)).Pending);
        var latest = await Db.Entries.GetLatestAsync(10, 0, default);
        Assert.Equal(["e2"], latest.Select(e => e.Id));
        Assert.True((await Db.Entries.GetKnownAsync("live", default)).Single(k => k.Id == "e1").Removed);
    }

    [StoreFact]
    public async Task Entries_round_trip_with_links_media_and_times()
    {
        var entry = Entry("e1") with
        {
            Title = "Title <b>",
            Url = "https://example.org/e1",
            Author = "Ann",
            Kind = EntryKind.Breaking,
            Updated = new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero),
            Links = [new EntryLink("a link", "https://example.org/a")],
            Media = [new EntryMedia("https://example.org/i.jpg", "cap", MediaKind.Image)],
        };
        await Db.Timeline.CommitAsync(Batch(Added(entry)), default);

        var found = await Db.Entries.FindAnyAsync("e1", default);

        Assert.NotNull(found);
        Assert.Equal(entry.ContentHash, found.ContentHash);
        Assert.Equal(entry.Published, found.Published);
        Assert.Equal(entry.Updated, found.Updated);
        Assert.Equal(("Ann", EntryKind.Breaking, "https://example.org/e1"), (found.Author, found.Kind, found.Url));
        Assert.Equal(entry.Links, found.Links);
        Assert.Equal(entry.Media, found.Media);
    }

    [StoreFact]
    public async Task Latest_is_newest_first_with_skip_and_misses_are_recorded()
    {
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1", minute: 1)), Added(Entry("e2", minute: 2)), Added(Entry("e3", minute: 3))), default);
        await Db.Timeline.CommitAsync(new TimelineBatch("live", [], new Dictionary<string, int> { ["e1"] = 2 }), default);

        var latest = await Db.Entries.GetLatestAsync(2, 1, default);
        var known = await Db.Entries.GetKnownAsync("live", default);

        Assert.Equal(["e2", "e1"], latest.Select(e => e.Id));
        Assert.Equal(2, known.Single(k => k.Id == "e1").Misses);
        Assert.Equal(0, known.Single(k => k.Id == "e2").Misses);
    }

    [StoreFact]
    public async Task A_destination_gets_its_jobs_one_at_a_time_in_entry_order_breaking_first()
    {
        await Subscribe("telegram", "1", Subscription.AllSources);
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e2", minute: 2)), Added(Entry("e1", minute: 1))), default);
        await Db.Timeline.CommitAsync(new TimelineBatch("breaking", [Added(Entry("b1", minute: 3) with { SourceName = "breaking", Kind = EntryKind.Breaking })], new Dictionary<string, int>()), default);

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var claimed = await Db.Queue.ClaimAsync("telegram", "w", 10, Lease, default);
            Assert.Single(claimed);
            Assert.Empty(await Db.Queue.ClaimAsync("telegram", "other", 10, Lease, default)); // one in flight per destination
            order.Add(claimed[0].EntryId);
            Assert.Equal(3 - i, claimed[0].Backlog);
            await Db.Queue.CompleteAsync(claimed[0], "w", [$"m{i}"], default);
        }

        Assert.Equal(["b1", "e1", "e2"], order);
        Assert.True(order.Count == 3 && (await Db.Queue.ClaimAsync("telegram", "w", 10, Lease, default)).Count == 0);
    }

    [StoreFact]
    public async Task A_dead_workers_claims_return_when_the_lease_expires_or_the_owner_restarts()
    {
        await Subscribe("telegram", "1", "live");
        await Subscribe("telegram", "2", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1"))), default);
        var dead = await Db.Queue.ClaimAsync("telegram", "dead", 1, Lease, default);
        var other = await Db.Queue.ClaimAsync("telegram", "alive", 10, Lease, default);
        Assert.Single(dead);
        Assert.Single(other);
        Assert.NotEqual(dead[0].Chat, other[0].Chat);

        Assert.Equal(1, await Db.Queue.ReleaseOwnerAsync("dead", default));
        var retaken = await Db.Queue.ClaimAsync("telegram", "alive", 10, Lease, default);
        Assert.Equal(dead[0].Id, retaken.Single().Id);

        Db.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await Db.Queue.ClaimAsync("telegram", "third", 10, Lease, default);
        Assert.Equal(2, afterExpiry.Count);
    }

    [StoreFact]
    public async Task Completion_records_message_ids_and_removal_forgets_them()
    {
        await Subscribe("telegram", "1", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1"))), default);
        var job = (await ClaimAll("telegram")).Single();
        await Db.Queue.CompleteAsync(job, "w", ["100", "101"], default);

        var delivered = await Db.Queue.GetDeliveredAsync(job.Chat, "LIVE", "e1", default);
        Assert.Equal(["100", "101"], delivered!.MessageIds);
        Assert.Equal(job.ContentHash, delivered.ContentHash);

        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Removed, Entry("e1"), true)), default);
        var removal = (await ClaimAll("telegram")).Single();
        await Db.Queue.CompleteAsync(removal, "w", null, default);
        Assert.Null(await Db.Queue.GetDeliveredAsync(job.Chat, "live", "e1", default));
        Assert.Equal(0, (await Db.Queue.CountAsync(null, default)).Pending);
    }

    [StoreFact]
    public async Task Retry_holds_the_destination_until_due_and_failure_is_final()
    {
        await Subscribe("telegram", "1", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1", minute: 1)), Added(Entry("e2", minute: 2))), default);
        var job = (await ClaimAll("telegram")).Single();
        await Db.Queue.RetryAsync(job.Id, "w", Db.Time.GetUtcNow().AddSeconds(10), "timeout", default);

        Assert.Empty(await ClaimAll("telegram")); // e2 must not overtake e1
        Assert.Equal(Db.Time.GetUtcNow().AddSeconds(10), await Db.Queue.NextDueAsync("telegram", default));
        Db.Time.Advance(TimeSpan.FromSeconds(10));
        var again = (await ClaimAll("telegram")).Single();
        Assert.Equal((job.Id, 1), (again.Id, again.Attempts));

        await Db.Queue.FailAsync(again.Id, "w", "rejected", default);
        var next = (await ClaimAll("telegram")).Single();
        Assert.Equal("e2", next.EntryId);
        Assert.Equal(1, (await Db.Queue.CountAsync("telegram", default)).Failed);
    }

    [StoreFact]
    public async Task Backlog_claim_takes_every_pending_job_of_the_destination()
    {
        await Subscribe("telegram", "1", "live");
        await Subscribe("telegram", "2", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1", minute: 1)), Added(Entry("e2", minute: 2)), Added(Entry("e3", minute: 3))), default);
        var head = (await Db.Queue.ClaimAsync("telegram", "w", 10, Lease, default)).First(j => j.Chat.ChatId == "1");

        var backlog = await Db.Queue.ClaimBacklogAsync(head.Chat, "w", Lease, default);

        Assert.Equal(["e1", "e2", "e3"], backlog.Select(j => j.EntryId));
        Assert.Empty(await Db.Queue.ClaimBacklogAsync(head.Chat, "intruder", Lease, default));
    }

    [StoreFact]
    public async Task Pausing_cancels_pending_jobs_and_stops_fan_out_and_moving_carries_jobs_over()
    {
        await Subscribe("telegram", "1", "live");
        await Subscribe("telegram", "2", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1"))), default);

        await Db.Subscriptions.SetPausedAsync(new ChatAddress("telegram", "1"), "bot was blocked", default);
        await Db.Subscriptions.MoveChatAsync(new ChatAddress("telegram", "2"), new ChatAddress("telegram", "-1002"), default);
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e2", minute: 2))), default);

        var paused = await Db.Subscriptions.GetForChatAsync(new ChatAddress("telegram", "1"), default);
        Assert.Equal("bot was blocked", paused.Single().PausedReason);
        Assert.Empty(await Db.Subscriptions.GetForChatAsync(new ChatAddress("telegram", "2"), default));
        Assert.Single(await Db.Subscriptions.GetForChatAsync(new ChatAddress("telegram", "-1002"), default));
        var counts = await Db.Queue.CountAsync("telegram", default);
        Assert.Equal((2, 1), (counts.Pending, counts.Cancelled));
        var claimed = await ClaimAll("telegram");
        Assert.Equal(("-1002", "e1"), (claimed.Single().Chat.ChatId, claimed.Single().EntryId));
    }

    [StoreFact]
    public async Task Subscriptions_add_replace_count_and_remove()
    {
        var chat = new ChatAddress("discord", "9");
        Assert.True(await Db.Subscriptions.SubscribeAsync(new Subscription { Chat = chat, SourceName = "live", CreatedAt = Db.Time.GetUtcNow() }, default));
        var filter = new SubscriptionFilter { Keywords = ["march"], NearPlace = "Leeds", RadiusKm = 20 };
        Assert.False(await Db.Subscriptions.SubscribeAsync(new Subscription { Chat = chat, SourceName = "Live", Filter = filter }, default));
        Assert.True(await Db.Subscriptions.SubscribeAsync(new Subscription { Chat = chat, SourceName = "other" }, default));

        var list = await Db.Subscriptions.GetForChatAsync(chat, default);
        Assert.Equal(2, await Db.Subscriptions.CountAsync(default));
        Assert.Equal(["march"], list.Single(s => s.SourceName == "Live").Filter.Keywords);
        Assert.Equal(20, list.Single(s => s.SourceName == "Live").Filter.RadiusKm);
        Assert.Equal(1, await Db.Subscriptions.UnsubscribeAsync(chat, "LIVE", default));
        Assert.Equal(1, await Db.Subscriptions.UnsubscribeAsync(chat, null, default));
        Assert.Equal(0, await Db.Subscriptions.CountAsync(default));
    }

    [StoreFact]
    public async Task Source_state_round_trips()
    {
        var state = new SourceState { SourceName = "Live", ETag = "\"abc\"", Initialized = true, ConsecutiveFailures = 2, LastSuccess = Db.Time.GetUtcNow() };
        await Db.States.SaveAsync(state, default);
        await Db.States.SaveAsync(state with { EntriesSeen = 7, Kind = FeedKind.Article }, default);

        Assert.Equal(state with { EntriesSeen = 7, Kind = FeedKind.Article }, await Db.States.GetAsync("live", default));
        Assert.Single(await Db.States.GetAllAsync(default));
        Assert.Null(await Db.States.GetAsync("missing", default));
    }

    [StoreFact]
    public async Task Source_lease_is_exclusive_renewable_and_expires()
    {
        var ttl = TimeSpan.FromSeconds(20);
        Assert.True(await Db.Leases.TryAcquireSourceLeaseAsync("live", "a", ttl, default));
        Assert.False(await Db.Leases.TryAcquireSourceLeaseAsync("Live", "b", ttl, default));
        Db.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.True(await Db.Leases.TryAcquireSourceLeaseAsync("live", "a", ttl, default)); // renewal
        Db.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.False(await Db.Leases.TryAcquireSourceLeaseAsync("live", "b", ttl, default));
        Db.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await Db.Leases.TryAcquireSourceLeaseAsync("live", "b", ttl, default)); // a died
        await Db.Leases.ReleaseSourceLeaseAsync("live", "b", default);
        Assert.True(await Db.Leases.TryAcquireSourceLeaseAsync("live", "c", ttl, default));
    }

    [StoreFact]
    public async Task Schema_is_versioned_and_migrating_again_changes_nothing()
    {
        await Db.Database.MigrateAsync(default);
        Db.Reopen();
        await Db.Database.MigrateAsync(default);

        await using var connection = await Db.Database.OpenConnectionAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        long migrations = Sql.Schema.Migrations(Db.Database).Count;
        Assert.True(migrations >= 2);
        Assert.Equal((migrations, migrations), (Convert.ToInt64(reader.GetValue(0), null), Convert.ToInt64(reader.GetValue(1), null)));
    }

    [StoreFact]
    public async Task Concurrent_claimers_never_get_the_same_job()
    {
        for (var i = 0; i < 60; i++)
        {
            await Subscribe("telegram", $"c{i}", "live");
        }

        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1"))), default);
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (true)
            {
                var batch = await Db.Queue.ClaimAsync("telegram", $"w{w}", 4, Lease, default);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(j => j.Id));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [StoreFact]
    public async Task Breaking_entries_go_to_every_destination_whatever_source_it_chose()
    {
        await Subscribe("telegram", "1", "live");
        await Subscribe("telegram", "2", "other");
        await Subscribe("discord", "3", Subscription.AllSources);
        await Subscribe("telegram", "4", "other", paused: "blocked");
        var breaking = Entry("b1") with { SourceName = "breaking", Kind = EntryKind.Breaking };

        await Db.Timeline.CommitAsync(new TimelineBatch("breaking", [Added(breaking)], new Dictionary<string, int>()), default);

        Assert.Equal(["1", "2"], (await ClaimAll("telegram")).Select(j => j.Chat.ChatId).Order());
        Assert.Equal(["3"], (await ClaimAll("discord")).Select(j => j.Chat.ChatId));
    }

    [StoreFact]
    public async Task Queue_stats_count_pending_per_platform_and_per_chat()
    {
        await Subscribe("telegram", "1", "live");
        await Subscribe("telegram", "2", "live");
        await Subscribe("discord", "3", "live");
        await Db.Timeline.CommitAsync(Batch(Added(Entry("e1")), Added(Entry("e2", minute: 1))), default);

        var stats = await Db.Stats.GetAsync(default);
        var chat = await Db.Stats.PendingForAsync(new ChatAddress("telegram", "1"), default);

        Assert.Equal([("discord", 2L), ("telegram", 4L)], stats.Select(s => (s.Platform, s.Pending)));
        Assert.All(stats, s => Assert.NotNull(s.OldestPending));
        Assert.Equal(2, chat);
    }

    [StoreFact]
    public async Task Chat_settings_keep_a_home_place_and_reminders_across_restarts()
    {
        var leeds = new ChatAddress("telegram", "-100");
        var quiet = new ChatAddress("discord", "9");
        await Db.ChatSettings.SaveAsync(leeds, new Core.Events.ChatEventSettings { HomePlace = "Leeds, GB", Remind = true }, default);
        await Db.ChatSettings.SaveAsync(quiet, new Core.Events.ChatEventSettings { HomePlace = "Bristol, GB" }, default);
        await Db.ChatSettings.SaveAsync(quiet, new Core.Events.ChatEventSettings { HomePlace = "Bath, GB" }, default);
        Db.Reopen();

        var reminded = await Db.ChatSettings.GetRemindedAsync(default);

        Assert.Equal("Bath, GB", (await Db.ChatSettings.GetAsync(quiet, default)).HomePlace);
        Assert.Equal(Core.Events.ChatEventSettings.Default, await Db.ChatSettings.GetAsync(new ChatAddress("telegram", "1"), default));
        var (chat, settings) = Assert.Single(reminded);
        Assert.Equal((leeds, "Leeds, GB"), (chat, settings.HomePlace));
    }

    [StoreFact]
    public async Task Audit_log_keeps_moderator_actions_newest_first()
    {
        var moderator = new UserRef("telegram", "42", "Sam");
        await Db.Audit.RecordAsync(new Core.Moderation.AuditRecord(Db.Time.GetUtcNow(), moderator, "post", "b1", "Demo at 6"), default);
        await Db.Audit.RecordAsync(new Core.Moderation.AuditRecord(Db.Time.GetUtcNow().AddMinutes(1), moderator, "retract", "b1", "Demo at 6"), default);
        Db.Reopen();

        var records = await Db.Audit.RecentAsync(10, default);

        Assert.Equal(["retract", "post"], records.Select(r => r.Action));
        Assert.Equal(moderator, records[0].User);
        Assert.Equal(Db.Time.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds(), records[0].At.ToUnixTimeMilliseconds());
    }

    private async Task Subscribe(string platform, string chat, string source, string? paused = null) =>
        await Db.Subscriptions.SubscribeAsync(
            new Subscription { Chat = new ChatAddress(platform, chat), SourceName = source, PausedReason = paused, CreatedAt = Db.Time.GetUtcNow() }, default);

    private async Task<IReadOnlyList<DeliveryJob>> ClaimAll(string platform) =>
        await Db.Queue.ClaimAsync(platform, "w", 1000, Lease, default);

    private static TimelineChange Added(Entry entry) => new(ChangeKind.Added, entry, true);

    private static TimelineBatch Batch(params TimelineChange[] changes) => new("live", changes, new Dictionary<string, int>());

    private static Entry Entry(string id, string text = "Text", int minute = 0) => new()
    {
        SourceName = "Live",
        Id = id,
        Published = new DateTimeOffset(2026, 11, 25, 10, minute, 0, TimeSpan.Zero),
        Text = $"{text} of {id}",
    };
}
