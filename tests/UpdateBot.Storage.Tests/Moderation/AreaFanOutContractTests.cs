using UpdateBot.Core.Chats;
using UpdateBot.Core.Delivery;
using UpdateBot.Core.Entries;
using UpdateBot.Core.Events;
using UpdateBot.Core.Moderation;
using UpdateBot.Core.Storage;
using UpdateBot.Core.Subscriptions;
using UpdateBot.Storage.Sql;
using UpdateBot.Storage.Tests.Infrastructure;

namespace UpdateBot.Storage.Tests.Moderation;

/// <summary>
/// Delivery scopes in the store: a post to an area fans out only to chats whose home place is listed, and edits and
/// withdrawals only to the chats an entry reached. Run on SQLite and on a real PostgreSQL by the subclasses.
/// </summary>
public abstract class AreaFanOutContractTests : DatabaseContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [StoreFact]
    public async Task An_area_post_goes_only_to_subscribed_chats_whose_home_place_is_listed_on_both_platforms()
    {
        await Chat("telegram", "1", "Leeds, GB", "live");
        await Chat("discord", "2", "Bradford, GB", Subscription.AllSources);
        await Chat("discord", "2", "Bradford, GB", "live"); // two subscriptions: still one job
        await Chat("telegram", "3", "York, GB", "live");
        await Chat("discord", "4", "Leeds, GB", "live", paused: "blocked");
        await Chat("telegram", "5", home: null, "live");
        await Chat("discord", "6", home: null, "live", remind: true);
        await Chat("telegram", "7", "Leeds, GB", source: null);
        await Chat("telegram", "8", "Leeds, GB", "other");

        await Post(Breaking("b1"), DeliveryScope.WithHomePlaceIn(["Leeds, GB", "Bradford, GB"]));

        var jobs = await PendingJobs();
        Assert.Equal([("discord", "2"), ("telegram", "1"), ("telegram", "8")], jobs.Select(j => (j.Platform, j.Chat)));
        Assert.All(jobs, j => Assert.Equal(("b1", (int)ChangeKind.Added, 1), (j.Entry, j.Change, j.Priority)));
        Assert.Equal(["b1"], (await Db.Entries.GetLatestAsync(10, 0, default)).Select(e => e.Id));
    }

    [StoreFact]
    public async Task An_area_nobody_lives_in_stores_the_entry_and_creates_no_job()
    {
        await Chat("telegram", "1", "Leeds, GB", "live");
        await Chat("telegram", "2", home: null, "live");

        await Post(Breaking("b1"), DeliveryScope.WithHomePlaceIn([]));
        await Post(Breaking("b2"), DeliveryScope.WithHomePlaceIn(["Atlantis, XX"]));

        Assert.Empty(await PendingJobs());
        Assert.Equal(["b2", "b1"], (await Db.Entries.GetLatestAsync(10, 0, default)).Select(e => e.Id));
    }

    [StoreFact]
    public async Task Many_home_places_are_matched_across_statement_chunks_once_each()
    {
        var names = Enumerable.Range(0, (2 * SqlTimelineWriter.HomePlacesPerStatement) + 1).Select(i => $"Place {i}, GB").ToList();
        await Chat("telegram", "first", names[0], "live");
        await Chat("discord", "middle", names[SqlTimelineWriter.HomePlacesPerStatement + 3], "live");
        await Chat("telegram", "last", names[^1], "live");
        await Chat("telegram", "outside", "Elsewhere, GB", "live");

        await Post(Breaking("b1"), DeliveryScope.WithHomePlaceIn(names));

        Assert.Equal([("discord", "middle"), ("telegram", "first"), ("telegram", "last")], (await PendingJobs()).Select(j => (j.Platform, j.Chat)));
    }

    [StoreFact]
    public async Task Home_places_are_counted_over_chats_with_an_active_subscription_on_every_platform()
    {
        await Chat("telegram", "1", "Leeds, GB", "live");
        await Chat("discord", "2", "Leeds, GB", Subscription.AllSources);
        await Chat("discord", "2", "Leeds, GB", "live");
        await Chat("telegram", "3", "York, GB", "other");
        await Chat("telegram", "4", "York, GB", "live", paused: "kicked");
        await Chat("discord", "5", "Bath, GB", source: null);
        await Chat("telegram", "6", home: null, "live", remind: true);

        var homes = await new SqlDestinationHomePlaces(Db.Database).CountAsync(default);

        Assert.Equal([new HomePlaceCount("Leeds, GB", 2), new HomePlaceCount("York, GB", 1)], homes);
    }

    [StoreFact]
    public async Task Edits_and_withdrawals_follow_an_entry_only_into_the_chats_it_reached()
    {
        await Chat("telegram", "delivered", "Leeds, GB", "live");
        await Chat("discord", "queued", "Bradford, GB", "live");
        await Chat("telegram", "failed", "Leeds, GB", "live");
        await Chat("telegram", "outside", "York, GB", "live");
        await Chat("telegram", "blocked", "Leeds, GB", "live");
        await Post(Breaking("b1"), DeliveryScope.WithHomePlaceIn(["Leeds, GB", "Bradford, GB"]));
        var telegram = await Db.Queue.ClaimAsync("telegram", "w", 10, Lease, default);
        await Db.Queue.CompleteAsync(telegram.Single(j => j.Chat.ChatId == "delivered"), "w", ["m1"], default);
        await Db.Queue.CompleteAsync(telegram.Single(j => j.Chat.ChatId == "blocked"), "w", ["m2"], default);
        await Db.Subscriptions.SetPausedAsync(new ChatAddress("telegram", "blocked"), "bot was blocked", default);
        await Db.Queue.FailAsync(telegram.Single(j => j.Chat.ChatId == "failed").Id, "w", "chat not found", default);
        await Chat("telegram", "late", "Leeds, GB", "live"); // subscribed after the post: the entry never reached it

        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Updated, Breaking("b1", "Road open again"), true) { Scope = DeliveryScope.AlreadyReached }), default);
        var afterEdit = (await PendingJobs()).Where(j => j.Change == (int)ChangeKind.Updated).Select(j => (j.Platform, j.Chat)).ToList();
        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Removed, Breaking("b1", "Road open again"), true) { Scope = DeliveryScope.AlreadyReached }), default);
        var afterRetract = (await PendingJobs()).Where(j => j.Change == (int)ChangeKind.Removed).Select(j => (j.Platform, j.Chat)).ToList();

        Assert.Equal([("discord", "queued"), ("telegram", "delivered")], afterEdit);
        Assert.Equal([("discord", "queued"), ("telegram", "delivered")], afterRetract);
        Assert.Equal("Road open again", (await Db.Entries.FindAnyAsync("b1", default))!.Text);
    }

    [StoreFact]
    public async Task Without_a_scope_an_edit_of_a_breaking_entry_still_goes_to_every_subscribed_chat()
    {
        // The contrast to the scoped edit above: the scope is what keeps an area post in its area.
        await Chat("telegram", "near", "Leeds, GB", "live");
        await Chat("telegram", "far", "York, GB", "live");
        await Post(Breaking("b1"), DeliveryScope.WithHomePlaceIn(["Leeds, GB"]));

        await Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Updated, Breaking("b1", "Changed"), true)), default);

        var edits = (await PendingJobs()).Where(j => j.Change == (int)ChangeKind.Updated).Select(j => j.Chat);
        Assert.Equal(["far", "near"], edits);
    }

    private async Task Chat(string platform, string chat, string? home, string? source, string? paused = null, bool remind = false)
    {
        var address = new ChatAddress(platform, chat);
        if (home is not null || remind)
        {
            await Db.ChatSettings.SaveAsync(address, new ChatEventSettings { HomePlace = home, Remind = remind }, default);
        }

        if (source is not null)
        {
            await Db.Subscriptions.SubscribeAsync(
                new Subscription { Chat = address, SourceName = source, PausedReason = paused, CreatedAt = Db.Time.GetUtcNow() }, default);
        }
    }

    private Task Post(Entry entry, DeliveryScope scope) =>
        Db.Timeline.CommitAsync(Batch(new TimelineChange(ChangeKind.Added, entry, true) { Scope = scope }), default);

    private async Task<List<(string Platform, string Chat, string Entry, int Change, int Priority)>> PendingJobs()
    {
        await using var connection = await Db.Database.OpenAsync(default);
        await using var command = connection.Command(
            $"SELECT platform, chat_id, entry_id, change_kind, priority FROM delivery_jobs WHERE status = {JobStatus.Pending} ORDER BY platform, chat_id, id");
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        var jobs = new List<(string, string, string, int, int)>();
        while (await reader.ReadAsync(default))
        {
            jobs.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return jobs;
    }

    private static TimelineBatch Batch(TimelineChange change) => new(BreakingEntries.SourceName, [change], new Dictionary<string, int>());

    private static Entry Breaking(string id, string text = "Road closed at the bridge") => new()
    {
        SourceName = BreakingEntries.SourceName,
        Id = id,
        Published = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
        Text = text,
        Kind = EntryKind.Breaking,
    };
}
